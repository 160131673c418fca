package org.ceprint.printing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.ceprint.testsupport.ChildJvm;
import org.ceprint.testsupport.ChildJvm.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once under SIGKILL: a print run killed in the middle by the operating system,
 * then resumed, holds every selected certificate exactly once, no partial file, and pages
 * that hash as the manifest says.
 */
class PrintRunKillIntegrationTests {

	private static final int PEOPLE = 300;

	private static final int PER_FILE = 10;

	@TempDir
	Path workDir;

	@Test
	void aRunKilledMidwayAndResumedPrintsEveryCertificateExactlyOnce() throws Exception {
		Result demo = ChildJvm.run(this.workDir, List.of("demo", "--people", String.valueOf(PEOPLE), "--no-serve"));
		assertThat(demo.exitCode()).as(demo.output()).isZero();

		Process run = ChildJvm.start(this.workDir,
				List.of("print", "certificates", "--reprint", "--ceprint.printing.documents-per-file=" + PER_FILE));
		Path folder = awaitCertificateFiles(3);
		run.destroyForcibly().waitFor();
		assertThat(run.exitValue()).as("killed by SIGKILL").isEqualTo(137);
		assertThat(folder.resolve("_COMPLETE")).as("the run was killed before it ended").doesNotExist();
		int filesAtKill = certificateFiles(folder).size();

		// the killed run made progress a moment ago: without --force it might still be
		// running
		Result careful = ChildJvm.run(this.workDir, List.of("print", "resume"));
		assertThat(careful.exitCode()).as(careful.output()).isEqualTo(2);
		assertThat(careful.output()).contains("可能仍在运行", "--force");

		Result resumed = ChildJvm.run(this.workDir,
				List.of("print", "resume", "--force", "--ceprint.printing.documents-per-file=" + PER_FILE));
		assertThat(resumed.exitCode()).as(resumed.output()).isZero();
		assertThat(resumed.output()).contains("打印批次已完成");

		assertThat(folder.resolve("_COMPLETE")).exists();
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.map(Path::toString)).noneMatch((name) -> name.endsWith(".part"));
		}
		List<String[]> manifest = PrintRunContract.manifest(folder);
		List<String> numbers = PrintRunContract.numbersOf(manifest, "CERTIFICATE");
		assertThat(numbers).hasSize(PEOPLE).doesNotHaveDuplicates();
		assertThat(new HashSet<>(numbers)).isEqualTo(validCertificates());
		// every file holds documents of the manifest, and the kill left files still to
		// write
		Set<String> filesInManifest = new HashSet<>(manifest.stream().map((line) -> line[2]).toList());
		assertThat(certificateFiles(folder)).map((file) -> file.getFileName().toString())
			.containsExactlyInAnyOrderElementsOf(filesInManifest);
		assertThat(filesAtKill).isLessThan(filesInManifest.size());
		for (String[] line : manifest) {
			assertThat(PrintRunContract.pageContentHash(folder.resolve(line[2]), Integer.parseInt(line[3]),
					Integer.parseInt(line[4])))
				.as("hash of %s", line[0])
				.isEqualTo(line[5]);
		}
	}

	private Set<String> validCertificates() throws Exception {
		String url = "jdbc:h2:file:" + this.workDir.resolve("data").resolve("ceprint")
				+ ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";
		Set<String> numbers = new HashSet<>();
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				ResultSet rows = connection.createStatement()
					.executeQuery("SELECT certificate_no FROM certificate WHERE status = 'VALID'")) {
			while (rows.next()) {
				numbers.add(rows.getString(1));
			}
		}
		return numbers;
	}

	/**
	 * Waits until the second run's folder has {@code count} finished certificate files.
	 */
	private Path awaitCertificateFiles(int count) throws Exception {
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (System.nanoTime() < deadline) {
			try (Stream<Path> folders = Files.list(this.workDir.resolve("print-batches"))) {
				for (Path folder : folders.filter((path) -> path.getFileName().toString().contains("-certificates-"))
					.toList()) {
					if (certificateFiles(folder).size() >= count) {
						return folder;
					}
				}
			}
			Thread.sleep(20);
		}
		throw new AssertionError("the print run wrote no certificate files in two minutes");
	}

	private static List<Path> certificateFiles(Path folder) throws Exception {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> file.getFileName().toString().matches("certificates-(\\d{6}-)?\\d{4}\\.pdf"))
				.toList();
		}
	}

}
