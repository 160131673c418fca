package org.ceprint.printing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.ceprint.printing.PrintJob;
import org.ceprint.printing.internal.DocumentSource.Printable;
import org.ceprint.printing.internal.PrintClaims.Claim;
import org.ceprint.printing.internal.RunPreflight.PreflightFailedException;
import org.ceprint.rendering.CertificateView;
import org.ceprint.rendering.RenderingProperties;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prints a recorded certificate run in the calling thread, without a job: the run's
 * claims of each city are written by the writer of the job's chunk step
 * ({@link PrintFileWriter}: rendered under {@code .part}, recorded, marked printed and
 * renamed in one transaction), and {@link RunPreflight} checks the file in that same
 * transaction, so a file that fails is never recorded: it is deleted and its documents
 * are set aside with the faults. Then {@link RunFolderFinisher} finishes the folder as
 * the job's last step does. Called again for a run it already printed (after a crash), it
 * only finishes it.
 */
@Component
public class DirectRunPrinter {

	private static final Log logger = LogFactory.getLog(DirectRunPrinter.class);

	private final PrintRunStore store;

	private final PrintedDocuments documents;

	private final PrintClaims claims;

	private final CertificateSource certificates;

	private final RunPreflight preflight;

	private final RunFolderFinisher finisher;

	private final RenderingProperties rendering;

	private final PrintingProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	DirectRunPrinter(PrintRunStore store, PrintedDocuments documents, PrintClaims claims,
			CertificateSource certificates, RunPreflight preflight, RunFolderFinisher finisher,
			RenderingProperties rendering, PrintingProperties properties, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.store = store;
		this.documents = documents;
		this.claims = claims;
		this.certificates = certificates;
		this.preflight = preflight;
		this.finisher = finisher;
		this.rendering = rendering;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Prints the run's certificates unless it printed them before, then finishes it.
	 * @throws IllegalArgumentException for a run of another kind of documents
	 */
	public void print(long runId) {
		PrintRunRecord run = this.store.find(runId);
		if (run.job() != PrintJob.CERTIFICATES) {
			throw new IllegalArgumentException("print run " + runId + " is a " + run.job() + " run");
		}
		if (this.documents.printedByKind(runId).isEmpty()) {
			Map<String, List<Long>> byCity = new LinkedHashMap<>();
			for (Claim claim : this.claims.claimsOf(runId, PrintSelections.BOOKLET)) {
				byCity.computeIfAbsent(claim.partition(), (city) -> new ArrayList<>()).add(claim.key());
			}
			byCity.forEach((city, keys) -> printCity(run, city, keys));
		}
		this.transaction.executeWithoutResult((status) -> {
			try {
				// handed over at the counter: no distribution slip
				this.finisher.finish(runId, false);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("打印批次 %d 的目录未能写完：%s".formatted(runId, run.folder()), ex);
			}
		});
	}

	private void printCity(PrintRunRecord run, String city, List<Long> keys) {
		PrintFileWriter<CertificateView> writer = new PrintFileWriter<>(this.certificates, this.documents, run, city,
				this.clock, this.rendering, () -> {
				}, false);
		List<Printable<CertificateView>> loaded = new ArrayList<>();
		try {
			this.transaction.executeWithoutResult((status) -> {
				writer.open(new ExecutionContext());
				int size = this.properties.documentsPerFile();
				for (int from = 0; from < keys.size(); from += size) {
					List<Printable<CertificateView>> chunk = this.certificates
						.load(keys.subList(from, Math.min(keys.size(), from + size)), run);
					loaded.addAll(chunk);
					write(writer, chunk);
				}
				check(run.id());
			});
		}
		catch (PreflightFailedException ex) {
			setAside(run, city, loaded, ex.getMessage());
		}
	}

	private static void write(PrintFileWriter<CertificateView> writer, List<Printable<CertificateView>> chunk) {
		try {
			writer.write(new Chunk<>(chunk));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void check(long runId) {
		try {
			this.preflight.check(runId);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("preflight of print run " + runId + " failed", ex);
		}
	}

	/**
	 * The transaction rolled back: the files it renamed are deleted, and each document it
	 * printed is set aside with the preflight's faults, so the folder's rejects.csv names
	 * them and the run completes without them.
	 */
	private void setAside(PrintRunRecord run, String city, List<Printable<CertificateView>> loaded, String faults) {
		logger.error("run %d: preflight of %s failed: %s".formatted(run.id(), city, faults));
		try (var files = Files.list(run.folder())) {
			for (var file : files
				.filter((path) -> path.getFileName().toString().startsWith("certificates-" + city + "-"))
				.toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法删除打印批次 %d 未通过检查的文件".formatted(run.id()), ex);
		}
		LocalDateTime now = LocalDateTime.now(this.clock);
		this.transaction.executeWithoutResult((status) -> loaded.forEach(
				(printable) -> this.documents.addReject(run.id(), PrintJob.CERTIFICATES_KIND, printable.documentNo(),
						(printable.rejection() != null) ? printable.rejection() : "发布前检查未通过，未交付：" + faults, now)));
	}

}
