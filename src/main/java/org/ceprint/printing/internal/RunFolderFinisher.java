package org.ceprint.printing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.ceprint.registry.CsvFiles;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Last step of every print job: writes the distribution slips, then manifest.csv and
 * rejects.csv from the database, then the {@code _COMPLETE} marker. Each file is written
 * under a temporary name and renamed, so a folder holding {@code _COMPLETE} always holds
 * a whole manifest. CSV files carry a UTF-8 byte order mark so that Excel and WPS open
 * the Chinese text correctly, and no value they would run as a formula (a certificate
 * number typed into {@code --numbers-file} reaches rejects.csv as typed).
 */
public class RunFolderFinisher implements Tasklet {

	public static final String MANIFEST = "manifest.csv";

	public static final String REJECTS = "rejects.csv";

	public static final String COMPLETE_MARKER = "_COMPLETE";

	static final String ABANDONED_MARKER = "_ABANDONED";

	private final PrintRunStore store;

	private final PrintedDocuments documents;

	private final PrintClaims claims;

	private final DistributionSlips slips;

	private final Clock clock;

	private final boolean haltBeforeManifestRename;

	/**
	 * @param haltBeforeManifestRename fault injection for the kill tests only
	 * ({@code ceprint.printing.fault.halt-during-finish}): the process halts as if killed
	 * once the manifest is written under its temporary name and before it is renamed, the
	 * one moment of the finishing step a kill from outside cannot be timed to hit
	 */
	RunFolderFinisher(PrintRunStore store, PrintedDocuments documents, PrintClaims claims, DistributionSlips slips,
			Clock clock, boolean haltBeforeManifestRename) {
		this.store = store;
		this.documents = documents;
		this.claims = claims;
		this.slips = slips;
		this.clock = clock;
		this.haltBeforeManifestRename = haltBeforeManifestRename;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		finish(chunkContext.getStepContext().getStepExecution().getJobParameters().getLong("runId"), true);
		return RepeatStatus.FINISHED;
	}

	/**
	 * Writes the slips (unless {@code withSlips} is false: a booklet handed over at the
	 * counter goes to no unit), the manifest, the rejects and the marker, and records the
	 * completion, in the caller's transaction; again after a crash, it writes them anew.
	 */
	void finish(long runId, boolean withSlips) throws IOException {
		PrintRunRecord run = this.store.find(runId);
		Files.createDirectories(run.folder());
		LocalDateTime now = LocalDateTime.now(this.clock);
		if (withSlips) {
			this.slips.write(run, now.toLocalDate());
		}
		List<String[]> rejects = this.documents.rejects(runId);
		int[] documents = { 0 };
		// a document printed again on request says so, for the print office's records
		String status = run.reprint() ? "REPRINTED" : "PRINTED";
		writeAtomically(run.folder().resolve(MANIFEST), (out) -> {
			CsvFiles.writeRecord(out, "document_no", "kind", "file", "first_page", "last_page", "content_sha256",
					"status");
			this.documents.forEachManifestLine(runId, (line) -> {
				try {
					CsvFiles.writeRecord(out, line.documentNo(), line.kind(), line.fileName(),
							String.valueOf(line.firstPage()), String.valueOf(line.lastPage()), line.contentSha256(),
							status);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				documents[0]++;
			});
		}, this.haltBeforeManifestRename);
		if (run.style().archiveCopies()) {
			ArchiveFolder.writeManifest(run.folder(), this.documents, runId);
		}
		writeAtomically(run.folder().resolve(REJECTS), (out) -> {
			CsvFiles.writeRecord(out, "document_no", "kind", "reason");
			for (String[] reject : rejects) {
				CsvFiles.writeRecord(out, reject);
			}
		});
		writeAtomically(run.folder().resolve(COMPLETE_MARKER), (out) -> out
			.write("completed_at=%s\ndocuments=%d\nrejected=%d\n".formatted(now, documents[0], rejects.size())));
		// the marker is written before the claims go: the commit below releases them and
		// records the completion together, and a crash before it finishes again on resume
		this.claims.release(runId);
		this.store.complete(runId, now);
	}

	/**
	 * The note left in the folder of an abandoned run, instead of the completion marker.
	 */
	public static void writeAbandonedNote(Path folder, LocalDateTime now, Map<String, Integer> printedByKind,
			int released) throws IOException {
		if (!Files.isDirectory(folder)) {
			return;
		}
		writeAtomically(folder.resolve(ABANDONED_MARKER), (out) -> {
			out.write("abandoned_at=%s\n".formatted(now));
			out.write("printed=%s\n".formatted(printedByKind));
			out.write("released=%d\n".formatted(released));
			out.write("本批次已放弃（print abandon）：目录中已写完的 PDF 文件所含证书在登记库中记为已打印；"
					+ "其余 %d 份已释放，可由新的打印批次打印。\n".formatted(released));
		});
	}

	private static void writeAtomically(Path target, Content content) throws IOException {
		writeAtomically(target, content, false);
	}

	private static void writeAtomically(Path target, Content content, boolean haltBeforeRename) throws IOException {
		Path temporary = target.resolveSibling(target.getFileName() + ".part");
		try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
			if (target.getFileName().toString().endsWith(".csv")) {
				out.write('\uFEFF');
			}
			content.writeTo(out);
		}
		if (haltBeforeRename) {
			// 137: the exit code of a process killed with SIGKILL
			Runtime.getRuntime().halt(137);
		}
		Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	@FunctionalInterface
	private interface Content {

		void writeTo(Writer out) throws IOException;

	}

}
