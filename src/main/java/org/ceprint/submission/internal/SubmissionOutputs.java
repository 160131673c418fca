package org.ceprint.submission.internal;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which print run prints each paper of a closed batch. A paper's run is recorded in the
 * transaction that creates the run, so a closing resumed after a crash finds the run and
 * finishes it instead of printing the paper again.
 */
@Repository
class SubmissionOutputs {

	private final JdbcClient jdbc;

	SubmissionOutputs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The runs recorded so far, by paper, in the enum's order. */
	Map<PaperKind, Long> runs(long submissionId) {
		Map<PaperKind, Long> runs = new EnumMap<>(PaperKind.class);
		this.jdbc.sql("SELECT output_kind, run_id FROM submission_output WHERE submission_id = :id")
			.param("id", submissionId)
			.query((rs, row) -> runs.put(PaperKind.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return runs;
	}

	Optional<Long> run(long submissionId, PaperKind kind) {
		return this.jdbc.sql("SELECT run_id FROM submission_output WHERE submission_id = :id AND output_kind = :kind")
			.param("id", submissionId)
			.param("kind", kind.name())
			.query(Long.class)
			.optional();
	}

	void record(long submissionId, PaperKind kind, long runId) {
		this.jdbc.sql("INSERT INTO submission_output (submission_id, output_kind, run_id) VALUES (:id, :kind, :run)")
			.param("id", submissionId)
			.param("kind", kind.name())
			.param("run", runId)
			.update();
	}

	/** Why the batch's papers could not be printed the last time, if they could not. */
	Optional<String> failure(long submissionId) {
		return this.jdbc.sql("SELECT reason FROM submission_papers_failure WHERE submission_id = :id")
			.param("id", submissionId)
			.query(String.class)
			.optional();
	}

	/**
	 * Records, in a transaction of its own, why the batch's papers could not be printed.
	 */
	void recordFailure(long submissionId, String reason, LocalDateTime at) {
		clearFailure(submissionId);
		this.jdbc
			.sql("INSERT INTO submission_papers_failure (submission_id, failed_at, reason) VALUES (:id, :at, :reason)")
			.param("id", submissionId)
			.param("at", at)
			.param("reason", (reason.length() > 300) ? reason.substring(0, 300) : reason)
			.update();
	}

	void clearFailure(long submissionId) {
		this.jdbc.sql("DELETE FROM submission_papers_failure WHERE submission_id = :id")
			.param("id", submissionId)
			.update();
	}

}
