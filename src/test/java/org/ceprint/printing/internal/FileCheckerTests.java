package org.ceprint.printing.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ceprint.printing.internal.PrintedDocuments.ManifestLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preflight's checks of one file that need no print run: a glyph a subset font does
 * not have, and page ranges that do not add up to the file. The PDF is made with PDFBox,
 * not with the renderer the preflight checks.
 */
class FileCheckerTests {

	private static final String TEXT = "继续教育证书";

	@TempDir
	static Path folder;

	/**
	 * Three pages in a subset of the shipped font: the second shows a code whose glyph is
	 * GID 0.
	 */
	static Path file;

	@BeforeAll
	static void craftFile() throws IOException {
		file = folder.resolve("seal-overlays-360100-0001.pdf");
		try (PDDocument document = new PDDocument()) {
			PDType0Font font = PDType0Font.load(document, Path.of("fonts/NotoSerifSC_400Regular.ttf").toFile());
			addPage(document, font, false);
			// code 0 of an Identity-H font is CID 0, the .notdef glyph, whatever the
			// subset
			addPage(document, font, true);
			addPage(document, font, false);
			document.save(file.toFile());
		}
	}

	private static void addPage(PDDocument document, PDType0Font font, boolean notdef) throws IOException {
		PDPage page = new PDPage(PDRectangle.A5);
		document.addPage(page);
		try (PDPageContentStream content = new PDPageContentStream(document, page)) {
			content.beginText();
			content.setFont(font, 12);
			content.newLineAtOffset(40, 500);
			content.showText(TEXT);
			content.endText();
		}
		if (notdef) {
			// PDFBox encodes only characters the font has: the code goes in as raw bytes
			COSName name = page.getResources().getFontNames().iterator().next();
			PDStream raw = new PDStream(document);
			try (OutputStream out = raw.createOutputStream()) {
				out.write("BT /%s 12 Tf 40 480 Td <0000> Tj ET".formatted(name.getName())
					.getBytes(StandardCharsets.US_ASCII));
			}
			List<PDStream> streams = new ArrayList<>();
			page.getContentStreams().forEachRemaining(streams::add);
			streams.add(raw);
			page.setContents(streams);
		}
	}

	@Test
	void thePageCheckerFindsTheGlyphThatIsNotInTheFontAndNothingElse() throws IOException {
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			var cache = PageChecker.newCache();
			PageChecker good = new PageChecker(document.getPage(0), cache);
			good.check();
			PageChecker bad = new PageChecker(document.getPage(1), cache);
			bad.check();

			assertThat(good.problems()).isEmpty();
			assertThat(bad.problems()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.contains("没有编码 0000 的字形", ".notdef", "GID 0");
		}
	}

	@Test
	void aMissingGlyphFailsItsDocumentWithFilePageAndReason() {
		FileChecker.Result result = new FileChecker(null, 1.0).check(file,
				List.of(line("36010020240000011", 1, 1), line("36010020240000012", 2, 3)));

		assertThat(result.documents).isEqualTo(2);
		assertThat(result.pages).isEqualTo(3);
		assertThat(result.failures).singleElement()
			.hasToString("seal-overlays-360100-0001.pdf 第 2 页（验证专用章套印页 36010020240000012）："
					+ "字体 %s 中没有编码 0000 的字形（.notdef，GID 0），该字会印成空框或空白".formatted(fontName()));
	}

	@Test
	void pageRangesMustFollowEachOtherAndEndOnTheFilesLastPage() {
		FileChecker checker = new FileChecker(null, 0);

		assertThat(checker.check(file, List.of(line("A", 1, 1), line("B", 3, 3))).failures)
			.extracting(PreflightFailure::toString)
			.containsExactly("seal-overlays-360100-0001.pdf（验证专用章套印页 B）：页码范围第 3–3 页与前一份文件不衔接（应从第 2 页开始）");
		assertThat(checker.check(file, List.of(line("A", 1, 1), line("B", 2, 2))).failures)
			.extracting(PreflightFailure::toString)
			.containsExactly("seal-overlays-360100-0001.pdf（验证专用章套印页 B）：文件有 3 页，打印记录中的页码范围共 2 页");
		assertThat(checker.check(file, List.of(line("A", 1, 2), line("B", 2, 3))).failures)
			.extracting(PreflightFailure::reason)
			.containsExactly("页码范围第 2–3 页与前一份文件不衔接（应从第 3 页开始）");
		assertThat(checker.check(folder.resolve("missing.pdf"), List.of(line("A", 1, 1))).failures)
			.extracting(PreflightFailure::reason)
			.containsExactly("文件不存在（打印记录中有，目录中没有）");
	}

	@Test
	void theSampleDependsOnTheDocumentAloneAndCoversAboutItsShare() {
		long sampled = java.util.stream.IntStream.range(0, 10_000)
			.filter((n) -> FileChecker.sampled("CERTIFICATE", "3601002024%07d".formatted(n), 0.1))
			.count();

		assertThat(sampled).isBetween(900L, 1100L);
		assertThat(FileChecker.sampled("CERTIFICATE", "36010020240000011", 0.1))
			.isEqualTo(FileChecker.sampled("CERTIFICATE", "36010020240000011", 0.1));
		assertThat(FileChecker.sampled("CERTIFICATE", "36010020240000011", 0)).isFalse();
	}

	private static String fontName() {
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			return document.getPage(0)
				.getResources()
				.getFont(document.getPage(0).getResources().getFontNames().iterator().next())
				.getName();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ManifestLine line(String documentNo, int first, int last) {
		return new ManifestLine(documentNo, "SEAL_OVERLAY", "seal-overlays-360100-0001.pdf", first, last, "");
	}

}
