package org.ceprint.reissue.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.ceprint.reissue.Clerk;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit_log table: every look-up of personal data and every reissue.
 */
@Repository
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	public AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void record(Clerk clerk, String action, String subject, String detail) {
		this.jdbc.sql("""
				INSERT INTO audit_log (at, clerk, office_channel, action, subject, detail)
				VALUES (:at, :clerk, :office, :action, :subject, :detail)
				""")
			.param("at", LocalDateTime.now(this.clock))
			.param("clerk", clerk.name())
			.param("office", clerk.officeChannel())
			.param("action", action)
			.param("subject", (subject.length() > 100) ? subject.substring(0, 100) : subject)
			.param("detail", (detail != null && detail.length() > 500) ? detail.substring(0, 500) : detail)
			.update();
	}

	/** The newest rows of one office, newest first. */
	public List<Entry> recent(String officeChannel, int limit) {
		return this.jdbc.sql("""
				SELECT at, clerk, office_channel, action, subject, detail FROM audit_log
				WHERE office_channel = :office ORDER BY id DESC LIMIT %d
				""".formatted(limit))
			.param("office", officeChannel)
			.query((rs, row) -> new Entry(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	/**
	 * One audit row.
	 */
	public record Entry(LocalDateTime at, String clerk, String officeChannel, String action, String subject,
			String detail) {

	}

}
