package org.ceprint.printing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.ceprint.testsupport.MariaDbTest;
import org.ceprint.testsupport.TestFolders;

/**
 * {@link PrintRunKillContract} on a real MariaDB server: the children use the
 * {@code mariadb} profile, which reads the server's URL and account from
 * {@code CEPRINT_DB_URL}, {@code CEPRINT_DB_USER} and {@code CEPRINT_DB_PASSWORD}, as the
 * test does.
 */
@MariaDbTest
class PrintRunKillMariaDbIntegrationTests extends PrintRunKillContract {

	@Override
	Path workFolder() {
		return TestFolders.fresh("print-kill-mariadb");
	}

	@Override
	List<String> databaseSettings() {
		return List.of("spring.profiles.active=mariadb", "ceprint.authenticity.generate-key-if-missing=true");
	}

	@Override
	Connection connect(Path dataDir) throws SQLException {
		return DriverManager.getConnection(env("CEPRINT_DB_URL", "jdbc:mariadb://127.0.0.1:3306/test"),
				env("CEPRINT_DB_USER", "root"), env("CEPRINT_DB_PASSWORD", ""));
	}

	private static String env(String name, String otherwise) {
		String value = System.getenv(name);
		return (value != null && !value.isEmpty()) ? value : otherwise;
	}

	@Override
	boolean commitsSurviveACrash() {
		return true;
	}

}
