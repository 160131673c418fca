package org.ceprint.printing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import org.ceprint.authenticity.AuthenticityCodes.OfflineCheck;
import org.ceprint.authenticity.AuthenticityCodes;
import org.ceprint.authenticity.QrCodeReader;
import org.ceprint.authenticity.SigningKeys;
import org.ceprint.printing.internal.RunFolderFinisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What "complete" means for a run folder, read from the files rather than from the
 * {@code _COMPLETE} marker alone: the marker and a whole manifest, no half-written
 * {@code .part} file, every file the manifest names present with exactly the pages its
 * documents cover (one after another from page 1 to the last), each document's page
 * content hashing as the manifest says, no document twice, no document file the manifest
 * does not name, and the marker's counts equal to the manifest's and rejects.csv's. With
 * {@link #readingQrCodes}, each certificate booklet's QR code is decoded from its first
 * page rendered at 150 dpi, as a desk scanner sees it, and must carry a genuine signature
 * over the manifest's number.
 */
final class RunFolderAudit {

	private static final int SCAN_DPI = 150;

	private final Path folder;

	private final String context;

	private SigningKeys keys;

	private boolean everyBooklet;

	private RunFolderAudit(Path folder, String context) {
		this.folder = folder;
		this.context = context;
	}

	static RunFolderAudit of(Path folder) {
		return new RunFolderAudit(folder, "");
	}

	/**
	 * @param context what the assertion messages start with (a kill test's seed, say)
	 */
	static RunFolderAudit of(Path folder, String context) {
		return new RunFolderAudit(folder, context + " ");
	}

	/**
	 * Also decodes certificate QR codes: of every booklet, or of the first booklet of
	 * each file (decoding is the costly part of the audit).
	 */
	RunFolderAudit readingQrCodes(SigningKeys keys, boolean everyBooklet) {
		this.keys = keys;
		this.everyBooklet = everyBooklet;
		return this;
	}

	/**
	 * Asserts that the folder is a complete run folder.
	 * @return the manifest's lines
	 */
	List<String[]> complete() throws Exception {
		assertThat(this.folder.resolve(RunFolderFinisher.COMPLETE_MARKER)).as("%s%s", this.context, this.folder)
			.exists();
		List<Path> entries;
		try (Stream<Path> files = Files.list(this.folder)) {
			entries = files.toList();
		}
		assertThat(entries).as("%shalf-written files in %s", this.context, this.folder)
			.noneMatch((file) -> file.getFileName().toString().endsWith(".part"));
		List<String[]> manifest = PrintRunContract.manifest(this.folder);
		Set<String> documents = new HashSet<>();
		Map<String, List<String[]>> byFile = new LinkedHashMap<>();
		for (String[] line : manifest) {
			assertThat(line).as("%smanifest line %s", this.context, String.join(",", line)).hasSize(7);
			assertThat(documents.add(line[1] + " " + line[0]))
				.as("%s%s %s twice in the manifest", this.context, line[1], line[0])
				.isTrue();
			byFile.computeIfAbsent(line[2], (file) -> new ArrayList<>()).add(line);
		}
		for (Path entry : entries) {
			String name = entry.getFileName().toString();
			if (name.endsWith(".pdf") && !name.matches(".*-slips-\\d{4}\\.pdf")) {
				assertThat(byFile).as("%s%s is a document file the manifest does not name", this.context, name)
					.containsKey(name);
			}
		}
		for (Map.Entry<String, List<String[]>> file : byFile.entrySet()) {
			auditFile(this.folder.resolve(file.getKey()), file.getValue());
		}
		List<String> marker = Files.readAllLines(this.folder.resolve(RunFolderFinisher.COMPLETE_MARKER),
				StandardCharsets.UTF_8);
		int rejects = Files.readAllLines(this.folder.resolve(RunFolderFinisher.REJECTS), StandardCharsets.UTF_8).size()
				- 1;
		assertThat(marker).as("%s_COMPLETE of %s", this.context, this.folder)
			.contains("documents=" + manifest.size(), "rejected=" + rejects);
		return manifest;
	}

	private void auditFile(Path file, List<String[]> lines) throws Exception {
		assertThat(file).as("%sa file of the manifest", this.context).exists();
		List<String[]> ranges = new ArrayList<>(lines);
		ranges.sort(Comparator.comparingInt((String[] line) -> Integer.parseInt(line[3])));
		try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
			int next = 1;
			for (String[] line : ranges) {
				int first = Integer.parseInt(line[3]);
				int last = Integer.parseInt(line[4]);
				assertThat(first)
					.as("%s%s %s starts where the document before it in %s ends", this.context, line[1], line[0],
							file.getFileName())
					.isEqualTo(next);
				assertThat(last).as("%s%s %s pages", this.context, line[1], line[0]).isGreaterThanOrEqualTo(first);
				next = last + 1;
			}
			assertThat(pdf.getNumberOfPages())
				.as("%spages of %s against the manifest", this.context, file.getFileName())
				.isEqualTo(next - 1);
			for (String[] line : ranges) {
				assertThat(PrintRunContract.pageContentHash(pdf, Integer.parseInt(line[3]), Integer.parseInt(line[4])))
					.as("%spage content hash of %s %s in %s", this.context, line[1], line[0], file.getFileName())
					.isEqualTo(line[5]);
			}
			if (this.keys != null) {
				List<String[]> booklets = ranges.stream().filter((line) -> line[1].equals("CERTIFICATE")).toList();
				PDFRenderer renderer = new PDFRenderer(pdf);
				for (String[] booklet : this.everyBooklet ? booklets : booklets.stream().limit(1).toList()) {
					assertQrCarriesItsNumber(renderer, file, booklet);
				}
			}
		}
	}

	private void assertQrCarriesItsNumber(PDFRenderer renderer, Path file, String[] booklet) throws IOException {
		int page = Integer.parseInt(booklet[3]);
		BufferedImage scan = renderer.renderImageWithDPI(page - 1, SCAN_DPI, ImageType.RGB);
		String content = QrCodeReader.decode(scan)
			.orElseThrow(() -> new AssertionError("%sno QR code on page %d of %s (%s)".formatted(this.context, page,
					file.getFileName(), booklet[0])));
		OfflineCheck check = AuthenticityCodes.checkOffline(content, this.keys);
		assertThat(check.genuine()).as("%sQR signature of %s: %s", this.context, booklet[0], check.outcome()).isTrue();
		assertThat(check.document().orElseThrow().documentNo())
			.as("%snumber in the QR code on page %d of %s", this.context, page, file.getFileName())
			.isEqualTo(booklet[0]);
	}

}
