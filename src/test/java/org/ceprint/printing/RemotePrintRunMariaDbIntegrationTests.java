package org.ceprint.printing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ceprint.authenticity.SigningKeys;
import org.ceprint.testsupport.ChildJvm;
import org.ceprint.testsupport.ChildJvm.Result;
import org.ceprint.testsupport.MariaDbTest;
import org.ceprint.testsupport.TestFolders;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote partitioning as operators run it: a manager
 * ({@code print certificates --remote}) and worker JVMs ({@code ceprint worker}) of the
 * packaged jar, sharing a MariaDB database, the signing keys and the print-batch folder,
 * over the RabbitMQ that runs on the machine. A worker is SIGKILLed in the middle of a
 * partition; a worker hangs and its partition is reassigned by hand
 * ({@code print status}, {@code print reassign}); partitions no worker takes are given up
 * and {@code print resume --remote} finishes them. Each time the folder is audited page
 * by page ({@link RunFolderAudit}: manifest, page counts, content hashes, QR codes, no
 * {@code .part} file) and holds every certificate of the selection exactly once. Five
 * documents a file, partitions of at least 100 documents, so that cities span many chunks
 * and the largest city is cut into unit ranges.
 */
@MariaDbTest
class RemotePrintRunMariaDbIntegrationTests {

	private static final int PEOPLE = 800;

	/** Replays a failure: {@code -Dceprint.kill-seed=<seed from its message>}. */
	private static final long SEED = Long.getLong("ceprint.kill-seed", System.nanoTime());

	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private static Path work;

	private final List<Child> children = new ArrayList<>();

	private String queue;

	private long runsBefore;

	@BeforeAll
	static void registry() throws Exception {
		requireBroker();
		work = TestFolders.fresh("print-remote-mariadb");
		Files.write(Files.createDirectories(work.resolve("config")).resolve("application.properties"),
				List.of("spring.profiles.active=mariadb", "ceprint.authenticity.generate-key-if-missing=true",
						"ceprint.printing.documents-per-file=5", "ceprint.printing.remote.partition-size=100"));
		Result demo = ChildJvm.run(work,
				List.of("demo", "--people", String.valueOf(PEOPLE), "--no-serve", "--no-print", "--reset"));
		assertThat(demo.exitCode()).as(demo.output()).isZero();
	}

	@BeforeEach
	void queueOfItsOwn() throws SQLException {
		// messages left by another test (a killed worker's, a given-up partition's) stay
		// on their own queue
		this.queue = "ceprint.test." + UUID.randomUUID();
		this.runsBefore = Long.parseLong(string("SELECT COALESCE(MAX(id), 0) FROM print_run"));
	}

	@AfterEach
	void stopChildren() throws Exception {
		for (Child child : this.children) {
			child.process.destroyForcibly().waitFor();
		}
		// a run a failed test left unfinished must not hold the next test's certificates
		try (Connection connection = connect();
				PreparedStatement release = connection.prepareStatement("DELETE FROM print_claim WHERE run_id > ?")) {
			release.setLong(1, this.runsBefore);
			release.executeUpdate();
		}
		CachingConnectionFactory connectionFactory = new CachingConnectionFactory("127.0.0.1", 5672);
		try {
			new RabbitAdmin(connectionFactory).deleteQueue(this.queue);
		}
		finally {
			connectionFactory.destroy();
		}
	}

	@Test
	void aWorkerKilledInTheMiddleOfAPartitionLeavesItToTheOtherAndEveryCertificateIsPrintedOnce() throws Exception {
		Random random = new Random(SEED);
		int millisAfter = random.nextInt(200);
		String replay = "[seed %d: killed %d ms after the check; replay with -Dceprint.kill-seed=%d]".formatted(SEED,
				millisAfter, SEED);
		Child a = worker("a");
		Child b = worker("b");
		// the largest city: two unit ranges of at least 50 certificates each
		Child manager = start("manager", "print", "certificates", "--remote", "--reprint", "--city", "360100");
		long runId = awaitRun(manager);

		// a partition with two files committed and four or more to go
		Held victim = await(() -> midPartition(runId, a).or(() -> midPartition(runId, b)), manager,
				"a worker in the middle of a partition");
		// the random point inside the chunk being written, not a synchronisation
		Thread.sleep(millisAfter);
		victim.worker.process.destroyForcibly().waitFor();
		assertThat(victim.worker.process.exitValue()).as(replay).isEqualTo(137);

		Result managed = manager.finish();
		assertThat(managed.exitCode()).as("%s %s", replay, managed.output()).isZero();
		assertThat(managed.output()).contains("打印批次已完成");
		Child survivor = (victim.worker == a) ? b : a;
		// the broker gave the killed worker's request to the other worker, which resumed
		// the partition from its last committed chunk: sent once, held by the survivor
		assertThat(lease(victim.stepExecutionId)).as(replay).startsWith("1 ").contains(":" + survivor.pid() + "#");
		assertThat(stepStatus(victim.stepExecutionId)).as(replay).isEqualTo("COMPLETED");
		List<String[]> manifest = auditEveryCertificateOnce(runId, "360100", replay);
		// the city, cut into ranges of whole units, printed under names of their own
		assertThat(manifest.stream().map((line) -> line[2])).as(replay)
			.allMatch(
					(file) -> file.startsWith("certificates-360100-p1-") || file.startsWith("certificates-360100-p2-"))
			.anyMatch((file) -> file.startsWith("certificates-360100-p2-"));
	}

	@Test
	void aStuckPartitionShowsInStatusIsSentAgainOnRequestThenGivenUpAndResumeFinishesItWhileTheHungWorkerWritesNothing()
			throws Exception {
		// the only worker stops in the middle of the partition until it is no longer its
		// own; the manager waits 45 s for progress: longer than the slowest first chunk
		// (templates and fonts), and longer than the two commands below take to start and
		// answer on a loaded two-core machine, so that the reassignment asked for comes
		// before the manager's own second dispatch (with 20 s, a CI run beside the demo
		// once
		// saw the timeout first and a third dispatch)
		Child a = worker("a", "--ceprint.printing.fault.hang-worker-after-files=2");
		Child manager = start("manager", "print", "certificates", "--remote", "--reprint", "--city", "360200",
				"--ceprint.printing.remote.partition-timeout=45s", "--ceprint.printing.remote.max-dispatches=2",
				"--ceprint.printing.remote.poll-interval=200ms");
		long runId = awaitRun(manager);
		a.awaitOutput("故障注入：工作进程在第 3 个文件处停住", manager);
		Held hung = await(() -> held(runId, a), manager, "the hung worker's partition");

		Result status = ChildJvm.run(work, List.of("print", "status", String.valueOf(runId)));
		assertThat(status.exitCode()).as(status.output()).isZero();
		assertThat(status.output()).contains("360200", "进行中", ":" + a.pid() + "#");
		Result reassigned = ChildJvm.run(work, List.of("print", "reassign", String.valueOf(runId), "360200"));
		assertThat(reassigned.exitCode()).as(reassigned.output()).isZero();
		assertThat(reassigned.output()).contains("已请求改派");

		// sent again at once; no worker is free to take it (a free one would, and fence
		// the
		// hung one: the killed worker's test shows a takeover), so after its second wait
		// the
		// manager gives it up, revoking the lease
		Result managed = manager.finish();
		assertThat(managed.exitCode()).as(managed.output()).isEqualTo(1);
		assertThat(managed.output()).contains("分区 360200 按要求改派给其他工作进程", "打印批次未完成", "（360200）", "分区 360200 发送 2 次后仍无进展",
				"print resume " + runId);
		assertThat(managed.output()).doesNotContain("Exception", "at org.");
		assertThat(lease(hung.stepExecutionId)).startsWith("2 ").contains(":" + a.pid() + "#");
		// the hung worker wakes, meets the revoked lease and writes nothing more
		a.awaitOutput("已由其他工作进程接手或已被管理进程收回", manager);

		// resumed: only the partition that did not complete, from its last committed
		// chunk, by the same worker, free again
		Result resumed = ChildJvm.run(work, List.of("print", "resume", String.valueOf(runId), "--remote",
				"--ceprint.printing.remote.queue=" + this.queue));
		assertThat(resumed.exitCode()).as(resumed.output()).isZero();
		assertThat(resumed.output()).contains("打印批次已完成");
		auditEveryCertificateOnce(runId, "360200", "[stuck, reassigned, given up, resumed]");
	}

	/**
	 * Audits the run's folder: every valid certificate (of the city, if given) exactly
	 * once, nothing left claimed.
	 */
	private List<String[]> auditEveryCertificateOnce(long runId, String city, String context) throws Exception {
		Path folder = work.resolve("print-batches").resolve(string("SELECT folder FROM print_run WHERE id = ?", runId));
		List<String[]> manifest = RunFolderAudit.of(folder, context)
			.readingQrCodes(SigningKeys.forVerifying(work.resolve("data").resolve("keys"), Set.of()), false)
			.complete();
		List<String> certificates = strings("SELECT certificate_no FROM certificate WHERE status = 'VALID'"
				+ ((city != null) ? " AND channel_code = '" + city + "'" : ""));
		assertThat(certificates).as(context).hasSizeGreaterThan(20);
		assertThat(PrintRunContract.numbersOf(manifest, "CERTIFICATE")).as("%s certificates", context)
			.containsExactlyInAnyOrderElementsOf(certificates);
		assertThat(strings("SELECT document_key FROM print_claim WHERE run_id = " + runId))
			.as("%s claims left", context)
			.isEmpty();
		return manifest;
	}

	/**
	 * The partition the worker holds, once it has committed two files and has at least
	 * four to go, so that the kill lands inside it: a range holds at least 50
	 * certificates (a range closes at the partition size, 100, and a remainder under half
	 * of it joins the last).
	 */
	private Optional<Held> midPartition(long runId, Child worker) {
		return query("""
				SELECT l.step_execution_id FROM print_partition_lease l
				JOIN BATCH_STEP_EXECUTION s ON s.STEP_EXECUTION_ID = l.step_execution_id
				WHERE l.run_id = ? AND l.holder LIKE ? AND s.STATUS = 'STARTED' AND l.partition_name LIKE '%-p%'
				AND s.WRITE_COUNT BETWEEN 10 AND 30
				""", runId, "%:" + worker.pid() + "#%").map((id) -> new Held(worker, id));
	}

	/** The partition the worker holds. */
	private Optional<Held> held(long runId, Child worker) {
		return query("""
				SELECT l.step_execution_id FROM print_partition_lease l
				JOIN BATCH_STEP_EXECUTION s ON s.STEP_EXECUTION_ID = l.step_execution_id
				WHERE l.run_id = ? AND l.holder LIKE ? AND s.STATUS = 'STARTED'
				""", runId, "%:" + worker.pid() + "#%").map((id) -> new Held(worker, id));
	}

	/** "dispatch holder" of a partition's lease. */
	private String lease(long stepExecutionId) throws SQLException {
		return string("SELECT CONCAT(dispatch, ' ', holder) FROM print_partition_lease WHERE step_execution_id = ?",
				stepExecutionId);
	}

	private String stepStatus(long stepExecutionId) throws SQLException {
		return string("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?", stepExecutionId);
	}

	private long awaitRun(Child manager) throws Exception {
		return await(() -> query("SELECT MAX(id) FROM print_run WHERE id > ?", this.runsBefore), manager,
				"the manager's run");
	}

	/**
	 * Waits until the condition holds, failing with the manager's output when it ends or
	 * the patience runs out.
	 */
	private <T> T await(Supplier<Optional<T>> condition, Child manager, String what) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<T> value = condition.get();
			if (value.isPresent()) {
				return value.get();
			}
			if (!manager.process.isAlive()) {
				return Assertions.fail("the manager ended before " + what + ": " + manager.output);
			}
			Thread.sleep(20);
		}
		return Assertions.fail("no " + what + " within " + PATIENCE + ": " + manager.output);
	}

	private Child worker(String name, String... settings) throws IOException {
		List<String> args = new ArrayList<>(List.of("worker", "--concurrency", "1"));
		args.addAll(List.of(settings));
		return start(name, args.toArray(String[]::new));
	}

	private Child start(String name, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(args));
		command.add("--ceprint.printing.remote.queue=" + this.queue);
		command.add("--logging.file.name=" + work.resolve("logs").resolve(name + ".log"));
		Child child = new Child(ChildJvm.start(work, command));
		this.children.add(child);
		return child;
	}

	private static void requireBroker() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 5672), 2000);
		}
		catch (IOException ex) {
			String message = "RabbitMQ does not answer on 127.0.0.1:5672 (.ci/run starts it: rabbitmq-server -detached)";
			if ("true".equals(System.getenv("CI"))) {
				Assertions.fail(message);
			}
			Assumptions.abort(message);
		}
	}

	private static Connection connect() throws SQLException {
		return DriverManager.getConnection(env("CEPRINT_DB_URL", "jdbc:mariadb://127.0.0.1:3306/test"),
				env("CEPRINT_DB_USER", "root"), env("CEPRINT_DB_PASSWORD", ""));
	}

	private static String env(String name, String otherwise) {
		String value = System.getenv(name);
		return (value != null && !value.isEmpty()) ? value : otherwise;
	}

	private static Optional<Long> query(String sql, Object... parameters) {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				if (rows.next()) {
					long value = rows.getLong(1);
					return rows.wasNull() ? Optional.empty() : Optional.of(value);
				}
				return Optional.empty();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String string(String sql, Object... parameters) throws SQLException {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
	}

	private static List<String> strings(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = connect();
				PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	/** A partition a worker holds. */
	private record Held(Child worker, long stepExecutionId) {

	}

	/** A child JVM whose output is read as it comes. */
	private static final class Child {

		private final Process process;

		private final StringBuffer output = new StringBuffer();

		private final Thread reader;

		Child(Process process) {
			this.process = process;
			this.reader = new Thread(() -> {
				try (BufferedReader lines = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					for (String line = lines.readLine(); line != null; line = lines.readLine()) {
						this.output.append(line).append('\n');
					}
				}
				catch (IOException ex) {
					// the child was killed
				}
			});
			this.reader.setDaemon(true);
			this.reader.start();
		}

		long pid() {
			return this.process.pid();
		}

		/** Waits for the child's end and all its output. */
		Result finish() throws InterruptedException {
			int code = this.process.waitFor();
			this.reader.join();
			return new Result(code, this.output.toString());
		}

		void awaitOutput(String text, Child manager) throws InterruptedException {
			long deadline = System.nanoTime() + PATIENCE.toNanos();
			while (this.output.indexOf(text) < 0) {
				if (System.nanoTime() > deadline || !this.process.isAlive()) {
					Assertions
						.fail("no «%s» from the child: %s\nmanager: %s".formatted(text, this.output, manager.output));
				}
				Thread.sleep(20);
			}
		}

	}

}
