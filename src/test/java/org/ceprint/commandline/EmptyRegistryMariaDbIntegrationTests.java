package org.ceprint.commandline;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.ceprint.testsupport.MariaDbTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link EmptyRegistryContract} on the MariaDB server, in a database of its own made
 * empty for this class beside the one the other MariaDB tests share
 * ({@code <name>_empty}), so that Flyway builds the schema from nothing, as at an
 * installation.
 */
@MariaDbTest
@SpringBootTest
class EmptyRegistryMariaDbIntegrationTests extends EmptyRegistryContract {

	@DynamicPropertySource
	static void emptyDatabase(DynamicPropertyRegistry registry) throws SQLException {
		String shared = System.getenv().getOrDefault("CEPRINT_DB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
		int slash = shared.lastIndexOf('/');
		int end = shared.indexOf('?', slash) < 0 ? shared.length() : shared.indexOf('?', slash);
		String name = shared.substring(slash + 1, end) + "_empty";
		String user = System.getenv().getOrDefault("CEPRINT_DB_USER", "root");
		String password = System.getenv().getOrDefault("CEPRINT_DB_PASSWORD", "");
		try (Connection connection = DriverManager.getConnection(shared, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
			statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		registry.add("spring.datasource.url", () -> shared.substring(0, slash + 1) + name + shared.substring(end));
	}

}
