package org.ceprint.commandline.internal;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command started without Flyway runs only on a database that holds every migration of
 * the jar, each applied successfully; on any other it starts again with Flyway.
 */
@SpringBootTest
class SchemaCheckTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void aMigratedDatabaseIsCurrent() {
		assertThat(current(this.dataSource)).isTrue();
	}

	@Test
	void anEmptyDatabaseIsBehind() {
		DataSource empty = new DriverManagerDataSource("jdbc:h2:mem:schema-check-empty;DB_CLOSE_DELAY=-1", "sa", "");
		assertThat(current(empty)).isFalse();
	}

	@Test
	void aDatabaseWithoutTheLatestMigrationIsBehind() {
		String latest = this.jdbc.sql("SELECT MAX(version) FROM flyway_schema_history").query(String.class).single();
		Object[] row = this.jdbc.sql("""
				SELECT installed_rank, description, type, script, checksum, installed_by, installed_on,
				       execution_time, success
				FROM flyway_schema_history WHERE version = :version
				""")
			.param("version", latest)
			.query((rs,
					n) -> new Object[] { rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getObject(4),
							rs.getObject(5), rs.getObject(6), rs.getObject(7), rs.getObject(8), rs.getObject(9) })
			.single();
		this.jdbc.sql("DELETE FROM flyway_schema_history WHERE version = :version").param("version", latest).update();
		try {
			assertThat(current(this.dataSource)).isFalse();
		}
		finally {
			this.jdbc.sql("""
					INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
					                                   installed_by, installed_on, execution_time, success)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(row[0], latest, row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8])
				.update();
		}
		assertThat(current(this.dataSource)).isTrue();
	}

	@Test
	void aFailedMigrationIsBehind() {
		String latest = this.jdbc.sql("SELECT MAX(version) FROM flyway_schema_history").query(String.class).single();
		this.jdbc.sql("UPDATE flyway_schema_history SET success = FALSE WHERE version = :version")
			.param("version", latest)
			.update();
		try {
			assertThat(current(this.dataSource)).isFalse();
		}
		finally {
			this.jdbc.sql("UPDATE flyway_schema_history SET success = TRUE WHERE version = :version")
				.param("version", latest)
				.update();
		}
	}

	private boolean current(DataSource dataSource) {
		return SchemaCheck.current(dataSource, this.context, this.context, this.context.getEnvironment());
	}

}
