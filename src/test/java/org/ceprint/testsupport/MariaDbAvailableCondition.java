package org.ceprint.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips MariaDB tests when no server answers, but fails them on CI, where a missing
 * server is a broken build rather than a reason to skip.
 */
class MariaDbAvailableCondition implements ExecutionCondition {

	static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/test";

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String url = env("CEPRINT_DB_URL", DEFAULT_URL);
		try (Connection connection = DriverManager.getConnection(withConnectTimeout(url),
				env("CEPRINT_DB_USER", "root"), env("CEPRINT_DB_PASSWORD", ""))) {
			return ConditionEvaluationResult.enabled("MariaDB answers at " + url);
		}
		catch (SQLException ex) {
			String reason = "MariaDB is not reachable at " + url + ": " + ex.getMessage();
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(reason + " (CI=true: MariaDB tests must not be skipped)", ex);
			}
			return ConditionEvaluationResult.disabled(reason);
		}
	}

	private static String withConnectTimeout(String url) {
		return url + (url.contains("?") ? "&" : "?") + "connectTimeout=3000";
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
