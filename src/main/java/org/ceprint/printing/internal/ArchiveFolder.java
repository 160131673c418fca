package org.ceprint.printing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import org.ceprint.authenticity.DocumentKind;
import org.ceprint.registry.CsvFiles;
import org.ceprint.rendering.ArchiveCopies;
import org.ceprint.rendering.RenderedDocument;

/**
 * The {@code archive/} folder of a run printed with {@code --archive}: one PDF/A-2b copy
 * per certificate and register card, cut from the print file's pages, and its own
 * {@code manifest.csv} (file, document_no, kind, sha256). Every file is written under
 * {@code .part} and renamed, so a file of that folder is always whole; a chunk written
 * again on resume writes its copies again under the same names.
 */
final class ArchiveFolder {

	static final String FOLDER = "archive";

	static final String MANIFEST = "manifest.csv";

	/** The kinds that go to the personal file, and how their copies are named. */
	private static final Map<String, String> KINDS = Map.of(DocumentKind.CERTIFICATE.name(), "certificate",
			DocumentKind.REGISTER_CARD.name(), "register-card");

	private ArchiveFolder() {
	}

	static boolean archives(String kind) {
		return KINDS.containsKey(kind);
	}

	/**
	 * The copy's name: the document number and its kind (a card has its holder's number).
	 */
	static String fileName(String kind, String documentNo) {
		return documentNo + "-" + KINDS.get(kind) + ".pdf";
	}

	/**
	 * Writes a copy of each document of a print file.
	 * @param printFile the chunk's file as printed, or the same documents rendered on
	 * full stock without a printer's calibration
	 */
	static void writeCopies(Path runFolder, String kind, Path printFile, List<RenderedDocument> documents)
			throws IOException {
		Path folder = runFolder.resolve(FOLDER);
		Files.createDirectories(folder);
		try (PDDocument source = Loader.loadPDF(printFile.toFile())) {
			for (RenderedDocument document : documents) {
				Path target = folder.resolve(fileName(kind, document.documentNo()));
				Path part = target.resolveSibling(target.getFileName() + ".part");
				try (OutputStream out = Files.newOutputStream(part)) {
					ArchiveCopies.write(source, document.firstPage(), document.lastPage(), out);
				}
				Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
		}
	}

	/**
	 * Writes {@code archive/manifest.csv}, in print order, from the run's documents; a
	 * copy that is missing fails the run's finishing step, which a resumption retries.
	 */
	static void writeManifest(Path runFolder, PrintedDocuments documents, long runId) throws IOException {
		Path folder = runFolder.resolve(FOLDER);
		Files.createDirectories(folder);
		Path target = folder.resolve(MANIFEST);
		Path part = folder.resolve(MANIFEST + ".part");
		try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
			out.write('\uFEFF');
			CsvFiles.writeRecord(out, "file", "document_no", "kind", "sha256");
			documents.forEachManifestLine(runId, (line) -> {
				if (!archives(line.kind())) {
					return;
				}
				String name = fileName(line.kind(), line.documentNo());
				try {
					CsvFiles.writeRecord(out, name, line.documentNo(), line.kind(), sha256(folder.resolve(name)));
				}
				catch (IOException ex) {
					throw new UncheckedIOException("存档版 %s 缺失或无法读取".formatted(name), ex);
				}
			});
		}
		Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
