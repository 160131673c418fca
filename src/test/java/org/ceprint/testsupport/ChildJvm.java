package org.ceprint.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run as a user runs it, in a child JVM whose database and print batches
 * live in a folder of the test's, on the tests' pinned date ({@link PinnedClock}).
 */
public final class ChildJvm {

	public static final Path JAR = Path.of("target", "ceprint.jar").toAbsolutePath();

	private static final long TIME_LIMIT_MINUTES = 4;

	private ChildJvm() {
	}

	/** What a finished child printed, stdout and stderr together. */
	public record Result(int exitCode, String output) {

	}

	public static Result run(Path workDir, List<String> args) throws Exception {
		return finish(start(workDir, args), args);
	}

	/** Reads a started child's output to its end and waits for its exit. */
	public static Result finish(Process process, List<String> args) throws Exception {
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(TIME_LIMIT_MINUTES + 1, TimeUnit.MINUTES)) {
			throw new IllegalStateException("child JVM did not end: " + args);
		}
		return new Result(process.exitValue(), output);
	}

	public static Process start(Path workDir, List<String> args) throws IOException {
		return start(workDir, workDir.resolve("data"), workDir.resolve("print-batches"), args);
	}

	/**
	 * Starts the jar with its database, keys and logs in {@code dataDir} and its print
	 * batches in {@code outputDir}, e.g. those of the test's own application context.
	 */
	public static Process start(Path workDir, Path dataDir, Path outputDir, List<String> args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						// a child lives seconds, most of them starting: the C1 compiler
						// alone
						// and the serial collector halve its CPU (demo --people 30: 31.4
						// s
						// of CPU with the defaults, 16.1 s with these), which the tests
						// running beside it on two cores get back
						"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString()));
		command.addAll(args);
		command.add("--ceprint.data-dir=" + dataDir);
		command.add("--ceprint.printing.output-dir=" + outputDir);
		command.add(PinnedClock.argument());
		Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
		// a hung child would block the caller's reads for ever: kill it, and the test
		// fails on its output
		CompletableFuture.delayedExecutor(TIME_LIMIT_MINUTES, TimeUnit.MINUTES).execute(process::destroyForcibly);
		return process;
	}

}
