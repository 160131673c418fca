package org.ceprint.printing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.ceprint.authenticity.SigningKeys;
import org.ceprint.printing.internal.RunFolderFinisher;
import org.ceprint.testsupport.ChildJvm.Result;
import org.ceprint.testsupport.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceprint.testsupport.MariaDbTest.DATABASE_AGNOSTIC;

/**
 * Exactly once under SIGKILL, in the normal mode: the README's main command
 * ({@code demo}, a first printing whose selection of certificates shrinks as chunks
 * commit) is killed by the operating system, once at a random point of its print run and
 * once while the finishing step writes the manifest, and resumed as the README tells the
 * operator ({@code print resume}, which refuses a run that made progress within the last
 * minute, then {@code print resume --force}). The folder is then audited page by page
 * ({@link RunFolderAudit}: page counts against the manifest, the number in each booklet's
 * QR code), every certificate and register card is in it exactly once, and the files
 * committed before the kill are byte for byte what they were. Two documents a file, so
 * that cities span several chunks; the settings are in {@code ./config/}, where an
 * operator's are, so the commands are typed exactly as the README writes them. Runs on H2
 * (the killed process owns the database file, as the demo does) and on MariaDB.
 */
abstract class PrintRunKillContract {

	private static final int PEOPLE = 36;

	private static final int PER_FILE = 2;

	/** Replays a failure: {@code -Dceprint.kill-seed=<seed from its message>}. */
	private static final long SEED = Long.getLong("ceprint.kill-seed", System.nanoTime());

	private static final List<String> DEMO = List.of("demo", "--people", String.valueOf(PEOPLE), "--no-serve",
			"--reset");

	/**
	 * A work folder of the test's own, with the child JVMs' database and print batches.
	 */
	abstract Path workFolder();

	/** Lines of {@code ./config/application.properties} the database needs, if any. */
	abstract List<String> databaseSettings();

	/** A connection to the children's database, opened while no child runs. */
	abstract Connection connect(Path dataDir) throws SQLException;

	/**
	 * Whether a commit the database acknowledged survives the process's death: MariaDB's
	 * InnoDB writes it to its redo log before answering; the embedded H2 may lose the
	 * last half second (README, "Embedded database").
	 */
	abstract boolean commitsSurviveACrash();

	@Test
	void theDemoKilledAtARandomPointAndResumedAsTheReadmeSaysPrintsEveryDocumentExactlyOnce() throws Exception {
		Random random = new Random(SEED);
		// the two largest cities span five files each, every other city one or two: the
		// kill comes after the third or fourth file of one of the two
		int filesBeforeKill = 3 + random.nextInt(2);
		int millisAfter = random.nextInt(200);
		String replay = "[seed %d: killed %d ms after a city committed its file %d; replay with -Dceprint.kill-seed=%d]"
			.formatted(SEED, millisAfter, filesBeforeKill, SEED);
		Path work = configuredWorkFolder();

		Process demo = ChildJvm.start(work, DEMO);
		CompletableFuture<String> output = outputOf(demo);
		Path folder = awaitCommittedFiles(work, filesBeforeKill, demo, output, replay);
		// the random point inside the chunks being written, not a synchronisation
		Thread.sleep(millisAfter);
		demo.destroyForcibly().waitFor();
		assertThat(demo.exitValue()).as("%s killed by SIGKILL: %s", replay, output.get()).isEqualTo(137);
		assertThat(folder.resolve(RunFolderFinisher.COMPLETE_MARKER)).as("%s killed before the run ended", replay)
			.doesNotExist();
		Map<String, String> committed = committedFiles(work, folder);

		// the killed run made progress a moment ago: without --force it might still be
		// running, unless a loaded machine took more than the minute to get here
		Result resumed = ChildJvm.run(work, List.of("print", "resume"));
		if (resumed.exitCode() == 2) {
			assertThat(resumed.output()).as(replay).contains("可能仍在运行", "--force");
			resumed = ChildJvm.run(work, List.of("print", "resume", "--force"));
		}
		assertThat(resumed.exitCode()).as("%s %s", replay, resumed.output()).isZero();
		assertThat(resumed.output()).as(replay).contains("打印批次已完成");

		List<String[]> manifest = auditEveryDocumentOnce(work, folder, replay);
		assertThat(committed.size()).as("%s files committed before the kill, of %d", replay, documentFiles(manifest))
			.isLessThan(documentFiles(manifest));
		assertUnchanged(folder, committed, replay);
	}

	@Test
	@Tag(DATABASE_AGNOSTIC)
	void theDemoKilledWhileItWritesTheManifestIsCompletedByResume() throws Exception {
		Path work = configuredWorkFolder();
		List<String> haltingDemo = new ArrayList<>(DEMO);
		haltingDemo.add("--ceprint.printing.fault.halt-during-finish=true");

		Result halted = ChildJvm.run(work, haltingDemo);
		assertThat(halted.exitCode()).as(halted.output()).isEqualTo(137);
		Path folder = runFolder(work);
		assertThat(folder.resolve(RunFolderFinisher.MANIFEST + ".part")).as("halted in the finishing step").exists();
		assertThat(folder.resolve(RunFolderFinisher.MANIFEST)).doesNotExist();
		assertThat(folder.resolve(RunFolderFinisher.COMPLETE_MARKER)).doesNotExist();
		Map<String, String> committed = committedFiles(work, folder);

		Result resumed = ChildJvm.run(work, List.of("print", "resume", "--force"));
		assertThat(resumed.exitCode()).as(resumed.output()).isZero();
		assertThat(resumed.output()).contains("打印批次已完成");

		List<String[]> manifest = auditEveryDocumentOnce(work, folder, "[killed in the finishing step]");
		if (commitsSurviveACrash()) {
			assertThat(committed).as("every document file was committed before the finishing step")
				.hasSize(documentFiles(manifest));
		}
		else {
			// H2 writes commits to its file up to half a second late (its write delay): a
			// crash may lose the last chunks' commits, which the resumption prints again
			assertThat(committed).as("document files committed before the finishing step").isNotEmpty();
		}
		assertUnchanged(folder, committed, "[killed in the finishing step]");
	}

	private Path configuredWorkFolder() throws IOException {
		Path work = workFolder();
		List<String> settings = new ArrayList<>(List.of("ceprint.printing.documents-per-file=" + PER_FILE));
		settings.addAll(databaseSettings());
		Files.write(Files.createDirectories(work.resolve("config")).resolve("application.properties"), settings);
		return work;
	}

	/**
	 * Audits the folder and checks it against the registry: every certificate and every
	 * person's register card once, nothing left claimed or unprinted, and cities that
	 * spanned several chunks.
	 */
	private List<String[]> auditEveryDocumentOnce(Path work, Path folder, String context) throws Exception {
		List<String[]> manifest = RunFolderAudit.of(folder, context)
			.readingQrCodes(SigningKeys.forVerifying(work.resolve("data").resolve("keys"), Set.of()), true)
			.complete();
		List<String> certificates = strings(work, "SELECT certificate_no FROM certificate WHERE status = 'VALID'");
		assertThat(certificates).as(context).hasSize(PEOPLE);
		assertThat(PrintRunContract.numbersOf(manifest, "CERTIFICATE")).as("%s certificates", context)
			.containsExactlyInAnyOrderElementsOf(certificates);
		assertThat(PrintRunContract.numbersOf(manifest, "REGISTER_CARD")).as("%s register cards", context)
			.containsExactlyInAnyOrderElementsOf(certificates);
		assertThat(strings(work, "SELECT certificate_no FROM certificate WHERE printed_at IS NULL")).as(context)
			.isEmpty();
		assertThat(strings(work, "SELECT document_key FROM print_claim")).as("%s claims left", context).isEmpty();
		Map<String, Long> filesByCity = manifest.stream()
			.filter((line) -> line[1].equals("CERTIFICATE"))
			.map((line) -> line[2])
			.distinct()
			.collect(Collectors.groupingBy((file) -> file.substring(0, "certificates-360100".length()), TreeMap::new,
					Collectors.counting()));
		assertThat(filesByCity.values()).as("%s certificate files by city: %s", context, filesByCity)
			.filteredOn((files) -> files >= 3)
			.hasSizeGreaterThanOrEqualTo(2);
		return manifest;
	}

	/**
	 * The files whose chunks the database holds as committed, with their SHA-256 now. A
	 * file renamed by a chunk that the kill stopped before its commit is not among them:
	 * the resumed run writes it again.
	 */
	private Map<String, String> committedFiles(Path work, Path folder) throws Exception {
		Map<String, String> hashes = new TreeMap<>();
		try (Connection connection = connect(work.resolve("data"));
				PreparedStatement files = connection.prepareStatement("""
						SELECT DISTINCT d.file_name FROM print_document d JOIN print_run r ON r.id = d.run_id
						WHERE r.folder = ?
						""")) {
			files.setString(1, folder.getFileName().toString());
			try (ResultSet rows = files.executeQuery()) {
				while (rows.next()) {
					hashes.put(rows.getString(1), sha256(folder.resolve(rows.getString(1))));
				}
			}
		}
		return hashes;
	}

	private static void assertUnchanged(Path folder, Map<String, String> committed, String context) throws Exception {
		for (Map.Entry<String, String> file : committed.entrySet()) {
			assertThat(sha256(folder.resolve(file.getKey())))
				.as("%s SHA-256 of %s, finished before the kill", context, file.getKey())
				.isEqualTo(file.getValue());
		}
	}

	private static int documentFiles(List<String[]> manifest) {
		return (int) manifest.stream().map((line) -> line[2]).distinct().count();
	}

	private List<String> strings(Path work, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = connect(work.resolve("data"));
				ResultSet rows = connection.createStatement().executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	/**
	 * Waits, polling, until the run's folder exists and the database holds {@code count}
	 * document files of one city and kind as committed. The child has the database open
	 * by then (it records the run before it makes the folder), so on H2 this test reaches
	 * the file through the child's server and the kill stops the engine that owns the
	 * file.
	 */
	private Path awaitCommittedFiles(Path work, int count, Process child, CompletableFuture<String> output,
			String context) throws Exception {
		long deadline = System.nanoTime() + 180_000_000_000L;
		Path folder = null;
		while (folder == null) {
			assertAlive(child, deadline, output, context);
			if (Files.isDirectory(work.resolve("print-batches"))) {
				try (Stream<Path> folders = Files.list(work.resolve("print-batches"))) {
					folder = folders.findFirst().orElse(null);
				}
			}
			Thread.sleep(10);
		}
		try (Connection connection = connect(work.resolve("data"));
				PreparedStatement committed = connection.prepareStatement("""
						SELECT DISTINCT d.file_name FROM print_document d JOIN print_run r ON r.id = d.run_id
						WHERE r.folder = ?
						""")) {
			committed.setString(1, folder.getFileName().toString());
			while (true) {
				assertAlive(child, deadline, output, context);
				Map<String, Integer> byPartition = new TreeMap<>();
				try (ResultSet rows = committed.executeQuery()) {
					while (rows.next()) {
						byPartition.merge(rows.getString(1).replaceFirst("-\\d{4}\\.pdf$", ""), 1, Integer::sum);
					}
				}
				if (byPartition.values().stream().anyMatch((files) -> files >= count)) {
					return folder;
				}
				Thread.sleep(10);
			}
		}
	}

	private static void assertAlive(Process child, long deadline, CompletableFuture<String> output, String context)
			throws Exception {
		if (!child.isAlive()) {
			throw new AssertionError("%s the demo ended before the kill: %s".formatted(context, output.get()));
		}
		if (System.nanoTime() > deadline) {
			child.destroyForcibly();
			throw new AssertionError("%s the demo committed too few files in three minutes".formatted(context));
		}
	}

	private static Path runFolder(Path work) throws IOException {
		try (Stream<Path> folders = Files.list(work.resolve("print-batches"))) {
			List<Path> all = folders.toList();
			assertThat(all).hasSize(1);
			return all.get(0);
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

	private static String sha256(Path file) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

}
