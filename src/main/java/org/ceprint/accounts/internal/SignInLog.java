package org.ceprint.accounts.internal;

import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sign_in_event table: the audit of every sign-in try (never a password).
 */
@Repository
class SignInLog {

	enum Outcome {

		SIGNED_IN, FAILED, LOCKED, REFUSED

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(String username, String address, Outcome outcome) {
		this.jdbc.sql("""
				INSERT INTO sign_in_event (at, username, client_address, outcome)
				VALUES (:at, :username, :address, :outcome)
				""")
			.param("at", LocalDateTime.now(this.clock))
			.param("username", cut((username != null) ? username : "", 60))
			.param("address", cut((address != null) ? address : "", 45))
			.param("outcome", outcome.name())
			.update();
	}

	long count(String username, Outcome outcome) {
		return this.jdbc.sql("SELECT COUNT(*) FROM sign_in_event WHERE username = :username AND outcome = :outcome")
			.param("username", username)
			.param("outcome", outcome.name())
			.query(Long.class)
			.single();
	}

	private static String cut(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

}
