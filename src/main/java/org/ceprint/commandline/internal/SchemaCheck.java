package org.ceprint.commandline.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.api.migration.JavaMigration;

import org.ceprint.CeprintApplication;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Whether the database already holds every migration this jar brings, read from Flyway's
 * history table without starting Flyway.
 * <p>
 * A command that runs once starts without Flyway: making Flyway loads about a thousand
 * classes (its own and the JSON library it copies its settings with), a fifth of what a
 * {@code verify} loads, to find most of the time that there is nothing to migrate. When
 * this check finds the database behind (a new data folder, a newer jar, a failed
 * migration) the command starts again with Flyway, which migrates or says why it cannot.
 * The server and the demo always start with Flyway, which also validates the checksums.
 */
final class SchemaCheck {

	private static final Pattern VERSIONED = Pattern.compile("^V(\\d+(?:[._]\\d+)*)__.+");

	/** The application's Java migrations (Spring beans), named as Flyway names them. */
	private static final String JAVA_MIGRATIONS = "classpath*:"
			+ ClassUtils.convertClassNameToResourcePath(CeprintApplication.class.getPackageName()) + "/**/V*__*.class";

	private SchemaCheck() {
	}

	static boolean current(DataSource dataSource, ListableBeanFactory beans, ResourcePatternResolver resources,
			Environment environment) {
		Set<String> bundled = bundled(beans, resources, environment);
		String table = environment.getProperty("spring.flyway.table", "flyway_schema_history");
		Set<String> applied = new TreeSet<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT version, success FROM " + table + " WHERE version IS NOT NULL")) {
			while (rows.next()) {
				if (!rows.getBoolean(2)) {
					return false;
				}
				applied.add(normalised(rows.getString(1)));
			}
		}
		catch (SQLException ex) {
			// no history table: a new database
			return false;
		}
		return !bundled.isEmpty() && applied.equals(bundled);
	}

	/** The versions of the SQL migrations in Flyway's locations and of the Java ones. */
	private static Set<String> bundled(ListableBeanFactory beans, ResourcePatternResolver resources,
			Environment environment) {
		Set<String> versions = new TreeSet<>();
		String locations = environment.getProperty("spring.flyway.locations", "classpath:db/migration");
		for (String location : StringUtils.commaDelimitedListToStringArray(locations)) {
			String trimmed = location.trim();
			if (!trimmed.startsWith("classpath:")) {
				// a location on disk: leave it to Flyway
				return Set.of();
			}
			try {
				for (Resource resource : resources.getResources(trimmed + "/V*__*.sql")) {
					version(resource.getFilename()).ifPresent(versions::add);
				}
			}
			catch (IOException ex) {
				return Set.of();
			}
		}
		try {
			// also by their class files' names: a narrower application (verify) makes no
			// beans of them
			for (Resource resource : resources.getResources(JAVA_MIGRATIONS)) {
				version(resource.getFilename()).ifPresent(versions::add);
			}
		}
		catch (IOException ex) {
			return Set.of();
		}
		for (String name : beans.getBeanNamesForType(JavaMigration.class, true, false)) {
			Class<?> type = beans.getType(name, false);
			if (type != null) {
				version(type.getSimpleName()).ifPresent(versions::add);
			}
		}
		return versions;
	}

	private static Optional<String> version(String name) {
		Matcher matcher = (name != null) ? VERSIONED.matcher(name) : null;
		return (matcher != null && matcher.matches()) ? Optional.of(normalised(matcher.group(1))) : Optional.empty();
	}

	/** {@code 021} and {@code 21} are one version, as Flyway compares them. */
	private static String normalised(String version) {
		StringBuilder normal = new StringBuilder();
		for (String part : version.split("[._]")) {
			if (normal.length() > 0) {
				normal.append('.');
			}
			normal.append(new BigInteger(part));
		}
		return normal.toString();
	}

}
