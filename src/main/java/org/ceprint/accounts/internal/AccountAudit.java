package org.ceprint.accounts.internal;

import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The account_audit table: every change of an account, by whom. Never a password or a
 * hash: {@code detail} holds the role and scope only.
 */
@Repository
public class AccountAudit {

	/** What was done to an account. */
	public enum Action {

		CREATE, CREATE_ADMIN, DISABLE, ENABLE, ROLE, PASSWORD

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountAudit(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void record(String actor, Action action, String username, String detail) {
		this.jdbc.sql("""
				INSERT INTO account_audit (at, actor, action, username, detail)
				VALUES (:at, :actor, :action, :username, :detail)
				""")
			.param("at", LocalDateTime.now(this.clock))
			.param("actor", cut((actor != null && !actor.isBlank()) ? actor : "unknown", 40))
			.param("action", action.name())
			.param("username", cut(username, 40))
			.param("detail", (detail != null) ? cut(detail, 200) : null)
			.update();
	}

	public long count(String username, Action action) {
		return this.jdbc.sql("SELECT COUNT(*) FROM account_audit WHERE username = :username AND action = :action")
			.param("username", username)
			.param("action", action.name())
			.query(Long.class)
			.single();
	}

	private static String cut(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

}
