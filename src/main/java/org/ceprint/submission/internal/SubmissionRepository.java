package org.ceprint.submission.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.ceprint.NotFoundException;
import org.ceprint.registry.Channel;
import org.ceprint.registry.Channels;
import org.ceprint.registry.Departments;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.Organisations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The submission tables: batches and their entries with the decisions (the event log is
 * {@link SubmissionLog}). Names of the bodies a batch points at come from the registry,
 * which owns their tables; statuses are bound from the enums, never written into the SQL.
 */
@Repository
public class SubmissionRepository {

	private static final String SELECT = """
			SELECT s.*, (SELECT COUNT(*) FROM submission_entry se WHERE se.submission_id = s.id) AS entry_count
			FROM submission s
			""";

	/**
	 * A decision stored on an entry of a batch, before closing writes it to the registry.
	 */
	record StoredDecision(Decision decision, RejectionReason reason, String note, String by, LocalDateTime at) {

	}

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final Departments departments;

	private final Channels channels;

	SubmissionRepository(JdbcClient jdbc, Organisations organisations, Departments departments, Channels channels) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.departments = departments;
		this.channels = channels;
	}

	public Optional<Submission> find(long id) {
		return named(this.jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query().listOfRows()).stream()
			.findFirst();
	}

	/**
	 * @throws NotFoundException when there is no such batch
	 */
	public Submission require(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("报送批次 #" + id + " 不存在"));
	}

	/** The batches within the scope, newest first, optionally of one status. */
	public List<Submission> queue(SubmissionPolicy.QueueScope scope, SubmissionStatus status) {
		Map<String, Object> parameters = new HashMap<>();
		String where = switch (scope.kind()) {
			case OFFICE -> {
				parameters.put("atOffice", List.of(SubmissionStatus.APPROVED.name(), SubmissionStatus.RECEIVED.name(),
						SubmissionStatus.CLOSED.name()));
				parameters.put("submitted", SubmissionStatus.SUBMITTED.name());
				yield "s.channel_code = :key AND (s.status IN (:atOffice) "
						+ "OR (s.status = :submitted AND s.department_id IS NULL))";
			}
			case DEPARTMENT -> {
				parameters.put("draft", SubmissionStatus.DRAFT.name());
				yield "s.department_id = :key AND s.status <> :draft";
			}
			case SUBMITTER -> "s.submitter_id = :key";
		};
		parameters.put("key", scope.key());
		if (status != null) {
			where += " AND s.status = :status";
			parameters.put("status", status.name());
		}
		return named(this.jdbc.sql(SELECT + " WHERE " + where + " ORDER BY s.id DESC")
			.params(parameters)
			.query()
			.listOfRows());
	}

	public Optional<Long> idOfBatch(String batchNo) {
		return this.jdbc.sql("SELECT id FROM submission WHERE batch_no = :batch")
			.param("batch", batchNo)
			.query(Long.class)
			.optional();
	}

	long nextBatchSequence() {
		return this.jdbc.sql("SELECT NEXT VALUE FOR submission_batch_seq").query(Long.class).single();
	}

	long insert(Organisation submitter, String batchNo, String by, LocalDateTime at) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					INSERT INTO submission (batch_no, submitter_id, department_id, channel_code, status, created_by, created_at)
					VALUES (:batch, :submitter, :department, :channel, :status, :by, :at)
					""")
			.param("batch", batchNo)
			.param("submitter", submitter.id())
			.param("department", (submitter.kind() == Organisation.Kind.UNIT) ? submitter.departmentId() : null)
			.param("channel", submitter.channelCode())
			.param("status", SubmissionStatus.DRAFT.name())
			.param("by", by)
			.param("at", at)
			.update(key, "id");
		return key.getKey().longValue();
	}

	/**
	 * Moves the batch on from the status and version it was read in.
	 * @return false when another clerk moved it first
	 */
	public boolean move(Submission submission, SubmissionStatus to) {
		return this.jdbc.sql("""
				UPDATE submission SET status = :to, version = version + 1
				WHERE id = :id AND status = :from AND version = :version
				""")
			.param("to", to.name())
			.param("id", submission.id())
			.param("from", submission.status().name())
			.param("version", submission.version())
			.update() == 1;
	}

	public void recordReview(long id, String opinion, String by, LocalDateTime at) {
		this.jdbc
			.sql("UPDATE submission SET review_opinion = :opinion, reviewed_by = :by, reviewed_at = :at WHERE id = :id")
			.param("opinion", opinion)
			.param("by", by)
			.param("at", at)
			.param("id", id)
			.update();
	}

	public void recordClosing(long id, String opinion, String by, LocalDateTime at) {
		this.jdbc.sql(
				"UPDATE submission SET verification_opinion = :opinion, closed_by = :by, closed_at = :at WHERE id = :id")
			.param("opinion", opinion)
			.param("by", by)
			.param("at", at)
			.param("id", id)
			.update();
	}

	/** Puts an entry into a batch; an entry already in one fails on the table's key. */
	void attach(long id, long entryId) {
		this.jdbc.sql("INSERT INTO submission_entry (entry_id, submission_id) VALUES (:entry, :id)")
			.param("entry", entryId)
			.param("id", id)
			.update();
	}

	boolean detach(long id, long entryId) {
		return this.jdbc.sql("DELETE FROM submission_entry WHERE submission_id = :id AND entry_id = :entry")
			.param("id", id)
			.param("entry", entryId)
			.update() == 1;
	}

	boolean contains(long id, long entryId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM submission_entry WHERE submission_id = :id AND entry_id = :entry")
			.param("id", id)
			.param("entry", entryId)
			.query(Integer.class)
			.single() > 0;
	}

	public void recordDecision(long id, long entryId, Decision decision, RejectionReason reason, String note, String by,
			LocalDateTime at) {
		this.jdbc.sql("""
				UPDATE submission_entry SET decision = :decision, reason_code = :reason, reason_note = :note,
				       decided_by = :by, decided_at = :at
				WHERE submission_id = :id AND entry_id = :entry
				""")
			.param("decision", decision.name())
			.param("reason", (reason != null) ? reason.name() : null)
			.param("note", note)
			.param("by", by)
			.param("at", at)
			.param("id", id)
			.param("entry", entryId)
			.update();
	}

	/**
	 * The batch's entries by id, each with its decision so far (null fields when none).
	 */
	Map<Long, StoredDecision> decisions(long id) {
		Map<Long, StoredDecision> decisions = new HashMap<>();
		this.jdbc.sql("""
				SELECT entry_id, decision, reason_code, reason_note, decided_by, decided_at
				FROM submission_entry WHERE submission_id = :id
				""").param("id", id).query((rs, row) -> {
			String decision = rs.getString(2);
			String reason = rs.getString(3);
			return decisions.put(rs.getLong(1),
					new StoredDecision((decision != null) ? Decision.valueOf(decision) : null,
							(reason != null) ? RejectionReason.valueOf(reason) : null, rs.getString(4), rs.getString(5),
							time(rs, "decided_at")));
		}).list();
		return decisions;
	}

	/** The entries the body has put into any of its batches. */
	Set<Long> submittedEntryIds(long submitterId) {
		return new HashSet<>(this.jdbc.sql("""
				SELECT se.entry_id FROM submission_entry se JOIN submission s ON s.id = se.submission_id
				WHERE s.submitter_id = :org
				""").param("org", submitterId).query(Long.class).list());
	}

	/** Of these entries, those in a batch of the body, by batch number. */
	Map<String, List<Long>> batchesHolding(long submitterId, List<Long> entryIds) {
		Map<String, List<Long>> byBatch = new TreeMap<>();
		if (entryIds.isEmpty()) {
			return byBatch;
		}
		this.jdbc.sql("""
				SELECT s.batch_no, se.entry_id FROM submission_entry se JOIN submission s ON s.id = se.submission_id
				WHERE s.submitter_id = :org AND se.entry_id IN (:entries)
				ORDER BY se.entry_id
				""")
			.param("org", submitterId)
			.param("entries", entryIds)
			.query((rs, row) -> byBatch.computeIfAbsent(rs.getString(1), (batch) -> new ArrayList<>())
				.add(rs.getLong(2)))
			.list();
		return byBatch;
	}

	/** Batches as rows of their own table, with the registry's names of their bodies. */
	private List<Submission> named(List<Map<String, Object>> rows) {
		Map<Long, Organisation> submitters = this.organisations
			.findByIds(rows.stream().map((row) -> number(row, "submitter_id")).toList());
		Map<Long, String> departmentNames = this.departments.namesByIds(
				rows.stream().map((row) -> number(row, "department_id")).filter(java.util.Objects::nonNull).toList());
		Map<String, String> offices = new HashMap<>();
		if (!rows.isEmpty()) {
			this.channels.findAll().forEach((Channel channel) -> offices.put(channel.code(), channel.officeName()));
		}
		return rows.stream().map((row) -> {
			Organisation submitter = submitters.get(number(row, "submitter_id"));
			Long departmentId = number(row, "department_id");
			return new Submission(number(row, "id"), (String) row.get("batch_no"), submitter.id(), submitter.name(),
					submitter.kind().name(), submitter.creditCode(), departmentId,
					(departmentId != null) ? departmentNames.get(departmentId) : null, (String) row.get("channel_code"),
					offices.get((String) row.get("channel_code")), SubmissionStatus.valueOf((String) row.get("status")),
					(String) row.get("review_opinion"), (String) row.get("reviewed_by"), time(row.get("reviewed_at")),
					(String) row.get("verification_opinion"), (String) row.get("closed_by"), time(row.get("closed_at")),
					(String) row.get("created_by"), time(row.get("created_at")), number(row, "entry_count").intValue(),
					number(row, "version").intValue());
		}).toList();
	}

	private static Long number(Map<String, Object> row, String column) {
		Object value = row.get(column);
		return (value != null) ? ((Number) value).longValue() : null;
	}

	private static LocalDateTime time(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toLocalDateTime();
		}
		return (value instanceof LocalDateTime time) ? time : null;
	}

	private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toLocalDateTime() : null;
	}

}
