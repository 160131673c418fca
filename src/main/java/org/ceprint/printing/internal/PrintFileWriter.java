package org.ceprint.printing.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.ceprint.printing.PrintStyle;
import org.ceprint.printing.internal.DocumentSource.Printable;
import org.ceprint.printing.internal.DocumentSource.Recipient;
import org.ceprint.rendering.Calibration;
import org.ceprint.rendering.RenderOptions;
import org.ceprint.rendering.RenderOptions.Stock;
import org.ceprint.rendering.RenderResult;
import org.ceprint.rendering.RenderingProperties;
import org.ceprint.rendering.UnprintableRecordException;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes each chunk as one PDF file of the run's folder, and records the documents it
 * could not print. The file is rendered under a {@code .part} name, its documents are
 * recorded in print_document and marked printed, and it is renamed to its final name
 * last: the rename happens inside the chunk transaction, so a crash before the commit
 * leaves at worst a file that the restarted chunk writes again under the same name,
 * because the file counter is saved in the step's execution context with each commit.
 */
class PrintFileWriter<V> implements ItemStreamWriter<Printable<V>> {

	private static final Log logger = LogFactory.getLog(PrintFileWriter.class);

	private final DocumentSource<V> source;

	private final PrintedDocuments store;

	private final PrintRunRecord run;

	private final Clock clock;

	private final RenderOptions options;

	private final String counterKey;

	private final String filePrefix;

	private final Runnable fence;

	/** Where the archive copies are cut from: the print file, or a plain rendering. */
	private final RenderOptions archiveOptions;

	private final boolean swapQrCodes;

	private int filesWritten;

	/**
	 * @param partition the partition this writer serves (a city code, and the part of a
	 * city split into unit ranges), which names its files, or null
	 * @param fence run in every chunk's transaction once the file is rendered, before
	 * anything is recorded or renamed: for a worker of a remote run, the check that it
	 * still holds its partition ({@link PartitionLeases#hold}), which fails the chunk if
	 * another worker has taken over
	 * @param swapQrCodes fault injection for the preflight's tests only
	 * ({@code ceprint.printing.fault.swap-qr-codes}): in each file, the first two
	 * documents' QR codes change places once the file is rendered
	 */
	PrintFileWriter(DocumentSource<V> source, PrintedDocuments store, PrintRunRecord run, String partition, Clock clock,
			RenderingProperties rendering, Runnable fence, boolean swapQrCodes) {
		this.fence = fence;
		this.swapQrCodes = swapQrCodes;
		this.source = source;
		this.store = store;
		this.run = run;
		this.clock = clock;
		PrintStyle style = run.style();
		this.options = new RenderOptions(style.stock(), style.maskIdNumbers(), rendering.calibration(style.printer()));
		this.archiveOptions = (style.archiveCopies() && ArchiveFolder.archives(source.kind()))
				? new RenderOptions(Stock.FULL, style.maskIdNumbers(), Calibration.NONE) : null;
		this.counterKey = source.fileStem() + ".files";
		this.filePrefix = (partition != null) ? source.fileStem() + "-" + partition : source.fileStem();
	}

	@Override
	public void open(ExecutionContext context) {
		this.filesWritten = context.getInt(this.counterKey, 0);
		try {
			Files.createDirectories(this.run.folder());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法创建打印批次目录 " + this.run.folder(), ex);
		}
	}

	@Override
	public void update(ExecutionContext context) {
		context.putInt(this.counterKey, this.filesWritten);
	}

	@Override
	public void write(Chunk<? extends Printable<V>> chunk) throws IOException {
		LocalDateTime now = LocalDateTime.now(this.clock);
		List<Long> keys = chunk.getItems().stream().map(Printable::key).toList();
		// the reader pages over the run's claims, whose key is unique: a key twice would
		// print a document twice, so the chunk fails instead
		if (new HashSet<>(keys).size() != keys.size()) {
			throw new IllegalStateException("%s 的一个文件中同一记录出现两次：读取结果有重复，已停止，以免重复打印".formatted(this.filePrefix));
		}
		List<Printable<V>> printable = new ArrayList<>();
		for (Printable<V> candidate : chunk.getItems()) {
			if (candidate.rejection() != null) {
				reject(candidate.documentNo(), candidate.rejection(), now);
			}
			else {
				printable.add(candidate);
			}
		}
		if (printable.isEmpty()) {
			return;
		}
		String fileName = "%s-%04d.pdf".formatted(this.filePrefix, this.filesWritten + 1);
		Path target = this.run.folder().resolve(fileName);
		Path part = this.run.folder().resolve(fileName + ".part");
		RenderResult result = renderSettingAsideUnprintable(printable, part, now);
		if (result == null) {
			return;
		}
		if (this.swapQrCodes) {
			QrCodeFault.swapFirstTwo(part, result.documents());
		}
		// from here to the commit the partition's lease row is locked: a takeover waits
		// for this chunk, or this chunk finds the partition taken and rolls back
		this.fence.run();
		if (this.archiveOptions != null) {
			writeArchiveCopies(printable, part, result);
		}
		this.store.addDocuments(this.run.id(), this.source.kind(), fileName,
				PageContentHashes.of(part, result.documents()), recipients(printable), now);
		this.source.markPrinted(printable, now);
		Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		this.filesWritten++;
		logger.info("%s: %d documents, %d pages".formatted(target, result.documents().size(), result.pageCount()));
	}

	/**
	 * Cuts each document's archive copy from the print file; a file printed for the
	 * province's pre-printed booklets or shifted for a printer is rendered again on full
	 * stock without the shift first, so that the copy shows the document as issued.
	 */
	private void writeArchiveCopies(List<Printable<V>> printed, Path part, RenderResult result) throws IOException {
		if (this.options.equals(this.archiveOptions)) {
			ArchiveFolder.writeCopies(this.run.folder(), this.source.kind(), part, result.documents());
			return;
		}
		Path plain = part.resolveSibling(part.getFileName() + ".plain");
		try {
			RenderResult rendered;
			try (OutputStream out = Files.newOutputStream(plain)) {
				rendered = this.source.render(printed.stream().map(Printable::view).toList(), this.archiveOptions, out);
			}
			ArchiveFolder.writeCopies(this.run.folder(), this.source.kind(), plain, rendered.documents());
		}
		finally {
			Files.deleteIfExists(plain);
		}
	}

	/**
	 * Renders the documents; a record the renderer refuses (a character no font covers,
	 * say) is set aside with its reason and the rest are rendered again without it.
	 */
	private RenderResult renderSettingAsideUnprintable(List<Printable<V>> printable, Path part, LocalDateTime now)
			throws IOException {
		while (!printable.isEmpty()) {
			try (OutputStream out = Files.newOutputStream(part)) {
				return this.source.render(printable.stream().map(Printable::view).toList(), this.options, out);
			}
			catch (UnprintableRecordException ex) {
				boolean removed = printable.removeIf((candidate) -> candidate.documentNo().equals(ex.documentNo()));
				if (!removed) {
					throw ex;
				}
				reject(ex.documentNo(), ex.getMessage(), now);
			}
		}
		Files.deleteIfExists(part);
		return null;
	}

	private static Map<String, Recipient> recipients(List<? extends Printable<?>> printed) {
		Map<String, Recipient> recipients = new HashMap<>();
		for (Printable<?> document : printed) {
			if (document.recipient() != null) {
				recipients.put(document.documentNo(), document.recipient());
			}
		}
		return recipients;
	}

	private void reject(String documentNo, String reason, LocalDateTime now) {
		logger.warn("%s %s 未打印：%s".formatted(this.source.kind(), documentNo, reason));
		this.store.addReject(this.run.id(), this.source.kind(), documentNo, reason, now);
	}

}
