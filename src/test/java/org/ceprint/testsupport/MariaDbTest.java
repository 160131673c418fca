package org.ceprint.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Marks a test class that runs against the real MariaDB server of the {@code mariadb}
 * profile.
 * <p>
 * Such classes are named {@code *MariaDbIntegrationTests} and run only with
 * {@code -Pmariadb}. Without a server they are skipped, except with {@code CI=true},
 * where they fail.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("mariadb")
@ActiveProfiles("mariadb")
// tests sign with a key made for them, as the embedded default does
@TestPropertySource(properties = "ceprint.authenticity.generate-key-if-missing=true")
@ExtendWith(MariaDbAvailableCondition.class)
public @interface MariaDbTest {

	/**
	 * The tag of a contract test that checks rendering or files rather than the database:
	 * the {@code mariadb} profile leaves it out, its H2 run covers it.
	 */
	String DATABASE_AGNOSTIC = "database-agnostic";

}
