package org.ceprint.printing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ceprint.InvalidRequestException;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.rendering.PdfAValidation;
import org.ceprint.rendering.RenderOptions.Stock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code print … --archive}: a PDF/A-2b copy of each certificate and register card in the
 * folder's archive/, with its own manifest; the run's manifest.csv as without it. The
 * same settings as {@link PrintRunContract}, so that the two share a Spring context.
 */
@SpringBootTest(properties = { "ceprint.printing.documents-per-file=3",
		"ceprint.rendering.printers.counter-1.right-mm=1.5", "ceprint.rendering.printers.counter-1.down-mm=-0.5" })
class PrintRunArchiveTests {

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	PrintRuns printRuns;

	@BeforeEach
	void freshRegistry() {
		this.generator.clearRegistry();
		this.generator.generate(7, 8);
	}

	@Test
	void anArchiveRunWritesOneValidPdfACopyPerCertificateAndRegisterCardWithItsManifest() throws Exception {
		PrintRunResult result = this.printRuns.run(
				new PrintRequest(PrintJob.ALL, null, null, null, false, new PrintStyle(Stock.FULL, false, null, true)));

		assertThat(result.complete()).isTrue();
		List<String[]> manifest = RunFolderAudit.of(result.folder()).complete();
		List<String[]> archived = manifest.stream()
			.filter((line) -> line[1].equals("CERTIFICATE") || line[1].equals("REGISTER_CARD"))
			.toList();
		assertThat(archived).hasSize(16);
		Path archive = result.folder().resolve("archive");
		List<String> lines = Files.readAllLines(archive.resolve("manifest.csv"), StandardCharsets.UTF_8);
		assertThat(lines.get(0)).isEqualTo("\uFEFFfile,document_no,kind,sha256");
		assertThat(lines).hasSize(archived.size() + 1);
		for (String[] line : lines.stream().skip(1).map((line) -> line.split(",")).toList()) {
			String suffix = line[2].equals("CERTIFICATE") ? "-certificate.pdf" : "-register-card.pdf";
			assertThat(line[0]).isEqualTo(line[1] + suffix);
			assertThat(line[3]).isEqualTo(sha256(archive.resolve(line[0])));
		}
		try (Stream<Path> files = Files.list(archive)) {
			// the copies and their manifest, nothing half-written, no summary table
			assertThat(files.map((file) -> file.getFileName().toString())).hasSize(archived.size() + 1)
				.allMatch((name) -> name.endsWith("-certificate.pdf") || name.endsWith("-register-card.pdf")
						|| name.equals("manifest.csv"));
		}
		String number = archived.get(0)[0];
		for (String copy : List.of(number + "-certificate.pdf", number + "-register-card.pdf")) {
			byte[] pdf = Files.readAllBytes(archive.resolve(copy));
			assertThat(PdfAValidation.failedRules(pdf)).as("veraPDF PDF/A-2b failed rules of %s", copy).isEmpty();
			try (PDDocument document = Loader.loadPDF(pdf)) {
				assertThat(new PDFTextStripper().getText(document)).contains(number);
			}
		}
	}

	@Test
	void aCopyOfABookletPrintedForAPrinterIsRenderedOnFullStockWithoutTheShift() throws Exception {
		PrintRunResult result = this.printRuns.run(new PrintRequest(PrintJob.CERTIFICATES, null, null, null, false,
				new PrintStyle(Stock.PREPRINTED, false, "counter-1", true)));

		String number = PrintRunContract.manifest(result.folder()).get(0)[0];
		byte[] pdf = Files.readAllBytes(result.folder().resolve("archive").resolve(number + "-certificate.pdf"));
		assertThat(PdfAValidation.failedRules(pdf)).as("veraPDF PDF/A-2b failed rules").isEmpty();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			// the stock's title and labels, which the pre-printed booklet has and the
			// print
			// file leaves out
			assertThat(new PDFTextStripper().getText(document)).contains(number, "江西省专业技术人员继续教育证书");
		}
	}

	@Test
	void summaryTablesHaveNoArchiveCopies() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.printRuns.run(new PrintRequest(PrintJob.SUMMARY_TABLES, null, null, null, false,
					new PrintStyle(Stock.FULL, false, null, true))))
			.withMessageContaining("--archive");
	}

	private static String sha256(Path file) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

}
