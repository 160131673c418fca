package org.ceprint.submission.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.ceprint.accounts.OfficeUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A batch's history: every action, by whom, from which status to which, with its note.
 * Written in the transaction of the action it records; never updated or deleted.
 */
@Repository
public class SubmissionLog {

	private static final int NOTE_LENGTH = 300;

	private final JdbcClient jdbc;

	SubmissionLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void append(long id, OfficeUser actor, SubmissionAction action, SubmissionStatus from, SubmissionStatus to,
			String note, LocalDateTime at) {
		this.jdbc.sql("""
				INSERT INTO submission_event (submission_id, happened_at, actor, actor_role, action, from_status,
				                              to_status, note)
				VALUES (:id, :at, :actor, :role, :action, :from, :to, :note)
				""")
			.param("id", id)
			.param("at", at)
			.param("actor", actor.username())
			.param("role", actor.role().name())
			.param("action", action.name())
			.param("from", (from != null) ? from.name() : null)
			.param("to", to.name())
			.param("note", (note != null && note.length() > NOTE_LENGTH) ? note.substring(0, NOTE_LENGTH) : note)
			.update();
	}

	/** Oldest first. */
	public List<SubmissionEvent> history(long id) {
		return this.jdbc.sql("""
				SELECT happened_at, actor, actor_role, action, from_status, to_status, note
				FROM submission_event WHERE submission_id = :id ORDER BY id
				""")
			.param("id", id)
			.query((rs, row) -> new SubmissionEvent(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

}
