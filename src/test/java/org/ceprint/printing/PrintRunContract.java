package org.ceprint.printing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.authenticity.DocumentVerifier;
import org.ceprint.authenticity.QrCodeReader;
import org.ceprint.authenticity.ScanChannel;
import org.ceprint.authenticity.SigningKeys;
import org.ceprint.authenticity.VerificationResult;
import org.ceprint.authenticity.internal.AuthenticityProperties;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.rendering.RenderOptions.Stock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.ceprint.testsupport.MariaDbTest.DATABASE_AGNOSTIC;

/**
 * A whole print run over a small demo province, checked against the database and the
 * files: every selected certificate exactly once, manifest hashes equal to the pages, the
 * QR leading to the certificate's verification page, and nothing printed twice, also when
 * a second run is recorded while the first still holds its documents. Runs on H2 and on
 * MariaDB.
 */
// three documents a file: the largest city of the demo (8 people) spans three files, so
// its partition pages through several chunks
@SpringBootTest(properties = { "ceprint.printing.documents-per-file=3",
		"ceprint.rendering.printers.counter-1.right-mm=1.5", "ceprint.rendering.printers.counter-1.down-mm=-0.5" })
abstract class PrintRunContract {

	private static final int PEOPLE = 40;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	PrintRuns printRuns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DocumentVerifier verifier;

	@Autowired
	AuthenticityProperties authenticity;

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
		// the preflight checked every document of the run before it was marked complete
		assertThat(result.preflight()).startsWith("发布前检查：").contains("检查了 %d 份（抽样率 1.0）".formatted(result.printed()));
		// pages, hashes and files of the whole folder; the QR code of each file's first
		// booklet
		List<String[]> manifest = RunFolderAudit.of(result.folder())
			.readingQrCodes(SigningKeys.forVerifying(this.authenticity.keysDir(), Set.of()), false)
			.complete();
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
		// the largest city's certificates and cards fill three files each: its partitions
		// paged through their claims, the certificates' while each commit marked them
		// printed (the normal mode, whose selection shrinks as the run goes)
		for (String kind : List.of("CERTIFICATE", "REGISTER_CARD")) {
			assertThat(manifest.stream()
				.filter((line) -> line[1].equals(kind))
				.map((line) -> line[2])
				.distinct()
				.collect(java.util.stream.Collectors.groupingBy((file) -> file.substring(0, file.length() - 9),
						java.util.stream.Collectors.counting()))
				.values()).as("files of each city, %s", kind).anyMatch((files) -> files >= 3);
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM print_claim").query(Long.class).single())
			.as("a completed run holds nothing")
			.isZero();
	}

	@Test
	@Tag(DATABASE_AGNOSTIC)
	void certificatePagesCarryTheHolderAndAQrCodeLeadingToTheVerificationPage() throws Exception {
		PrintRunResult result = this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES));
		String[] first = audited(result).get(0);
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
		String qr = QrCodeReader.decode(pdf, Integer.parseInt(first[3])).orElseThrow();
		assertThat(qr).startsWith("HTTP://LOCALHOST:8080/V/");
		VerificationResult verified = this.verifier.verifyToken(qr, ScanChannel.API, "test");
		assertThat(verified.verdict()).isEqualTo("VALID");
		assertThat(verified.documentNo()).isEqualTo(first[0]);
	}

	@Test
	void aSecondRunOverTheSameScopePrintsNothingNewUnlessAskedToReprint() throws Exception {
		this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES));

		PrintRunResult again = this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES));
		assertThat(again.printed()).isZero();
		assertThat(audited(again)).isEmpty();

		PrintRunResult reprint = this.printRuns.run(new PrintRequest(PrintJob.CERTIFICATES, null, null, null, true));
		assertThat(reprint.printed()).isEqualTo(PEOPLE);
		assertThat(audited(reprint)).extracting((line) -> line[6]).containsOnly("REPRINTED");
	}

	@Test
	void aRunRecordedWhileAnotherHoldsTheSameDocumentsSkipsThemAndNamesTheOtherRun() throws Exception {
		long holder = this.printRuns.create(PrintRequest.all(PrintJob.ALL));

		PrintRunResult certificates = this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES));
		PrintRunResult cards = this.printRuns.run(PrintRequest.all(PrintJob.REGISTER_CARDS));

		for (PrintRunResult skipped : List.of(certificates, cards)) {
			assertThat(skipped.printed()).isZero();
			assertThat(skipped.heldByOtherRuns()).containsExactly(java.util.Map.entry(holder, PEOPLE));
			assertThat(audited(skipped)).isEmpty();
			List<String> rejects = Files.readAllLines(skipped.folder().resolve("rejects.csv"));
			assertThat(rejects).hasSize(PEOPLE + 1);
			assertThat(rejects.subList(1, rejects.size()))
				.allMatch((line) -> line.contains("正由打印批次 " + holder + " 打印"));
		}

		PrintRunResult held = this.printRuns.execute(holder);
		audited(held);
		assertThat(held.printedByKind()).containsEntry("CERTIFICATE", PEOPLE).containsEntry("REGISTER_CARD", PEOPLE);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM print_claim").query(Long.class).single()).isZero();
		// released: certificates are printed now, register cards print again on request
		assertThat(this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES)).printed()).isZero();
		assertThat(this.printRuns.run(PrintRequest.all(PrintJob.REGISTER_CARDS)).printed()).isEqualTo(PEOPLE);
	}

	@Test
	void abandoningAnUnfinishedRunReleasesItsDocumentsForTheNextRun() throws Exception {
		long abandoned = this.printRuns.create(PrintRequest.all(PrintJob.CERTIFICATES));

		assertThat(this.printRuns.abandon(abandoned, false)).isEqualTo(PEOPLE);

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.printRuns.resume(abandoned, false))
			.withMessageContaining("已放弃");
		PrintRunResult next = this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES));
		assertThat(next.printedByKind()).containsEntry("CERTIFICATE", PEOPLE);
		assertThat(next.heldByOtherRuns()).isEmpty();
	}

	@Test
	void aCertificateVoidedAfterTheRunClaimedItIsSetAsideNotPrinted() throws Exception {
		long run = this.printRuns.create(PrintRequest.all(PrintJob.CERTIFICATES));
		String number = this.jdbc.sql("SELECT MIN(certificate_no) FROM certificate").query(String.class).single();
		this.jdbc.sql("UPDATE certificate SET status = 'VOID', current_holder_id = NULL WHERE certificate_no = :no")
			.param("no", number)
			.update();

		PrintRunResult result = this.printRuns.execute(run);

		assertThat(numbersOf(audited(result), "CERTIFICATE")).hasSize(PEOPLE - 1).doesNotContain(number);
		assertThat(Files.readString(result.folder().resolve("rejects.csv"))).contains(number + ",CERTIFICATE,", "已作废");
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
		assertThat(numbersOf(audited(result), "CERTIFICATE")).allMatch((no) -> no.startsWith(city));
		assertThat(result.folder().getFileName().toString()).contains("certificates-city" + city);
	}

	@Test
	@Tag(DATABASE_AGNOSTIC)
	void aPreprintedRunPrintsTheDataAloneWithMaskedIdNumbersAndTheSeals() throws Exception {
		PrintRunResult result = this.printRuns.run(new PrintRequest(PrintJob.CERTIFICATES, null, null, null, false,
				new PrintStyle(Stock.PREPRINTED, true, "counter-1")));

		assertThat(this.jdbc.sql("SELECT stock, mask_id_numbers, printer FROM print_run WHERE folder = :folder")
			.param("folder", result.folder().getFileName().toString())
			.query((rs, row) -> rs.getString(1) + "/" + rs.getBoolean(2) + "/" + rs.getString(3))
			.single()).isEqualTo("PREPRINTED/true/counter-1");
		String[] first = audited(result).get(0);
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
	@Tag(DATABASE_AGNOSTIC)
	void aCertificateThatCannotBePrintedLandsInRejectsWithItsReasonAndTheRunGoesOn() throws Exception {
		String unprintable = "王" + Character.toString(0x30EDE);
		String number = this.jdbc.sql("SELECT MIN(certificate_no) FROM certificate").query(String.class).single();
		this.jdbc.sql(
				"UPDATE person SET name = :name WHERE id = (SELECT person_id FROM certificate WHERE certificate_no = :no)")
			.param("name", unprintable)
			.param("no", number)
			.update();

		PrintRunResult result = this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES));

		assertThat(result.rejected()).isEqualTo(1);
		assertThat(result.printedByKind()).containsEntry("CERTIFICATE", PEOPLE - 1);
		assertThat(numbersOf(audited(result), "CERTIFICATE")).hasSize(PEOPLE - 1).doesNotContain(number);
		String rejects = Files.readString(result.folder().resolve("rejects.csv"));
		assertThat(rejects).contains(number, "姓名", "U+30EDE");
		assertThat(this.jdbc.sql("SELECT printed_at FROM certificate WHERE certificate_no = :no")
			.param("no", number)
			.query(java.sql.Timestamp.class)
			.optional()).isEmpty();
	}

	@Test
	void certificatesComeOutByCityAndUnitWithADistributionSlipPerUnit() throws Exception {
		PrintRunResult result = this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES));

		List<String[]> manifest = audited(result);
		java.util.Map<String, Long> unitOf = new java.util.HashMap<>();
		java.util.Map<Long, String> unitNames = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT c.certificate_no, o.id, o.name FROM certificate c JOIN person p ON p.id = c.person_id
				JOIN organisation o ON o.id = p.unit_id
				""").query((rs, row) -> {
			unitOf.put(rs.getString(1), rs.getLong(2));
			unitNames.put(rs.getLong(2), rs.getString(3));
			return null;
		}).list();
		// one file series per city, and inside each file the booklets in unit order
		for (String[] line : manifest) {
			assertThat(line[2]).startsWith("certificates-" + line[0].substring(0, 6) + "-");
		}
		for (int i = 1; i < manifest.size(); i++) {
			if (manifest.get(i)[2].equals(manifest.get(i - 1)[2])) {
				assertThat(unitOf.get(manifest.get(i)[0])).isGreaterThanOrEqualTo(unitOf.get(manifest.get(i - 1)[0]));
			}
		}
		Path slips = result.folder().resolve("certificate-slips-0001.pdf");
		assertThat(slips).exists();
		String slipText;
		try (PDDocument document = Loader.loadPDF(slips.toFile())) {
			slipText = new PDFTextStripper().getText(document);
		}
		for (String[] line : manifest) {
			assertThat(slipText.split(line[0], -1)).as("slip lines of %s", line[0]).hasSize(2);
		}
		java.util.Set<Long> units = new java.util.HashSet<>(unitOf.values());
		assertThat(slipText.split("继续教育证书发放清单", -1).length - 1).isGreaterThanOrEqualTo(units.size());
		for (Long unit : units) {
			assertThat(slipText).contains("领取单位：" + unitNames.get(unit));
		}
	}

	@Test
	void printsOnlyTheListedNumbersAndReportsEachOneItCannotPrint() throws Exception {
		List<String> numbers = this.jdbc.sql("SELECT certificate_no FROM certificate ORDER BY certificate_no")
			.query(String.class)
			.list()
			.subList(0, 4);
		this.jdbc.sql("UPDATE certificate SET printed_at = CURRENT_TIMESTAMP WHERE certificate_no = :no")
			.param("no", numbers.get(3))
			.update();
		String unknown = "36010020990000001";
		List<String> requested = new java.util.ArrayList<>(numbers);
		requested.add(unknown);

		PrintRunResult result = this.printRuns.run(PrintRequest.certificates(requested, false, PrintStyle.DEFAULT));

		assertThat(numbersOf(audited(result), "CERTIFICATE"))
			.containsExactlyInAnyOrderElementsOf(numbers.subList(0, 3));
		String rejects = Files.readString(result.folder().resolve("rejects.csv"));
		assertThat(rejects).contains(unknown + ",CERTIFICATE,证书编号不存在").contains(numbers.get(3) + ",CERTIFICATE,证书已打印过");
		PrintProgress progress = this.printRuns.progress(result.runId()).orElseThrow();
		assertThat(progress.planned()).isEqualTo(5);
		assertThat(progress.done()).isEqualTo(5);
		assertThat(progress.printed()).isEqualTo(3);
		assertThat(progress.complete()).isTrue();
	}

	@Test
	void sealOverlaysCarryOnlyEntriesVerifiedAfterTheBookletWasPrintedAndMarkThemSealed() throws Exception {
		this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES));
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM registration_entry WHERE status = 'VERIFIED' AND sealed_at IS NULL")
					.query(Long.class)
					.single())
			.as("the booklets carry the seals of every entry verified by then")
			.isZero();
		long entry = this.jdbc.sql("SELECT MIN(id) FROM registration_entry WHERE status = 'PENDING'")
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				UPDATE registration_entry SET status = 'VERIFIED', verified_by_channel = '360100',
				       verified_by_clerk = '测试', verified_at = CURRENT_TIMESTAMP WHERE id = :id
				""").param("id", entry).update();
		String certificateNo = this.jdbc.sql("""
				SELECT c.certificate_no FROM certificate c JOIN registration_entry e ON e.person_id = c.person_id
				WHERE e.id = :id AND c.status = 'VALID'
				""").param("id", entry).query(String.class).single();

		PrintRunResult overlays = this.printRuns.run(new PrintRequest(PrintJob.SEAL_OVERLAYS, null, null, null, false));

		List<String[]> manifest = audited(overlays);
		assertThat(numbersOf(manifest, "SEAL_OVERLAY")).containsExactly(certificateNo);
		assertThat(manifest.get(0)[3]).isEqualTo(manifest.get(0)[4]);
		try (PDDocument document = Loader.loadPDF(overlays.folder().resolve(manifest.get(0)[2]).toFile())) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			assertThat(document.getDocumentCatalog().getOCProperties().hasGroup("验证专用章")).isTrue();
			assertThat(document.getDocumentCatalog().getDocumentOutline().getFirstChild().getTitle())
				.startsWith("证书 " + certificateNo);
		}
		assertThat(this.jdbc.sql("SELECT sealed_at FROM registration_entry WHERE id = :id")
			.param("id", entry)
			.query(java.sql.Timestamp.class)
			.single()).isNotNull();

		PrintRunResult again = this.printRuns.run(new PrintRequest(PrintJob.SEAL_OVERLAYS, null, null, null, false));
		assertThat(again.printed()).isZero();
	}

	@Test
	void registerCardsOfAYearAreThoseOfPeopleWithEntriesThatYear() throws Exception {
		int year = this.jdbc.sql("SELECT MIN(start_date) FROM registration_entry")
			.query(java.sql.Date.class)
			.single()
			.toLocalDate()
			.getYear() + 1;
		List<String> expected = this.jdbc.sql("""
				SELECT c.certificate_no FROM certificate c WHERE c.status = 'VALID' AND c.person_id IN
				  (SELECT person_id FROM registration_entry WHERE start_date >= :from AND start_date < :to)
				""")
			.param("from", java.time.LocalDate.of(year, 1, 1))
			.param("to", java.time.LocalDate.of(year + 1, 1, 1))
			.query(String.class)
			.list();
		assertThat(expected).isNotEmpty().hasSizeLessThan(PEOPLE);

		PrintRunResult result = this.printRuns.run(new PrintRequest(PrintJob.REGISTER_CARDS, null, null, year, false));

		assertThat(numbersOf(audited(result), "REGISTER_CARD")).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(result.folder().resolve("register-card-slips-0001.pdf")).exists();
	}

	@Test
	void anUnknownPrinterIsRefusedBeforeARunExists() {
		long runs = this.jdbc.sql("SELECT COUNT(*) FROM print_run").query(Long.class).single();
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.printRuns.run(new PrintRequest(PrintJob.CERTIFICATES, null, null, null, false,
					new PrintStyle(Stock.PREPRINTED, false, "counter-9"))))
			.withMessageContaining("counter-9")
			.withMessageContaining("counter-1");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM print_run").query(Long.class).single()).isEqualTo(runs);
	}

	/**
	 * Asserts that the run completed, by its result and by its folder's files.
	 * @return the manifest's lines
	 */
	static List<String[]> audited(PrintRunResult result) throws Exception {
		assertThat(result.complete()).as("run %d: %s", result.runId(), result.failure()).isTrue();
		return RunFolderAudit.of(result.folder()).complete();
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
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			return pageContentHash(document, firstPage, lastPage);
		}
	}

	static String pageContentHash(PDDocument document, int firstPage, int lastPage) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		for (int page = firstPage; page <= lastPage; page++) {
			try (InputStream content = document.getPage(page - 1).getContents()) {
				digest.update(content.readAllBytes());
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
