package org.ceprint.printing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ceprint.ConflictException;
import org.ceprint.authenticity.internal.AuthenticityProperties;
import org.ceprint.authenticity.DocumentVerifier;
import org.ceprint.authenticity.QrCodeReader;
import org.ceprint.authenticity.ScanChannel;
import org.ceprint.authenticity.SigningKeys;
import org.ceprint.authenticity.VerificationResult;
import org.ceprint.demo.DemoRegistryGenerator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A run of one certificate printed directly, as the counter prints a reissued booklet:
 * the folder is a complete run folder (manifest hashes equal to the pages, slip, marker),
 * the booklet's text holds its number and its QR code, read from the page at 150 dpi,
 * verifies; no job ran, and printing it again, also after a crash before the folder was
 * finished, prints nothing twice.
 */
@SpringBootTest
class DirectPrintsTests {

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	PrintRuns printRuns;

	@Autowired
	DirectPrints directPrints;

	@Autowired
	DocumentVerifier verifier;

	@Autowired
	AuthenticityProperties authenticity;

	@Autowired
	JdbcClient jdbc;

	String number;

	@BeforeEach
	void freshRegistry() {
		this.generator.clearRegistry();
		this.generator.generate(11, 6);
		this.number = this.jdbc.sql("SELECT certificate_no FROM certificate WHERE status = 'VALID' ORDER BY id")
			.query(String.class)
			.list()
			.get(0);
	}

	@Test
	void printsTheBookletWithoutAJobIntoACompleteFolder() throws Exception {
		long runId = this.printRuns.create(PrintRequest.certificates(List.of(this.number), false, PrintStyle.DEFAULT));

		this.directPrints.print(runId);

		PrintProgress progress = this.printRuns.progress(runId).orElseThrow();
		assertThat(progress.complete()).isTrue();
		assertThat(this.printRuns.lastJobStatus(runId)).as("no Spring Batch job ran").isEmpty();
		Path folder = this.printRuns.latestCertificateFile(this.number).orElseThrow().getParent();
		List<String[]> manifest = RunFolderAudit.of(folder)
			.readingQrCodes(SigningKeys.forVerifying(this.authenticity.keysDir(), Set.of()), true)
			.complete();
		assertThat(manifest).singleElement().satisfies((line) -> {
			assertThat(line[0]).isEqualTo(this.number);
			assertThat(line[6]).isEqualTo("PRINTED");
		});
		assertThat(folder.resolve("certificate-slips-0001.pdf")).as("a counter hands the booklet over: no slip")
			.doesNotExist();
		Path pdf = folder.resolve(manifest.get(0)[2]);
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			assertThat(new PDFTextStripper().getText(document).replaceAll("\\s", "")).contains(this.number);
		}
		VerificationResult check = this.verifier.verifyToken(QrCodeReader.decode(pdf, 1).orElseThrow(), ScanChannel.API,
				"test");
		assertThat(check.verdict()).isEqualTo("VALID");
		assertThat(check.documentNo()).isEqualTo(this.number);
		assertThat(count("SELECT COUNT(*) FROM print_claim")).as("a completed run holds nothing").isZero();
		assertThat(count("SELECT COUNT(*) FROM certificate WHERE printed_at IS NOT NULL")).isOne();
	}

	/**
	 * As if the process died once the booklet's transaction committed and before the
	 * folder was finished: the marker, manifest and completion gone, the claim still
	 * held.
	 */
	@Test
	void printingTheRunAgainFinishesItWithoutPrintingTwice() throws Exception {
		long runId = this.printRuns.create(PrintRequest.certificates(List.of(this.number), false, PrintStyle.DEFAULT));
		this.directPrints.print(runId);
		Path pdf = this.printRuns.latestCertificateFile(this.number).orElseThrow();
		byte[] printed = Files.readAllBytes(pdf);
		this.directPrints.print(runId);
		Path folder = pdf.getParent();
		Files.delete(folder.resolve("_COMPLETE"));
		Files.delete(folder.resolve("manifest.csv"));
		this.jdbc.sql("UPDATE print_run SET completed_at = NULL WHERE id = :id").param("id", runId).update();
		this.jdbc.sql("""
				INSERT INTO print_claim (claim_kind, document_key, run_id, partition_code, unit_id, claimed_at)
				SELECT 'CERTIFICATE', c.id, :run, c.channel_code, p.unit_id, CURRENT_TIMESTAMP
				FROM certificate c JOIN person p ON p.id = c.person_id WHERE c.certificate_no = :no
				""").param("run", runId).param("no", this.number).update();

		// a job started by hand would read the claim afresh: refused, nothing printed
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.printRuns.resume(runId, true))
			.withMessageContaining("窗口补发的单本打印")
			.withMessageContaining("不要用 print resume 续打");
		assertThat(count("SELECT COUNT(*) FROM print_document WHERE run_id = " + runId)).isOne();

		this.directPrints.print(runId);

		assertThat(this.printRuns.progress(runId).orElseThrow().complete()).isTrue();
		assertThat(RunFolderAudit.of(folder).complete()).singleElement()
			.satisfies((line) -> assertThat(line[0]).isEqualTo(this.number));
		assertThat(count("SELECT COUNT(*) FROM print_document WHERE run_id = " + runId)).isOne();
		assertThat(Files.readAllBytes(pdf)).as("the booklet's file untouched").isEqualTo(printed);
		assertThat(count("SELECT COUNT(*) FROM print_claim")).isZero();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
