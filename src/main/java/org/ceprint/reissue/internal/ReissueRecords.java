package org.ceprint.reissue.internal;

import java.time.LocalDateTime;
import java.util.Optional;

import org.ceprint.reissue.Clerk;
import org.ceprint.reissue.ReissueReason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reissue table: one row per replaced certificate, and how far the printing of its
 * new booklet has got.
 */
@Repository
public class ReissueRecords {

	private final JdbcClient jdbc;

	ReissueRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(String oldNumber, String newNumber, ReissueReason reason, String declarationRef, Clerk clerk,
			LocalDateTime at) {
		this.jdbc.sql("""
				INSERT INTO reissue (old_certificate_no, new_certificate_no, reason, declaration_ref, clerk,
				                     office_channel, reissued_at)
				VALUES (:old, :new, :reason, :declaration, :clerk, :office, :at)
				""")
			.param("old", oldNumber)
			.param("new", newNumber)
			.param("reason", reason.name())
			.param("declaration", declarationRef)
			.param("clerk", clerk.name())
			.param("office", clerk.officeChannel())
			.param("at", at)
			.update();
	}

	Optional<ReissueRecord> findByNewNumber(String newNumber) {
		return this.jdbc.sql("""
				SELECT old_certificate_no, new_certificate_no, reason, office_channel, print_run_id, print_ended_at
				FROM reissue WHERE new_certificate_no = :no
				""")
			.param("no", newNumber)
			.query((rs, row) -> new ReissueRecord(rs.getString(1), rs.getString(2),
					ReissueReason.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, Long.class),
					(rs.getTimestamp(6) != null) ? rs.getTimestamp(6).toLocalDateTime() : null))
			.optional();
	}

	/**
	 * Committed on its own before the run starts: after a crash, the resubmitted event
	 * finds the run to resume.
	 */
	public void printingIn(String newNumber, long runId) {
		this.jdbc.sql("UPDATE reissue SET print_run_id = :run WHERE new_certificate_no = :no")
			.param("run", runId)
			.param("no", newNumber)
			.update();
	}

	void printEnded(String newNumber, LocalDateTime at) {
		this.jdbc.sql("UPDATE reissue SET print_ended_at = :at WHERE new_certificate_no = :no")
			.param("at", at)
			.param("no", newNumber)
			.update();
	}

	/**
	 * A reissue as stored.
	 *
	 * @param printRunId the run printing the new booklet, null before it is recorded
	 * @param printEndedAt when the listener ended, printed or not; null while printing
	 */
	public record ReissueRecord(String oldNumber, String newNumber, ReissueReason reason, String officeChannel,
			Long printRunId, LocalDateTime printEndedAt) {

	}

}
