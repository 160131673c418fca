package org.ceprint.submission.internal;

import org.ceprint.registry.RegistryDependents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Removes the submission tables' rows before the registry they point at is emptied. */
@Component
class SubmissionRecords implements RegistryDependents {

	private final JdbcClient jdbc;

	SubmissionRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void beforeRegistryCleared() {
		for (String table : new String[] { "submission_papers_failure", "submission_output", "submission_event",
				"submission_entry", "submission" }) {
			this.jdbc.sql("DELETE FROM " + table).update();
		}
	}

}
