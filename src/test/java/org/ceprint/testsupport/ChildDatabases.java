package org.ceprint.testsupport;

import java.nio.file.Path;
import java.util.List;

import org.springframework.core.env.Environment;

/**
 * How a test's application and the child JVMs it starts reach one database: the embedded
 * H2 file served by whichever opens it first, or the MariaDB server the test uses.
 */
public final class ChildDatabases {

	private ChildDatabases() {
	}

	/**
	 * The URL of application.yml on the H2 file in {@code dataDir}, with AUTO_SERVER so
	 * that a child JVM reaches it while the test's application holds it open, as a second
	 * terminal reaches the database of a running demo.
	 */
	public static String sharedH2Url(Path dataDir) {
		return "jdbc:h2:file:" + dataDir.resolve("ceprint")
				+ ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
				+ ";AUTO_COMPACT_FILL_RATE=0;LOCK_TIMEOUT=20000";
	}

	/**
	 * Command-line arguments that point a child JVM at the MariaDB database the test's
	 * application is connected to.
	 */
	public static List<String> mariaDbArguments(Environment environment) {
		return List.of("--spring.profiles.active=mariadb",
				"--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
				"--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
				"--ceprint.authenticity.generate-key-if-missing=true");
	}

}
