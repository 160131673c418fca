package org.ceprint.submission;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.accounts.OfficeUsers;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.printing.PrintJob;
import org.ceprint.printing.PrintRequest;
import org.ceprint.printing.PrintRuns;
import org.ceprint.printing.internal.PrintingProperties;
import org.ceprint.submission.internal.Decision;
import org.ceprint.submission.internal.RejectionReason;
import org.ceprint.submission.internal.SubmissionStatus;
import org.ceprint.testsupport.ChildJvm;
import org.ceprint.testsupport.EventPublications;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once across a SIGKILL between a batch's closing and its papers: the office
 * closes a received batch through the API of a served child JVM, which halts as a kill
 * would (the test-only {@code ceprint.submission.fault.halt-after-papers}) right after
 * the closing's commit, or after two of its four papers; a second child started as an
 * operator would ({@code serve}) is handed the incomplete event again and prints the
 * papers. Afterwards each paper exists once: one print run each, recorded for the batch,
 * complete with its marker, one file, no document in two runs, the papers printed before
 * the kill byte for byte unchanged, and every event publication completed. The batch is
 * prepared by this test's application, whose database the children share. Runs on H2 (the
 * children reach the test's file database through AUTO_SERVER) and on MariaDB.
 */
@SpringBootTest
abstract class SubmissionPapersKillContract {

	private static final String CLERK = "hrss-kill";

	private static final String PASSWORD = "test-hrss-kill-password";

	private static final Duration LIMIT = Duration.ofMinutes(4);

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	PrintRuns printRuns;

	@Autowired
	Submissions submissions;

	@Autowired
	OfficeUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	PrintingProperties printing;

	/**
	 * The test's data folder (keys, and for H2 the database), shared with the children.
	 */
	abstract Path dataDir();

	/** What a child JVM needs on its command line to reach the test's database. */
	abstract List<String> databaseArguments();

	/**
	 * Closes a received batch in a serving child that halts once {@code papersBeforeKill}
	 * papers are printed (0: right after the closing's commit), starts {@code serve}
	 * again and checks that every paper ends up printed exactly once. Run on H2 only,
	 * halted after two of the four papers: each crash point costs a minute of child JVMs,
	 * and CI has to stay under twenty (a MariaDB variant passed, and can come back beside
	 * a faster suite).
	 */
	void closeKillAndRestart(int papersBeforeKill) throws Exception {
		long id = receivedAndDecided();
		long runsBefore = count("SELECT COUNT(*) FROM print_run");
		int port = freePort();

		Process halting = serve(port, "--ceprint.submission.fault.halt-after-papers=" + papersBeforeKill);
		CompletableFuture<String> haltingOutput = outputOf(halting);
		awaitServing(port, halting, haltingOutput);
		closeOverTheApi(port, id);
		assertThat(halting.waitFor(LIMIT.toMinutes(), TimeUnit.MINUTES)).as("the child halted").isTrue();
		assertThat(halting.exitValue()).as(haltingOutput.get()).isEqualTo(137);

		assertThat(this.jdbc.sql("SELECT status FROM submission WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).as("the closing was committed before the halt").isEqualTo(SubmissionStatus.CLOSED.name());
		assertThat(EventPublications.incomplete(this.jdbcTemplate)).as("the closing's event awaits its listener")
			.isEqualTo(1);
		Map<String, Long> before = outputs(id);
		assertThat(before).as("papers printed before the halt").hasSize(papersBeforeKill);
		Map<String, String> printedBefore = new TreeMap<>();
		before.forEach((kind, run) -> printedBefore.put(kind, sha256(onlyFile(run))));

		Process restarted = serve(port);
		CompletableFuture<String> restartedOutput = outputOf(restarted);
		try {
			awaitPapers(restarted, restartedOutput);
		}
		finally {
			restarted.destroy();
			restarted.waitFor(LIMIT.toMinutes(), TimeUnit.MINUTES);
		}

		Map<String, Long> after = outputs(id);
		assertThat(after.keySet()).as(restartedOutput.get())
			.containsExactlyInAnyOrder("SUMMARY_TABLE", "RETURN_SLIP", "SEAL_OVERLAYS", "REGISTER_CARDS");
		assertThat(count("SELECT COUNT(*) FROM print_run")).as("one run per paper, none made twice")
			.isEqualTo(runsBefore + 4);
		before.forEach((kind, run) -> assertThat(after.get(kind)).as("%s kept its run", kind).isEqualTo(run));
		for (long run : after.values()) {
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM print_run WHERE id = :id AND completed_at IS NOT NULL")
				.param("id", run)
				.query(Long.class)
				.single()).as("run %d completed", run).isOne();
			assertThat(folder(run).resolve("_COMPLETE")).exists();
			assertThat(folder(run)).isDirectoryNotContaining("glob:**.part");
		}
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM print_document WHERE run_id > :before
				GROUP BY document_kind, document_no HAVING COUNT(*) > 1
				""").param("before", maxRunBefore(after)).query(Long.class).list())
			.as("no document printed in two runs since the closing")
			.isEmpty();
		printedBefore.forEach((kind, hash) -> assertThat(sha256(onlyFile(after.get(kind))))
			.as("%s, printed before the kill, unchanged", kind)
			.isEqualTo(hash));
		String batchNo = this.jdbc.sql("SELECT batch_no FROM submission WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		try (PDDocument table = Loader.loadPDF(onlyFile(after.get("SUMMARY_TABLE")).toFile())) {
			assertThat(new PDFTextStripper().getText(table)).contains("第一联", "第二联", "第三联", batchNo, "经验证，本批登记 3 条：");
		}
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM registration_entry e JOIN submission_entry se ON se.entry_id = e.id
				WHERE se.submission_id = :id AND se.decision = :verified AND e.sealed_at IS NOT NULL
				""").param("id", id).param("verified", Decision.VERIFIED.name()).query(Long.class).single())
			.as("the overlay run sealed both verified entries")
			.isEqualTo(2);
		assertThat(EventPublications.incomplete(this.jdbcTemplate)).isZero();
	}

	/**
	 * A unit's batch of three entries of one holder, received, two verified and one
	 * rejected: all four papers print at closing.
	 */
	private long receivedAndDecided() throws Exception {
		// an event left incomplete by an earlier case that failed would be resubmitted
		// when
		// this case's halting child starts, and halt it before it serves
		this.jdbc.sql("DELETE FROM EVENT_PUBLICATION WHERE completion_date IS NULL").update();
		this.generator.clearRegistry();
		this.jdbc.sql("DELETE FROM office_user WHERE username LIKE 'hrss-%' OR username LIKE 'kill-%'").update();
		this.generator.generate(33, 120, LocalDate.of(2026, 6, 30));
		// the booklets exist before anything is verified: new seals need overlay pages
		this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES));
		Map<String, Object> unit = this.jdbc.sql("""
				SELECT o.id, o.channel_code AS channel, o.department_id FROM organisation o
				JOIN registration_entry e ON e.registered_by_id = o.id
				WHERE o.kind = :kind AND e.status = :pending
				GROUP BY o.id, o.channel_code, o.department_id HAVING COUNT(*) >= 3 ORDER BY COUNT(*) DESC, o.id
				""").param("kind", "UNIT").param("pending", "PENDING").query().listOfRows().get(0);
		long unitId = ((Number) unit.get("id")).longValue();
		String channel = (String) unit.get("channel");
		List<Long> entries = this.jdbc.sql("""
				SELECT e.id FROM registration_entry e WHERE e.registered_by_id = :unit AND e.status = :pending
				ORDER BY e.person_id, e.start_date, e.id
				""").param("unit", unitId).param("pending", "PENDING").query(Long.class).list().subList(0, 3);
		OfficeUser registrar = account("kill-registrar", OfficeRole.UNIT_REGISTRAR, channel, unitId, null);
		OfficeUser reviewer = account("kill-reviewer", OfficeRole.DEPT_REVIEWER, channel, null,
				((Number) unit.get("department_id")).longValue());
		OfficeUser clerk = account(CLERK, OfficeRole.CLERK, channel, null, null);
		long id = this.submissions.draft(registrar, entries).id();
		this.submissions.submit(registrar, id, null);
		this.submissions.review(reviewer, id, true, null);
		this.submissions.receive(clerk, id);
		this.submissions.decide(clerk, id, entries.get(0), Decision.VERIFIED, null, null);
		this.submissions.decide(clerk, id, entries.get(1), Decision.VERIFIED, null, null);
		this.submissions.decide(clerk, id, entries.get(2), Decision.REJECTED, RejectionReason.MISSING_EVIDENCE, null);
		return id;
	}

	private OfficeUser account(String username, OfficeRole role, String channel, Long organisationId,
			Long departmentId) {
		this.users.create(username, (username.equals(CLERK)) ? PASSWORD : "test-" + username, username, role, channel,
				organisationId, departmentId);
		return this.users.loadUserByUsername(username);
	}

	private Process serve(int port, String... extra) throws IOException {
		List<String> args = new ArrayList<>(List.of("serve", "--server.port=" + port));
		args.addAll(databaseArguments());
		args.addAll(List.of(extra));
		Path output = this.printing.outputDir().toAbsolutePath();
		return ChildJvm.start(output.getParent(), dataDir(), output, args);
	}

	/**
	 * Closes the batch as the office's platform would. The child may halt before it
	 * answers (the listener starts once the closing commits), so no answer is fine; an
	 * answer must be the closed batch.
	 */
	private static void closeOverTheApi(int port, long id) throws InterruptedException {
		String credentials = Base64.getEncoder()
			.encodeToString((CLERK + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest close = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:%d/api/v1/submissions/%d/close".formatted(port, id)))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.timeout(Duration.ofMinutes(2))
			.build();
		try {
			HttpResponse<String> answer = HttpClient.newHttpClient().send(close, HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			assertThat(answer.body()).contains("\"status\":\"CLOSED\"");
		}
		catch (IOException halted) {
			// the connection went down with the process
		}
	}

	private static void awaitServing(int port, Process child, CompletableFuture<String> output) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + LIMIT.toNanos();
		while (true) {
			assertThat(child.isAlive()).as("the child serves: %s", output.getNow("")).isTrue();
			assertThat(System.nanoTime()).as("the child serves within %s", LIMIT).isLessThan(deadline);
			try {
				HttpResponse<String> health = client
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:%d/actuator/health".formatted(port)))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (ConnectException notYet) {
				// still starting
			}
			Thread.sleep(200);
		}
	}

	/** Waits, polling the publication registry, until the restarted child has printed. */
	private void awaitPapers(Process child, CompletableFuture<String> output) throws Exception {
		long deadline = System.nanoTime() + LIMIT.toNanos();
		while (EventPublications.incomplete(this.jdbcTemplate) > 0) {
			assertThat(child.isAlive()).as("the restarted child runs: %s", output.getNow("")).isTrue();
			assertThat(this.jdbcTemplate
				.queryForList("SELECT event_type FROM EVENT_PUBLICATION WHERE status = 'FAILED'", String.class))
				.as("failed listeners")
				.isEmpty();
			assertThat(System.nanoTime()).as("papers printed within %s", LIMIT).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	private Map<String, Long> outputs(long id) {
		Map<String, Long> outputs = new TreeMap<>();
		this.jdbc.sql("SELECT output_kind, run_id FROM submission_output WHERE submission_id = :id")
			.param("id", id)
			.query((rs, row) -> outputs.put(rs.getString(1), rs.getLong(2)))
			.list();
		return outputs;
	}

	private static long maxRunBefore(Map<String, Long> runs) {
		return runs.values().stream().mapToLong(Long::longValue).min().orElseThrow() - 1;
	}

	private Path folder(long run) {
		return this.printing.outputDir()
			.resolve(this.jdbc.sql("SELECT folder FROM print_run WHERE id = :id")
				.param("id", run)
				.query(String.class)
				.single());
	}

	private Path onlyFile(long run) {
		List<Path> files = this.printRuns.documentFiles(run);
		assertThat(files).as("files of run %d", run).hasSize(1);
		assertThat(files.get(0)).exists();
		return files.get(0);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Reads a child's output while it runs, so that a full pipe never stops it. */
	private static CompletableFuture<String> outputOf(Process child) {
		return CompletableFuture.supplyAsync(() -> {
			try (InputStream in = child.getInputStream()) {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				in.transferTo(bytes);
				return bytes.toString(StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static String sha256(Path file) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

}
