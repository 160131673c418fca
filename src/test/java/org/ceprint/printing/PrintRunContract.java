package org.ceprint.printing;

import java.io.IOException;
import java.io.InputStream;
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
import org.ceprint.authenticity.QrCodeReader;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.rendering.RenderOptions.Stock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A whole print run over a small demo province, checked against the database and the
 * files: every selected certificate exactly once, manifest hashes equal to the pages, the
 * QR leading to the certificate's verification page, and nothing printed twice. Runs on
 * H2 and on MariaDB.
 */
@SpringBootTest(properties = { "ceprint.printing.documents-per-file=16",
		"ceprint.rendering.printers.counter-1.right-mm=1.5", "ceprint.rendering.printers.counter-1.down-mm=-0.5" })
abstract class PrintRunContract {

	private static final int PEOPLE = 40;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	PrintRuns printRuns;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void freshRegistry() {
		this.generator.clearRegistry();
		this.generator.generate(7, PEOPLE);
	}

	@Test
	void printsEverySelectedDocumentExactlyOnceAndCompletesTheFolder() throws Exception {
		PrintRunResult result = this.printRuns.run(PrintRequest.all(PrintJob.ALL));

		assertThat(result.complete()).isTrue();
		assertThat(result.batchStatus()).isEqualTo("COMPLETED");
		Path folder = result.folder();
		assertThat(folder.resolve("_COMPLETE")).exists();
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.map(Path::toString)).noneMatch((name) -> name.endsWith(".part"));
		}
		List<String[]> manifest = manifest(folder);
		List<String> certificateNos = this.jdbc
			.sql("SELECT certificate_no FROM certificate WHERE status = 'VALID' ORDER BY certificate_no")
			.query(String.class)
			.list();
		assertThat(certificateNos).hasSize(PEOPLE);
		assertThat(numbersOf(manifest, "CERTIFICATE")).containsExactlyInAnyOrderElementsOf(certificateNos);
		assertThat(numbersOf(manifest, "REGISTER_CARD")).containsExactlyInAnyOrderElementsOf(certificateNos);
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM certificate WHERE printed_at IS NULL").query(Long.class).single())
			.isZero();
		int latestYear = this.jdbc.sql("SELECT MAX(start_date) FROM registration_entry")
			.query(java.sql.Date.class)
			.single()
			.toLocalDate()
			.getYear();
		long bodies = this.jdbc
			.sql("SELECT COUNT(DISTINCT registered_by_id) FROM registration_entry WHERE start_date >= :from")
			.param("from", java.time.LocalDate.of(latestYear, 1, 1))
			.query(Long.class)
			.single();
		assertThat(numbersOf(manifest, "SUMMARY_TABLE")).hasSize((int) bodies).doesNotHaveDuplicates();
		assertThat(result.printedByKind()).containsEntry("CERTIFICATE", PEOPLE);

		for (String[] line : manifest) {
			assertThat(pageContentHash(folder.resolve(line[2]), Integer.parseInt(line[3]), Integer.parseInt(line[4])))
				.as("hash of %s %s", line[1], line[0])
				.isEqualTo(line[5]);
		}
	}

	@Test
	void certificatePagesCarryTheHolderAndAQrCodeLeadingToTheVerificationPage() throws Exception {
		PrintRunResult result = this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES));
		String[] first = manifest(result.folder()).get(0);
		String holder = this.jdbc.sql("""
				SELECT p.name FROM person p JOIN certificate c ON c.person_id = p.id WHERE c.certificate_no = :no
				""").param("no", first[0]).query(String.class).single();
		Path pdf = result.folder().resolve(first[2]);
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(Integer.parseInt(first[3]));
			stripper.setEndPage(Integer.parseInt(first[3]));
			assertThat(stripper.getText(document)).contains(holder).contains(first[0]);
		}
		assertThat(QrCodeReader.decode(pdf, Integer.parseInt(first[3])))
			.hasValue("http://localhost:8080/v/c/" + first[0]);
	}

	@Test
	void aSecondRunOverTheSameScopePrintsNothingNewUnlessAskedToReprint() throws Exception {
		this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES));

		PrintRunResult again = this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES));
		assertThat(again.complete()).isTrue();
		assertThat(again.printed()).isZero();
		assertThat(manifest(again.folder())).isEmpty();

		PrintRunResult reprint = this.printRuns.run(new PrintRequest(PrintJob.CERTIFICATES, null, null, null, true));
		assertThat(reprint.printed()).isEqualTo(PEOPLE);
	}

	@Test
	void printsOnlyTheRequestedCity() throws Exception {
		String city = this.jdbc.sql("SELECT channel_code FROM certificate GROUP BY channel_code ORDER BY COUNT(*) DESC")
			.query(String.class)
			.list()
			.get(0);
		PrintRunResult result = this.printRuns.run(new PrintRequest(PrintJob.CERTIFICATES, city, null, null, false));
		long ofCity = this.jdbc.sql("SELECT COUNT(*) FROM certificate WHERE channel_code = :city")
			.param("city", city)
			.query(Long.class)
			.single();
		assertThat(result.printed()).isEqualTo((int) ofCity);
		assertThat(numbersOf(manifest(result.folder()), "CERTIFICATE")).allMatch((no) -> no.startsWith(city));
		assertThat(result.folder().getFileName().toString()).contains("certificates-city" + city);
	}

	@Test
	void aPreprintedRunPrintsTheDataAloneWithMaskedIdNumbersAndTheSeals() throws Exception {
		PrintRunResult result = this.printRuns.run(new PrintRequest(PrintJob.CERTIFICATES, null, null, null, false,
				new PrintStyle(Stock.PREPRINTED, true, "counter-1")));

		assertThat(this.jdbc.sql("SELECT stock, mask_id_numbers, printer FROM print_run WHERE folder = :folder")
			.param("folder", result.folder().getFileName().toString())
			.query((rs, row) -> rs.getString(1) + "/" + rs.getBoolean(2) + "/" + rs.getString(3))
			.single()).isEqualTo("PREPRINTED/true/counter-1");
		String[] first = manifest(result.folder()).get(0);
		String idNumber = this.jdbc.sql("""
				SELECT p.id_number FROM person p JOIN certificate c ON c.person_id = p.id WHERE c.certificate_no = :no
				""").param("no", first[0]).query(String.class).single();
		try (PDDocument document = Loader.loadPDF(result.folder().resolve(first[2]).toFile())) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(Integer.parseInt(first[3]));
			stripper.setEndPage(Integer.parseInt(first[3]));
			String holderPage = stripper.getText(document);
			assertThat(holderPage).contains(idNumber.substring(0, 4) + "**********" + idNumber.substring(14))
				.doesNotContain(idNumber)
				.doesNotContain("江西省专业技术人员继续教育证书");
			// demo people have verified years: their rows carry the 验证专用章 layer
			assertThat(document.getDocumentCatalog().getOCProperties().hasGroup("验证专用章")).isTrue();
		}
	}

	@Test
	void aCertificateThatCannotBePrintedLandsInRejectsWithItsReasonAndTheRunGoesOn() throws Exception {
		String unprintable = "王" + Character.toString(0x30EDE);
		String number = this.jdbc.sql("SELECT MIN(certificate_no) FROM certificate").query(String.class).single();
		this.jdbc.sql(
				"UPDATE person SET name = :name WHERE id = (SELECT person_id FROM certificate WHERE certificate_no = :no)")
			.param("name", unprintable)
			.param("no", number)
			.update();

		PrintRunResult result = this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES));

		assertThat(result.complete()).isTrue();
		assertThat(result.rejected()).isEqualTo(1);
		assertThat(result.printedByKind()).containsEntry("CERTIFICATE", PEOPLE - 1);
		assertThat(numbersOf(manifest(result.folder()), "CERTIFICATE")).hasSize(PEOPLE - 1).doesNotContain(number);
		String rejects = Files.readString(result.folder().resolve("rejects.csv"));
		assertThat(rejects).contains(number, "姓名", "U+30EDE");
		assertThat(this.jdbc.sql("SELECT printed_at FROM certificate WHERE certificate_no = :no")
			.param("no", number)
			.query(java.sql.Timestamp.class)
			.optional()).isEmpty();
	}

	@Test
	void anUnknownPrinterIsRefusedBeforeARunExists() {
		long runs = this.jdbc.sql("SELECT COUNT(*) FROM print_run").query(Long.class).single();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.printRuns.run(new PrintRequest(PrintJob.CERTIFICATES, null, null, null, false,
					new PrintStyle(Stock.PREPRINTED, false, "counter-9"))))
			.withMessageContaining("counter-9")
			.withMessageContaining("counter-1");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM print_run").query(Long.class).single()).isEqualTo(runs);
	}

	static List<String[]> manifest(Path folder) throws IOException {
		List<String> lines = Files.readAllLines(folder.resolve("manifest.csv"), StandardCharsets.UTF_8);
		assertThat(lines.get(0)).isEqualTo("\uFEFFdocument_no,kind,file,first_page,last_page,content_sha256,status");
		return lines.stream().skip(1).map((line) -> line.split(",")).toList();
	}

	static List<String> numbersOf(List<String[]> manifest, String kind) {
		return manifest.stream().filter((line) -> line[1].equals(kind)).map((line) -> line[0]).toList();
	}

	static String pageContentHash(Path pdf, int firstPage, int lastPage) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			for (int page = firstPage; page <= lastPage; page++) {
				try (InputStream content = document.getPage(page - 1).getContents()) {
					digest.update(content.readAllBytes());
				}
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
