package org.ceprint.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Properties;

/**
 * The instant the tests' clock starts at ({@code ceprint.clock.start} in the tests'
 * application.properties): what the application, and every child JVM, takes for now, and
 * what a test computes its expected dates from.
 */
public final class PinnedClock {

	public static final String PROPERTY = "ceprint.clock.start";

	public static final OffsetDateTime START = OffsetDateTime.parse(testProperty(PROPERTY));

	private PinnedClock() {
	}

	/** The command-line argument that pins a child JVM's clock to the same instant. */
	public static String argument() {
		return "--" + PROPERTY + "=" + START;
	}

	private static String testProperty(String name) {
		try (InputStream in = PinnedClock.class.getResourceAsStream("/application.properties")) {
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty(name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
