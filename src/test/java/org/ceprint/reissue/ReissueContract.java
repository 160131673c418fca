package org.ceprint.reissue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.authenticity.DocumentVerifier;
import org.ceprint.authenticity.QrCodeReader;
import org.ceprint.authenticity.ScanChannel;
import org.ceprint.authenticity.VerificationResult;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.printing.DirectPrints;
import org.ceprint.printing.PrintJob;
import org.ceprint.printing.PrintRequest;
import org.ceprint.printing.PrintRunResult;
import org.ceprint.printing.PrintRuns;
import org.ceprint.printing.PrintStyle;
import org.ceprint.registry.CertificateDossiers;
import org.ceprint.registry.CertificateNumberAllocator;
import org.ceprint.registry.CertificateNumbers;
import org.ceprint.registry.CertificateReplacements;
import org.ceprint.registry.Channels;
import org.ceprint.registry.PersonDossiers;
import org.ceprint.reissue.Reissues.LookupQuery;
import org.ceprint.reissue.Reissues.ReissueResult;
import org.ceprint.reissue.internal.AuditLog;
import org.ceprint.reissue.internal.BookletPrinter;
import org.ceprint.reissue.internal.Booklets;
import org.ceprint.reissue.internal.CertificateReissued;
import org.ceprint.reissue.internal.ReissueRecords;
import org.ceprint.testsupport.EventPublications;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reissue at the counter, for each reason: the old QR code reports the replacement, the
 * new booklet carries the right history, only the issuing office can do it, exactly one
 * successor even when two clerks try at once, and every step is audited. Runs on H2 and
 * on MariaDB.
 */
@SpringBootTest
abstract class ReissueContract {

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	PrintRuns printRuns;

	@Autowired
	DirectPrints directPrints;

	@Autowired
	Reissues reissues;

	@Autowired
	DocumentVerifier verifier;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CertificateReplacements replacements;

	@Autowired
	CertificateNumberAllocator numbers;

	@Autowired
	CertificateDossiers certificates;

	@Autowired
	PersonDossiers people;

	@Autowired
	Channels channels;

	@Autowired
	Clock clock;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	ReissueRecords records;

	@Autowired
	Booklets booklets;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	PrintRunResult firstPrint;

	@BeforeEach
	void printedProvince() throws Exception {
		this.generator.clearRegistry();
		this.jdbc.sql("DELETE FROM reissue").update();
		this.jdbc.sql("DELETE FROM audit_log").update();
		// a regenerated registry numbers its certificates afresh: a booklet of the same
		// number printed by an earlier test must not pass for this one's (the listener
		// takes a printed booklet as done)
		this.jdbc.sql("DELETE FROM print_document").update();
		this.generator.generate(21, 8, LocalDate.of(2026, 6, 30));
		this.firstPrint = this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES));
	}

	/** No booklet of this test prints on while the next one empties the registry. */
	@AfterEach
	void bookletsPrinted() {
		EventPublications.awaitCompletion(this.jdbcTemplate);
	}

	@Test
	void aDamagedCertificateIsSupersededAndItsSuccessorCarriesTheHistory() throws Exception {
		Map<String, Object> old = certificateWithVerifiedEntries();
		Clerk clerk = new Clerk("王敏", (String) old.get("channel"));
		String oldQr = printedQr((String) old.get("no"));

		assertThat(this.reissues.lookup(clerk, new LookupQuery((String) old.get("id"), null, null, null)))
			.singleElement()
			.satisfies((person) -> assertThat(person.certificates()).hasSize(1));
		ReissueResult result = this.reissues.reissue(clerk, (String) old.get("no"), ReissueReason.DAMAGED, null,
				PrintStyle.DEFAULT);
		Booklet booklet = printed(result);

		assertThat(booklet.printed()).isTrue();
		assertThat(result.newNumber()).startsWith((String) old.get("channel")).isNotEqualTo(old.get("no"));
		VerificationResult oldCheck = this.verifier.verifyToken(oldQr, ScanChannel.API, "test");
		assertThat(oldCheck.verdict()).isEqualTo("SUPERSEDED");
		assertThat(oldCheck.replacedBy()).isEqualTo(result.newNumber());
		String text = text(booklet.pdf());
		assertThat(text).contains(result.newNumber());
		for (String project : verifiedProjects((String) old.get("no"))) {
			assertThat(text).contains(project);
		}
		VerificationResult newCheck = this.verifier.verifyToken(QrCodeReader.decode(booklet.pdf(), 1).orElseThrow(),
				ScanChannel.API, "test");
		assertThat(newCheck.verdict()).isEqualTo("VALID");
		assertThat(newCheck.documentNo()).isEqualTo(result.newNumber());
		assertThat(actions()).containsExactly("LOOKUP", "REISSUE", "PRINT");
		assertThat(this.jdbc.sql("SELECT reason FROM reissue WHERE old_certificate_no = :no")
			.param("no", old.get("no"))
			.query(String.class)
			.single()).isEqualTo("DAMAGED");
	}

	@Test
	void aLostCertificateIsVoidAtOnceAndNeedsTheDeclaration() throws Exception {
		Map<String, Object> old = certificateWithVerifiedEntries();
		Clerk clerk = new Clerk("李强", (String) old.get("channel"));
		String oldQr = printedQr((String) old.get("no"));
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(
				() -> this.reissues.reissue(clerk, (String) old.get("no"), ReissueReason.LOST, " ", PrintStyle.DEFAULT))
			.withMessageContaining("遗失声明");

		ReissueResult result = this.reissues.reissue(clerk, (String) old.get("no"), ReissueReason.LOST,
				"赣报 2026-1125-07", PrintStyle.DEFAULT);
		Booklet booklet = printed(result);

		VerificationResult oldCheck = this.verifier.verifyToken(oldQr, ScanChannel.API, "test");
		assertThat(oldCheck.verdict()).isEqualTo("VOID");
		assertThat(oldCheck.current()).isFalse();
		assertThat(oldCheck.replacedBy()).isEqualTo(result.newNumber());
		assertThat(oldCheck.headline()).contains("作废", result.newNumber());
		String text = text(booklet.pdf());
		for (String project : verifiedProjects((String) old.get("no"))) {
			assertThat(text).contains(project);
		}
		assertThat(this.jdbc.sql("SELECT detail FROM audit_log WHERE action = 'REISSUE'").query(String.class).single())
			.contains("遗失", "赣报 2026-1125-07", result.newNumber());
	}

	@Test
	void aFullCertificateStaysAsTheEarlierVolumeAndTheNewOneCarriesTheTotalsForward() throws Exception {
		Map<String, Object> old = certificateWithVerifiedEntries();
		Clerk clerk = new Clerk("赵丽", (String) old.get("channel"));
		List<String> projects = verifiedProjects((String) old.get("no"));
		String hours = this.jdbc.sql("""
				SELECT SUM(e.hours) FROM registration_entry e JOIN certificate c ON c.person_id = e.person_id
				WHERE c.certificate_no = :no AND e.status = 'VERIFIED'
				""")
			.param("no", old.get("no"))
			.query(java.math.BigDecimal.class)
			.single()
			.stripTrailingZeros()
			.toPlainString();

		ReissueResult result = this.reissues.reissue(clerk, (String) old.get("no"), ReissueReason.FULL, null,
				PrintStyle.DEFAULT);

		String text = text(printed(result).pdf());
		assertThat(text).contains(result.newNumber()).contains("本证续前册").contains("合计" + hours + "学时");
		for (String project : projects) {
			assertThat(text).doesNotContain(project);
		}
		// the old booklet still shows its own history
		VerificationResult oldCheck = this.verifier.verifyByNumber((String) old.get("no"), (String) old.get("name"),
				"test");
		assertThat(oldCheck.verdict()).isEqualTo("SUPERSEDED");
		assertThat(oldCheck.verifiedHours()).isNotEmpty();
	}

	@Test
	void onlyTheIssuingOfficeSeesAndReissuesACertificateAndOnlyOnce() throws Exception {
		Map<String, Object> old = certificateWithVerifiedEntries();
		String otherOffice = ((String) old.get("channel")).equals("360100") ? "360200" : "360100";
		Clerk stranger = new Clerk("外市经办人", otherOffice);
		assertThat(this.reissues.lookup(stranger, new LookupQuery(null, (String) old.get("no"), null, null))).isEmpty();
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.reissues.reissue(stranger, (String) old.get("no"), ReissueReason.DAMAGED, null,
					PrintStyle.DEFAULT))
			.withMessageContaining("只能由该发证机关换发");
		String typo = ((String) old.get("no")).substring(0, 16) + (((String) old.get("no")).endsWith("1") ? "2" : "1");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.reissues.lookup(new Clerk("王敏", (String) old.get("channel")),
					new LookupQuery(null, typo, null, null)))
			.withMessageContaining("校验位");

		Clerk clerk = new Clerk("王敏", (String) old.get("channel"));
		this.reissues.reissue(clerk, (String) old.get("no"), ReissueReason.DAMAGED, null, PrintStyle.DEFAULT);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.reissues.reissue(clerk, (String) old.get("no"), ReissueReason.DAMAGED, null,
					PrintStyle.DEFAULT))
			.withMessage("证书 %s 已换发，不能再换发", old.get("no"));
	}

	/**
	 * The event handed to the listener again (as after a restart) once the booklet is
	 * printed, and once more as if the process had died after printing, before the
	 * listener's last commit (the print's audit row and its end, committed together): the
	 * booklet is printed once, its print audited once.
	 */
	@Test
	void aResubmittedEventDoesNotPrintTheBookletTwice() {
		Map<String, Object> old = certificateWithVerifiedEntries();
		Clerk clerk = new Clerk("王敏", (String) old.get("channel"));
		List<Object> published = new ArrayList<>();
		ReissueResult result = reissuesPublishingInto(published).reissue(clerk, (String) old.get("no"),
				ReissueReason.DAMAGED, null, PrintStyle.DEFAULT);
		CertificateReissued event = (CertificateReissued) published.get(0);
		BookletPrinter printer = new BookletPrinter(this.records, this.printRuns, this.directPrints, this.booklets,
				new AuditLog(this.jdbc, this.clock), this.clock, this.transactionManager);

		printer.print(event);
		printer.print(event);
		this.jdbc.sql("UPDATE reissue SET print_ended_at = NULL WHERE new_certificate_no = :no")
			.param("no", result.newNumber())
			.update();
		this.jdbc.sql("DELETE FROM audit_log WHERE action = 'PRINT' AND subject = :no")
			.param("no", result.newNumber())
			.update();
		printer.print(event);

		assertThat(this.reissues.booklet(result.newNumber()).printed()).isTrue();
		assertThat(printsOf(result.newNumber())).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'PRINT' AND subject = :no")
			.param("no", result.newNumber())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * A crash after the booklet's run was recorded and before it printed: the resubmitted
	 * event resumes that run, and records no other.
	 */
	@Test
	void aResubmittedEventResumesTheRunACrashInterrupted() throws Exception {
		Map<String, Object> old = certificateWithVerifiedEntries();
		Clerk clerk = new Clerk("王敏", (String) old.get("channel"));
		List<Object> published = new ArrayList<>();
		ReissueResult result = reissuesPublishingInto(published).reissue(clerk, (String) old.get("no"),
				ReissueReason.DAMAGED, null, PrintStyle.DEFAULT);
		long run = this.printRuns
			.create(PrintRequest.certificates(List.of(result.newNumber()), false, PrintStyle.DEFAULT));
		this.records.printingIn(result.newNumber(), run);
		assertThat(this.reissues.booklet(result.newNumber()).printing()).isTrue();
		long runs = count("SELECT COUNT(*) FROM print_run");

		new BookletPrinter(this.records, this.printRuns, this.directPrints, this.booklets,
				new AuditLog(this.jdbc, this.clock), this.clock, this.transactionManager)
			.print((CertificateReissued) published.get(0));

		Booklet booklet = this.reissues.booklet(result.newNumber());
		assertThat(booklet.printed()).isTrue();
		assertThat(booklet.printRunId()).isEqualTo(run);
		assertThat(count("SELECT COUNT(*) FROM print_run")).isEqualTo(runs);
		assertThat(printsOf(result.newNumber())).isEqualTo(1);
		assertThat(text(booklet.pdf())).contains(result.newNumber());
	}

	/** Reissues whose events go into a list instead of to their listener. */
	private Reissues reissuesPublishingInto(List<Object> published) {
		return new Reissues(this.replacements, this.numbers, this.certificates, this.people, this.channels,
				this.records, this.booklets, new AuditLog(this.jdbc, this.clock), published::add, this.clock,
				this.transactionManager);
	}

	private long printsOf(String certificateNo) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM print_document WHERE document_kind = 'CERTIFICATE' AND document_no = :no")
			.param("no", certificateNo)
			.query(Long.class)
			.single();
	}

	/**
	 * The first clerk's reissue is held inside its transaction, after it has ended the
	 * old certificate and drawn the new number, until the second clerk's reissue waits
	 * for its row lock; three times over.
	 */
	@Test
	void twoClerksReissuingTheSameCertificateAtOnceYieldOneSuccessor() throws Exception {
		for (int round = 1; round <= 3; round++) {
			Map<String, Object> old = certificateWithVerifiedEntries();
			String no = (String) old.get("no");
			String channel = (String) old.get("channel");
			int year = LocalDate.now(this.clock).getYear();
			int serial = nextSerial(channel, year);
			long certificatesBefore = count("SELECT COUNT(*) FROM certificate");
			CountDownLatch holding = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			AuditLog heldAudit = new AuditLog(this.jdbc, this.clock) {
				@Override
				public void record(Clerk clerk, String action, String subject, String detail) {
					super.record(clerk, action, subject, detail);
					if (action.equals("REISSUE")) {
						holding.countDown();
						awaitQuietly(release);
					}
				}
			};
			Reissues heldReissues = new Reissues(this.replacements, this.numbers, this.certificates, this.people,
					this.channels, this.records, this.booklets, heldAudit, this.events, this.clock,
					this.transactionManager);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				Future<ReissueResult> first = pool.submit(() -> heldReissues.reissue(new Clerk("甲", channel), no,
						ReissueReason.DAMAGED, null, PrintStyle.DEFAULT));
				assertThat(holding.await(2, TimeUnit.MINUTES))
					.as("round %d: the first clerk holds its transaction", round)
					.isTrue();
				Future<ReissueResult> second = pool.submit(() -> this.reissues.reissue(new Clerk("乙", channel), no,
						ReissueReason.DAMAGED, null, PrintStyle.DEFAULT));
				awaitLockWait(second, round);
				release.countDown();

				String successor = first.get(2, TimeUnit.MINUTES).newNumber();
				assertThat(successor).as("round %d: the first clerk's number is the next of the serial", round)
					.isEqualTo(CertificateNumbers.format(channel, year, serial));
				assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> second.get(2, TimeUnit.MINUTES))
					.havingCause()
					.isExactlyInstanceOf(ConflictException.class)
					.withMessage(refusalOfTheSecondClerk(no, successor));
				assertThat(nextSerial(channel, year)).as("round %d: the second clerk drew no number", round)
					.isEqualTo(serial + 1);
				assertThat(count("SELECT COUNT(*) FROM certificate")).as("round %d: one new certificate", round)
					.isEqualTo(certificatesBefore + 1);
				assertThat(this.jdbc.sql("""
						SELECT c.certificate_no FROM certificate c JOIN certificate o ON o.id = c.predecessor_id
						WHERE o.certificate_no = :no
						""").param("no", no).query(String.class).list()).containsExactly(successor);
				assertThat(this.jdbc.sql("SELECT new_certificate_no FROM reissue WHERE old_certificate_no = :no")
					.param("no", no)
					.query(String.class)
					.list()).containsExactly(successor);
				assertThat(this.jdbc.sql("SELECT clerk FROM audit_log WHERE action = 'REISSUE' AND subject = :no")
					.param("no", no)
					.query(String.class)
					.list()).containsExactly("甲");
			}
			finally {
				release.countDown();
				pool.shutdownNow();
			}
		}
	}

	/**
	 * What the second clerk hears once the first has committed: the successor's number,
	 * on H2 (read committed) and on MariaDB (repeatable read, where the lookup is a
	 * locking read).
	 */
	String refusalOfTheSecondClerk(String oldNumber, String successor) {
		return "证书 %s 已换发为 %s，不能再换发".formatted(oldNumber, successor);
	}

	/** The database's sessions, for a failure's message. */
	String sessions() {
		return this.jdbc.sql("SELECT session_id, blocker_id, executing_statement FROM information_schema.sessions")
			.query()
			.listOfRows()
			.toString();
	}

	/** How many sessions of this database wait for another's lock. */
	long sessionsWaitingForALock() {
		return count("SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL");
	}

	/**
	 * Polls until a session of this database waits for a lock, for at most a minute;
	 * fails if the call ends first.
	 */
	private void awaitLockWait(Future<?> call, int round) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		while (sessionsWaitingForALock() == 0) {
			try {
				call.get(10, TimeUnit.MILLISECONDS);
				throw new AssertionError(
						"round %d: the second clerk's reissue ended while the first held its transaction: %s"
							.formatted(round, sessions()));
			}
			catch (ExecutionException ex) {
				throw new AssertionError("round %d: the second clerk was refused without waiting for the first: %s"
					.formatted(round, sessions()), ex);
			}
			catch (TimeoutException ex) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError("round %d: the second clerk does not wait for the first's row lock: %s"
						.formatted(round, sessions()));
				}
			}
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(2, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private int nextSerial(String channel, int year) {
		return this.jdbc.sql("""
				SELECT COALESCE(MAX(next_serial), 1) FROM certificate_number_sequence
				WHERE channel_code = :channel AND issue_year = :year
				""").param("channel", channel).param("year", year).query(Integer.class).single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private Map<String, Object> certificateWithVerifiedEntries() {
		return this.jdbc.sql("""
				SELECT c.certificate_no AS no, c.channel_code AS channel, p.id_number AS id, p.name AS name
				FROM certificate c JOIN person p ON p.id = c.person_id
				WHERE c.status = 'VALID' AND EXISTS (SELECT 1 FROM registration_entry e
				                                     WHERE e.person_id = p.id AND e.status = 'VERIFIED')
				ORDER BY c.id
				""").query().listOfRows().get(0);
	}

	private List<String> verifiedProjects(String certificateNo) {
		return this.jdbc.sql("""
				SELECT DISTINCT e.project_name FROM registration_entry e JOIN certificate c ON c.person_id = e.person_id
				WHERE c.certificate_no = :no AND e.status = 'VERIFIED'
				""").param("no", certificateNo).query(String.class).list();
	}

	private String printedQr(String certificateNo) throws Exception {
		for (String line : Files.readAllLines(this.firstPrint.folder().resolve("manifest.csv"))) {
			String[] fields = line.split(",");
			if (fields[0].equals(certificateNo)) {
				return QrCodeReader.decode(this.firstPrint.folder().resolve(fields[2]), Integer.parseInt(fields[3]))
					.orElseThrow();
			}
		}
		throw new AssertionError("not printed: " + certificateNo);
	}

	/**
	 * The new booklet, once the listeners of the reissue's event have completed: it
	 * prints after the reissue commits, on another thread.
	 */
	private Booklet printed(ReissueResult result) {
		EventPublications.awaitCompletion(this.jdbcTemplate);
		return this.reissues.booklet(result.newNumber());
	}

	private List<String> actions() {
		return this.jdbc.sql("SELECT action FROM audit_log ORDER BY id").query(String.class).list();
	}

	/** The PDF's text without line breaks or spaces: table cells wrap long names. */
	private static String text(Path pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			return new PDFTextStripper().getText(document).replaceAll("\\s", "");
		}
	}

}
