package org.ceprint.registry.internal;

import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry_audit table: who changed which record, when, from which office. Subjects
 * and details hold ids and codes only, never a name or an ID number.
 */
@Component
public class RegistryAudit {

	private final JdbcClient jdbc;

	private final Clock clock;

	RegistryAudit(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void record(String actor, String action, String officeChannel, String subject, String detail) {
		this.jdbc.sql("""
				INSERT INTO registry_audit (at, actor, action, office_channel, subject, detail)
				VALUES (:at, :actor, :action, :office, :subject, :detail)
				""")
			.param("at", LocalDateTime.now(this.clock))
			.param("actor", cut(actor, 60))
			.param("action", action)
			.param("office", officeChannel)
			.param("subject", subject)
			.param("detail", (detail != null) ? cut(detail, 400) : null)
			.update();
	}

	private static String cut(String value, int length) {
		return (value.length() <= length) ? value : value.substring(0, length);
	}

}
