package org.ceprint.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Folders under target/ that no other test, test JVM or earlier build shares: a run
 * folder or database left by another test can never be mistaken for this one's.
 */
public final class TestFolders {

	private TestFolders() {
	}

	public static Path fresh(String prefix) {
		try {
			Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
			return Files.createTempDirectory(target, prefix + "-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
