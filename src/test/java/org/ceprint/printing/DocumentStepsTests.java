package org.ceprint.printing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ceprint.demo.DemoRegistryGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document steps one at a time, each run through {@link JobOperatorTestUtils} for a
 * recorded run: the step prints exactly the run's claims, records each document in
 * print_document with its file and pages, and marks what it printed in the registry.
 */
@SpringBatchTest
@SpringBootTest(properties = "ceprint.printing.documents-per-file=4")
class DocumentStepsTests {

	private static final int PEOPLE = 12;

	@Autowired
	JobOperatorTestUtils steps;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	PrintRuns printRuns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("certificatesStep")
	Step certificatesStep;

	@Autowired
	@Qualifier("registerCardsStep")
	Step registerCardsStep;

	@BeforeEach
	void freshRegistry() {
		this.generator.clearRegistry();
		this.generator.generate(11, PEOPLE);
	}

	@Test
	void theCertificateStepPrintsEveryClaimedCertificateCityByCityAndMarksItPrinted() throws Exception {
		long runId = this.printRuns.create(PrintRequest.all(PrintJob.CERTIFICATES));

		JobExecution execution = this.steps.startStep(this.certificatesStep, parameters(runId), null);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<String> cities = this.jdbc.sql("SELECT DISTINCT channel_code FROM certificate ORDER BY channel_code")
			.query(String.class)
			.list();
		// one worker execution per city, each named after the chunk step
		assertThat(execution.getStepExecutions().stream().map(StepExecution::getStepName))
			.filteredOn((name) -> name.startsWith("certificatesCityStep:"))
			.hasSize(cities.size());
		assertThat(count("SELECT COUNT(*) FROM print_document WHERE run_id = :run AND document_kind = 'CERTIFICATE'",
				runId))
			.isEqualTo(PEOPLE);
		assertThat(count("SELECT COUNT(*) FROM certificate WHERE printed_at IS NULL", null)).isZero();
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM print_document d JOIN certificate c ON c.certificate_no = d.document_no
				WHERE d.run_id = :run AND d.file_name LIKE CONCAT('certificates-', c.channel_code, '-%')
				""").param("run", runId).query(Integer.class).single()).as("each certificate in its own city's file")
			.isEqualTo(PEOPLE);
		assertPagesHold(runId, "CERTIFICATE");
	}

	@Test
	void theRegisterCardStepPrintsOneCardPerPersonAndLeavesCertificatesUnprinted() throws Exception {
		long runId = this.printRuns.create(PrintRequest.all(PrintJob.REGISTER_CARDS));

		JobExecution execution = this.steps.startStep(this.registerCardsStep, parameters(runId), null);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count(
				"SELECT COUNT(DISTINCT document_no) FROM print_document WHERE run_id = :run AND document_kind = 'REGISTER_CARD'",
				runId))
			.isEqualTo(PEOPLE);
		assertThat(count("SELECT COUNT(*) FROM print_reject WHERE run_id = :run", runId)).isZero();
		// a register card is not a booklet: no certificate counts as printed
		assertThat(count("SELECT COUNT(*) FROM certificate WHERE printed_at IS NOT NULL", null)).isZero();
		assertPagesHold(runId, "REGISTER_CARD");
	}

	/**
	 * Every recorded document's pages exist in its file and carry its number; at most
	 * four documents a file.
	 */
	private void assertPagesHold(long runId, String kind) throws Exception {
		Path folder = this.printRuns.documentFiles(runId).get(0).getParent();
		List<String[]> rows = this.jdbc.sql("""
				SELECT document_no, file_name, first_page, last_page FROM print_document
				WHERE run_id = :run AND document_kind = :kind ORDER BY file_name, first_page
				""")
			.param("run", runId)
			.param("kind", kind)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list();
		assertThat(rows.stream().map((row) -> row[1]).distinct())
			.allSatisfy((file) -> assertThat(rows.stream().filter((row) -> row[1].equals(file)).count())
				.isLessThanOrEqualTo(4));
		for (String[] row : rows) {
			Path pdf = folder.resolve(row[1]);
			assertThat(pdf).exists();
			assertThat(Files.exists(folder.resolve(row[1] + ".part"))).isFalse();
			try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
				int first = Integer.parseInt(row[2]);
				int last = Integer.parseInt(row[3]);
				assertThat(last).isBetween(first, document.getNumberOfPages());
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setStartPage(first);
				stripper.setEndPage(last);
				assertThat(stripper.getText(document)).as("%s pages %d–%d", row[1], first, last).contains(row[0]);
			}
		}
	}

	private int count(String sql, Long runId) {
		var statement = this.jdbc.sql(sql);
		if (runId != null) {
			statement = statement.param("run", runId);
		}
		return statement.query(Integer.class).single();
	}

	private static org.springframework.batch.core.job.parameters.JobParameters parameters(long runId) {
		return new JobParametersBuilder().addLong("runId", runId).toJobParameters();
	}

}
