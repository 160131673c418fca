package org.ceprint.rendering;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentProperties;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.ceprint.authenticity.QrCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Archive copies cut from print files of two documents: PDF/A-2b by veraPDF, the second
 * document's pages alone, its text, seals and QR code as printed.
 */
class ArchiveCopiesTests {

	@Test
	void aCertificateWithSealsCutFromItsPrintFileIsPdfA2bAndReadsAsPrinted() throws IOException {
		CertificateView first = RenderingFixtures.certificate("36010020190000208", "欧阳堃", 3);
		CertificateView second = RenderingFixtures.certificate("36010020190000216", "诸葛淼", 12,
				"http://localhost:8080/v/c/36010020190000216");
		Path print = printFile("archive-certificates.pdf",
				RenderingFixtures.bytes(
						(out) -> RenderingFixtures.certificateRenderer().render(List.of(first, second), out),
						"archive-certificates.pdf"));
		int firstPage;
		int lastPage;
		try (PDDocument document = Loader.loadPDF(print.toFile())) {
			// the first booklet: holder, notes and one registration page
			firstPage = 4;
			lastPage = document.getNumberOfPages();
			assertThat(RenderingFixtures.flatText(document, firstPage)).contains("诸葛淼");
		}
		byte[] copy = ArchiveCopies.of(print, firstPage, lastPage);
		Files.write(RenderingFixtures.OUTPUT.resolve("archive-certificate-copy.pdf"), copy);

		assertThat(PdfAValidation.failedRules(copy)).as("veraPDF PDF/A-2b failed rules").isEmpty();
		assertThat(PdfAValidation.failedRules(Files.readAllBytes(print))).as("the print file is not PDF/A")
			.isNotEmpty();
		try (PDDocument document = Loader.loadPDF(copy)) {
			assertThat(document.getNumberOfPages()).isEqualTo(lastPage - firstPage + 1);
			String holder = RenderingFixtures.flatText(document, 1);
			assertThat(holder).contains("诸葛淼", "36010020190000216").doesNotContain("欧阳堃");
			var page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
			assertThat(QrCodeReader.decode(page)).hasValue("http://localhost:8080/v/c/36010020190000216");
			// every page looks as printed: the copy's fonts keep the glyphs it shows
			try (PDDocument printed = Loader.loadPDF(print.toFile())) {
				for (int i = 0; i < document.getNumberOfPages(); i++) {
					assertThat(differingPixels(new PDFRenderer(document).renderImageWithDPI(i, 100, ImageType.RGB),
							new PDFRenderer(printed).renderImageWithDPI(firstPage - 1 + i, 100, ImageType.RGB)))
						.as("pixels of page %d unlike the print", i + 1)
						.isZero();
				}
			}
			assertThat(PdfProbe.seals(document, 2)).isNotEmpty();
			PDOptionalContentProperties layers = document.getDocumentCatalog().getOCProperties();
			assertThat(layers.getGroupNames()).containsExactly("验证专用章");
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("江西省专业技术人员继续教育证书");
			String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
			assertThat(xmp).containsPattern("pdfaid:part(=\"|>)2")
				.containsPattern("pdfaid:conformance(=\"|>)B")
				.contains("江西省专业技术人员继续教育证书");
			assertThat(document.getDocumentCatalog().getOutputIntents()).hasSize(1);
		}
		RenderingFixtures.assertFontsEmbeddedAndSubset(copy);
	}

	@Test
	void aRegisterCardWithAnExtensionBNameIsPdfA2b() throws IOException {
		RegisterCardRenderer renderer = RenderingFixtures.registerCardRenderer();
		Path print = printFile("archive-register-cards.pdf",
				RenderingFixtures.bytes(
						(out) -> renderer.render(List.of(RenderingFixtures.registerCard("36010020200000311", "诸葛淼"),
								RenderingFixtures.registerCard("36010020200000329", "王𠀾")), out),
						"archive-register-cards.pdf"));

		byte[] copy = ArchiveCopies.of(print, 2, 2);

		assertThat(PdfAValidation.failedRules(copy)).as("veraPDF PDF/A-2b failed rules").isEmpty();
		try (PDDocument document = Loader.loadPDF(copy)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			assertThat(RenderingFixtures.flatText(document, 1)).contains("王𠀾", "36010020200000329")
				.doesNotContain("诸葛淼");
			var page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
			assertThat(QrCodeReader.decode(page)).hasValue("http://localhost:8080/v/k/36010020200000329");
		}
	}

	private static int differingPixels(BufferedImage copy, BufferedImage printed) {
		assertThat(copy.getWidth()).isEqualTo(printed.getWidth());
		int differing = 0;
		for (int y = 0; y < copy.getHeight(); y++) {
			for (int x = 0; x < copy.getWidth(); x++) {
				if (copy.getRGB(x, y) != printed.getRGB(x, y)) {
					differing++;
				}
			}
		}
		return differing;
	}

	private static Path printFile(String name, byte[] pdf) {
		return RenderingFixtures.OUTPUT.resolve(name);
	}

}
