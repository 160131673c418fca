package org.ceprint.submission;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.hours.AnnualAssessment;
import org.ceprint.hours.AnnualAssessments;
import org.ceprint.hours.HoursCheck;
import org.ceprint.hours.HoursStandard;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.Organisations;
import org.ceprint.registry.PersonDossier;
import org.ceprint.registry.PersonDossiers;
import org.ceprint.registry.RegistrationEntries;
import org.ceprint.registry.RegistrationEntry;
import org.ceprint.registry.SubjectType;
import org.ceprint.registry.UniqueRows;
import org.ceprint.rendering.RenderingProperties;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The submission workflow (第十至十三条). Every method takes the signed-in account and checks
 * its role and scope first: registrars act for their own base or unit, reviewers for
 * their own department's units, HRSS staff for submissions of their own channel only, and
 * nobody decides on entries of their own organisation. Every transition is one
 * transaction that also writes its event, and it moves only from the status it was read
 * in, so two clerks cannot close or review the same batch twice.
 */
@Service
public class Submissions {

	private static final String SELECT = """
			SELECT s.*, o.name AS submitter_name, o.kind AS submitter_kind, o.credit_code AS submitter_credit_code,
			       d.name AS department_name, ch.office_name,
			       (SELECT COUNT(*) FROM submission_entry se WHERE se.submission_id = s.id) AS entry_count
			FROM submission s
			JOIN organisation o ON o.id = s.submitter_id
			JOIN channel ch ON ch.code = s.channel_code
			LEFT JOIN department d ON d.id = s.department_id
			""";

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final RegistrationEntries entries;

	private final PersonDossiers people;

	private final HoursStandard standard;

	private final AnnualAssessments assessments;

	private final RenderingProperties rendering;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Submissions(JdbcClient jdbc, Organisations organisations, RegistrationEntries entries, PersonDossiers people,
			HoursStandard standard, AnnualAssessments assessments, RenderingProperties rendering,
			TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.entries = entries;
		this.people = people;
		this.standard = standard;
		this.assessments = assessments;
		this.rendering = rendering;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Drafts a submission of the registrar's own base or unit: the given pending entries,
	 * or every pending entry not yet in a submission when none are given.
	 * @throws IllegalStateException when an entry is in a batch already, also one drafted
	 * at the same moment, naming the entries and the batch
	 */
	public Submission draft(OfficeUser actor, List<Long> entryIds) {
		Organisation submitter = submitterOf(actor);
		List<Long> chosen = (entryIds == null || entryIds.isEmpty()) ? unsubmittedPending(submitter.id())
				: List.copyOf(new LinkedHashSet<>(entryIds));
		if (chosen.isEmpty()) {
			throw new IllegalArgumentException("「%s」没有尚未报送的待验证登记".formatted(submitter.name()));
		}
		LocalDateTime now = now();
		return attaching(submitter, chosen, () -> {
			long id = insertSubmission(submitter, actor, now);
			attach(id, submitter, chosen);
			event(id, actor, "DRAFT", null, SubmissionStatus.DRAFT, "%d 条登记".formatted(chosen.size()), now);
			return require(id);
		});
	}

	/**
	 * The base or unit the registrar submits for, if it may submit at all.
	 * @throws NotPermittedException for an account that is no registrar
	 * @throws IllegalStateException for a unit without its supervising department
	 */
	Organisation submitterOf(OfficeUser actor) {
		Organisation submitter = registrarsOrganisation(actor);
		if (submitter.kind() == Organisation.Kind.UNIT && submitter.departmentId() == null) {
			throw new IllegalStateException("单位「%s」（%s）未登记主管部门（organisation.department_id）：按第十一条，单位须经主管部门审核后报送"
				.formatted(submitter.name(), submitter.creditCode()));
		}
		return submitter;
	}

	/**
	 * Of these entries, in their order, those a new draft of the body may take: pending,
	 * registered by it, and in none of its submissions yet.
	 */
	List<Long> draftable(long organisationId, List<Long> entryIds) {
		Set<Long> open = new java.util.HashSet<>(unsubmittedPending(organisationId));
		return entryIds.stream().filter(open::contains).toList();
	}

	/** Adds pending entries to a draft or returned submission. */
	public Submission addEntries(OfficeUser actor, long id, List<Long> entryIds) {
		Submission submission = editable(actor, id);
		Organisation submitter = registrarsOrganisation(actor);
		List<Long> added = List.copyOf(new LinkedHashSet<>(entryIds));
		return attaching(submitter, added, () -> {
			attach(id, submitter, added);
			event(id, actor, "ADD", submission.status(), submission.status(), "加入登记 " + entryIds, now());
			return require(id);
		});
	}

	/**
	 * Takes an entry out of a draft or returned submission; it stays pending in the
	 * registry.
	 */
	public Submission removeEntry(OfficeUser actor, long id, long entryId) {
		Submission submission = editable(actor, id);
		return this.transaction.execute((status) -> {
			int removed = this.jdbc.sql("DELETE FROM submission_entry WHERE submission_id = :id AND entry_id = :entry")
				.param("id", id)
				.param("entry", entryId)
				.update();
			if (removed != 1) {
				throw new IllegalArgumentException("登记记录 #%d 不在报送批次 %s 中".formatted(entryId, submission.batchNo()));
			}
			event(id, actor, "REMOVE", submission.status(), submission.status(), "移出登记 #" + entryId, now());
			return require(id);
		});
	}

	/** Corrects an entry's hours and subject type on a draft or returned submission. */
	public Submission correctEntry(OfficeUser actor, long id, long entryId, BigDecimal hours, SubjectType subjectType) {
		Submission submission = editable(actor, id);
		requireMember(submission, entryId);
		return this.transaction.execute((status) -> {
			RegistrationEntry before = this.entries.findByIds(List.of(entryId)).get(0);
			this.entries.correctPending(entryId, hours, subjectType);
			event(id, actor, "CORRECT", submission.status(), submission.status(),
					"登记 #%d：%s %s 学时 → %s %s 学时".formatted(entryId, before.subjectType().label(),
							before.hours().stripTrailingZeros().toPlainString(), subjectType.label(),
							hours.stripTrailingZeros().toPlainString()),
					now());
			return require(id);
		});
	}

	/**
	 * Submits a draft, or resubmits a returned one: to the department, or for a base to
	 * the office.
	 */
	public Submission submit(OfficeUser actor, long id, String note) {
		Submission submission = editable(actor, id);
		if (submission.entryCount() == 0) {
			throw new IllegalStateException("报送批次 %s 没有登记，不能报送".formatted(submission.batchNo()));
		}
		return transition(actor, submission, SubmissionStatus.SUBMITTED,
				(submission.status() == SubmissionStatus.RETURNED) ? "RESUBMIT" : "SUBMIT", note, null);
	}

	/**
	 * The supervising department's review (第十一条): approve to the office, or return with a
	 * reason.
	 */
	public Submission review(OfficeUser actor, long id, boolean approve, String opinion) {
		Submission submission = require(id);
		if (actor.role() != OfficeRole.DEPT_REVIEWER || actor.departmentId() == null
				|| !actor.departmentId().equals(submission.departmentId())) {
			throw notPermitted(actor, submission, "只有报送单位的主管部门可以审核");
		}
		expect(submission, SubmissionStatus.SUBMITTED);
		if (!approve && (opinion == null || opinion.isBlank())) {
			throw new IllegalArgumentException("退回报送批次 %s 须写明理由（opinion）".formatted(submission.batchNo()));
		}
		String text = (opinion == null || opinion.isBlank()) ? "经审核，同意报送验证。" : opinion.strip();
		LocalDateTime now = now();
		return transition(actor, submission, approve ? SubmissionStatus.APPROVED : SubmissionStatus.RETURNED,
				approve ? "APPROVE" : "RETURN", text,
				() -> this.jdbc
					.sql("""
							UPDATE submission SET review_opinion = :opinion, reviewed_by = :by, reviewed_at = :at WHERE id = :id
							""")
					.param("opinion", text)
					.param("by", actor.username())
					.param("at", now)
					.param("id", id)
					.update());
	}

	/** The HRSS office of the submitter's channel takes the batch in for verification. */
	public Submission receive(OfficeUser actor, long id) {
		Submission submission = atOwnOffice(actor, id);
		if (submission.status() != SubmissionStatus.APPROVED
				&& !(submission.status() == SubmissionStatus.SUBMITTED && submission.departmentId() == null)) {
			throw new IllegalStateException(
					"报送批次 %s 现为「%s」，尚不能受理".formatted(submission.batchNo(), submission.status().label()));
		}
		return transition(actor, submission, SubmissionStatus.RECEIVED, "RECEIVE", null, null);
	}

	/**
	 * Verifies or rejects one entry of a received batch; a decision can be changed until
	 * the batch is closed.
	 */
	public EntryReview decide(OfficeUser actor, long id, long entryId, Decision decision, RejectionReason reason,
			String note) {
		Submission submission = atOwnOffice(actor, id);
		expect(submission, SubmissionStatus.RECEIVED);
		requireMember(submission, entryId);
		RegistrationEntry entry = this.entries.findByIds(List.of(entryId)).get(0);
		if (actor.organisationId() != null) {
			long holderUnit = this.people.findByPersonIds(List.of(entry.personId()), false).get(0).holder().unitId();
			if (actor.organisationId() == entry.registeredById() || actor.organisationId() == holderUnit) {
				throw notPermitted(actor, submission, "登记 #%d 属于您本单位（登记单位或持证人所在单位），须由其他经办人验证".formatted(entryId));
			}
		}
		if (decision == Decision.REJECTED && reason == null) {
			throw new IllegalArgumentException("不予验证登记 #%d 须选择理由（reason）".formatted(entryId));
		}
		LocalDateTime now = now();
		RejectionReason stored = (decision == Decision.REJECTED) ? reason : null;
		String storedNote = (note == null || note.isBlank()) ? null : note.strip();
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("""
					UPDATE submission_entry SET decision = :decision, reason_code = :reason, reason_note = :note,
					       decided_by = :by, decided_at = :at
					WHERE submission_id = :id AND entry_id = :entry
					""")
				.param("decision", decision.name())
				.param("reason", (stored != null) ? stored.name() : null)
				.param("note", storedNote)
				.param("by", actor.username())
				.param("at", now)
				.param("id", id)
				.param("entry", entryId)
				.update();
			event(id, actor, "DECIDE", submission.status(), submission.status(), "登记 #%d：%s%s".formatted(entryId,
					decision.label(), (stored != null) ? "（" + stored.label() + "）" : ""), now);
		});
		return reviews(actor, id).stream().filter((review) -> review.entry().id() == entryId).findFirst().orElseThrow();
	}

	/**
	 * Closes a batch whose every entry is decided: the decisions go into the registry
	 * (office, clerk and date on each verified entry; the reason on each rejected one) in
	 * the same transaction as the status. The papers are printed afterwards by
	 * {@link SubmissionPapers}.
	 */
	public Submission close(OfficeUser actor, long id, String opinion) {
		Submission submission = atOwnOffice(actor, id);
		expect(submission, SubmissionStatus.RECEIVED);
		List<EntryReview> reviews = reviews(actor, id);
		List<Integer> undecided = reviews.stream()
			.filter((review) -> review.decision() == null)
			.map(EntryReview::seq)
			.toList();
		if (!undecided.isEmpty()) {
			throw new IllegalStateException(
					"报送批次 %s 还有 %d 条登记未作结论（序号 %s），不能办结".formatted(submission.batchNo(), undecided.size(), undecided));
		}
		String text = (opinion == null || opinion.isBlank()) ? composedOpinion(reviews) : opinion.strip();
		LocalDateTime now = now();
		return transition(actor, submission, SubmissionStatus.CLOSED, "CLOSE", text, () -> {
			List<Long> verified = reviews.stream()
				.filter((review) -> review.decision() == Decision.VERIFIED)
				.map((review) -> review.entry().id())
				.toList();
			this.entries.recordVerified(verified, submission.channelCode(), actor.username(), now);
			for (EntryReview review : reviews) {
				if (review.decision() == Decision.REJECTED) {
					this.entries.recordRejected(review.entry().id(),
							review.reason().label() + ((review.reasonNote() != null) ? "：" + review.reasonNote() : ""),
							actor.username(), now);
				}
			}
			this.jdbc
				.sql("""
						UPDATE submission SET verification_opinion = :opinion, closed_by = :by, closed_at = :at WHERE id = :id
						""")
				.param("opinion", text)
				.param("by", actor.username())
				.param("at", now)
				.param("id", id)
				.update();
		});
	}

	/** One submission, if the account may see it. */
	public Submission find(OfficeUser actor, long id) {
		Submission submission = require(id);
		if (!visible(actor, submission)) {
			throw notPermitted(actor, submission, "该批次不属于您的单位、部门或发证机关");
		}
		return submission;
	}

	/** The submissions the account works on, newest first, optionally of one status. */
	public List<Submission> queue(OfficeUser actor, SubmissionStatus status) {
		String where;
		Map<String, Object> parameters = new HashMap<>();
		if (actor.role().hrssOffice()) {
			where = "s.channel_code = :channel AND (s.status IN ('APPROVED', 'RECEIVED', 'CLOSED') "
					+ "OR (s.status = 'SUBMITTED' AND s.department_id IS NULL))";
			parameters.put("channel", actor.officeChannel());
		}
		else if (actor.role() == OfficeRole.DEPT_REVIEWER) {
			where = "s.department_id = :department AND s.status <> 'DRAFT'";
			parameters.put("department", actor.departmentId());
		}
		else {
			where = "s.submitter_id = :organisation";
			parameters.put("organisation", actor.organisationId());
		}
		if (status != null) {
			where += " AND s.status = :status";
			parameters.put("status", status.name());
		}
		return this.jdbc.sql(SELECT + " WHERE " + where + " ORDER BY s.id DESC")
			.params(parameters)
			.query(this::submission)
			.list();
	}

	/** The history of a submission, oldest first. */
	public List<SubmissionEvent> history(OfficeUser actor, long id) {
		find(actor, id);
		return this.jdbc.sql("""
				SELECT happened_at, actor, actor_role, action, from_status, to_status, note
				FROM submission_event WHERE submission_id = :id ORDER BY id
				""")
			.param("id", id)
			.query((rs, row) -> new SubmissionEvent(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	/** The entries of a submission in table order, each with its decision and checks. */
	public List<EntryReview> reviews(OfficeUser actor, long id) {
		find(actor, id);
		return reviews(id);
	}

	List<EntryReview> reviews(long id) {
		Map<Long, String[]> decisions = new HashMap<>();
		Map<Long, java.time.LocalDateTime> decidedAt = new HashMap<>();
		this.jdbc.sql("""
				SELECT entry_id, decision, reason_code, reason_note, decided_by, decided_at
				FROM submission_entry WHERE submission_id = :id
				""").param("id", id).query((rs, row) -> {
			decisions.put(rs.getLong(1),
					new String[] { rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5) });
			if (rs.getTimestamp(6) != null) {
				decidedAt.put(rs.getLong(1), rs.getTimestamp(6).toLocalDateTime());
			}
			return null;
		}).list();
		List<RegistrationEntry> members = this.entries.findByIds(decisions.keySet());
		Map<Long, PersonDossier> dossiers = UniqueRows.byKey(this.people
			.findByPersonIds(members.stream().map(RegistrationEntry::personId).distinct().toList(), true),
				(dossier) -> dossier.holder().personId(), "人员");
		Map<Long, List<RegistrationEntry>> duplicates = this.entries.possibleDuplicates(decisions.keySet());
		Set<Long> bases = new java.util.HashSet<>();
		for (long registeredBy : members.stream().map(RegistrationEntry::registeredById).distinct().toList()) {
			this.organisations.findById(registeredBy)
				.filter((body) -> body.kind() == Organisation.Kind.BASE)
				.ifPresent((body) -> bases.add(body.id()));
		}
		List<EntryReview> reviews = new ArrayList<>();
		for (RegistrationEntry entry : members) {
			PersonDossier dossier = dossiers.get(entry.personId());
			int year = entry.startDate().getYear();
			List<RegistrationEntry> verifiedThisYear = dossier.entries()
				.stream()
				.filter((other) -> other.verified() && other.id() != entry.id() && other.startDate().getYear() == year)
				.toList();
			BigDecimal sameForm = verifiedThisYear.stream()
				.filter((other) -> other.form() == entry.form())
				.map(RegistrationEntry::hours)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			HoursCheck hours = this.standard.check(entry.form(),
					org.ceprint.hours.CreditItem.find(entry.creditItem()).orElse(null), entry.startDate(),
					entry.endDate(), entry.hours(), bases.contains(entry.registeredById()), sameForm);
			AnnualAssessment assessment = this.assessments.assess(dossier.holder().titleLevel(), year,
					sum(verifiedThisYear, SubjectType.PUBLIC), sum(verifiedThisYear, SubjectType.PROFESSIONAL));
			long inCurrentVolume = dossier.entries()
				.stream()
				.filter((other) -> other.volumeCertificateId() == null
						&& other.status() != org.ceprint.registry.EntryStatus.REJECTED)
				.count();
			String[] decided = decisions.get(entry.id());
			reviews.add(new EntryReview(reviews.size() + 1, entry, dossier.holder().name(), dossier.holder().idNumber(),
					dossier.holder().unitName(),
					(dossier.holder().titleName() != null) ? dossier.holder().titleName()
							: dossier.holder().titleLevel().label(),
					dossier.certificateNo(),
					dossier.certificateNo() != null && inCurrentVolume > this.rendering.rowCapacity(), hours,
					duplicates.getOrDefault(entry.id(), List.of()).stream().map(Submissions::describe).toList(),
					assessment.countedHours(), assessment.requiredHours(), assessment.ruleSet(),
					(decided[0] != null) ? Decision.valueOf(decided[0]) : null,
					(decided[1] != null) ? RejectionReason.valueOf(decided[1]) : null, decided[2], decided[3],
					decidedAt.get(entry.id())));
		}
		return reviews;
	}

	/**
	 * The id of the submission with this batch number (for the operator's command line).
	 */
	public Optional<Long> idOfBatch(String batchNo) {
		return this.jdbc.sql("SELECT id FROM submission WHERE batch_no = :batch")
			.param("batch", batchNo)
			.query(Long.class)
			.optional();
	}

	/**
	 * For printing: a submission by id, without an account (the print run checked it was
	 * closed).
	 */
	Optional<Submission> findForPrinting(long id) {
		return this.jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(this::submission).optional();
	}

	/**
	 * The opinion written when the clerk gives none: counts, hours, and each rejection's
	 * reason.
	 */
	static String composedOpinion(List<EntryReview> reviews) {
		List<EntryReview> verified = reviews.stream()
			.filter((review) -> review.decision() == Decision.VERIFIED)
			.toList();
		BigDecimal hours = verified.stream()
			.map((review) -> review.entry().hours())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		String rejected = reviews.stream()
			.filter((review) -> review.decision() == Decision.REJECTED)
			.map((review) -> "序号 %d %s".formatted(review.seq(), review.reason().label()))
			.collect(Collectors.joining("；"));
		// short lines: the summary table's opinion box breaks anywhere, and a printed
		// Chinese
		// line must not start with 。 or ；
		List<String> parts = new ArrayList<>();
		if (!verified.isEmpty()) {
			parts.add("%d 条符合规定，予以验证，计 %s 学时".formatted(verified.size(), hours.stripTrailingZeros().toPlainString()));
		}
		if (!rejected.isEmpty()) {
			parts.add("%d 条不予验证：%s".formatted(reviews.size() - verified.size(), rejected));
		}
		return "经验证，本批登记 %d 条：\n%s。".formatted(reviews.size(), String.join("；\n", parts));
	}

	private Submission transition(OfficeUser actor, Submission submission, SubmissionStatus to, String action,
			String note, Runnable alongside) {
		LocalDateTime now = now();
		return this.transaction.execute((status) -> {
			int moved = this.jdbc.sql("""
					UPDATE submission SET status = :to, version = version + 1
					WHERE id = :id AND status = :from AND version = :version
					""")
				.param("to", to.name())
				.param("id", submission.id())
				.param("from", submission.status().name())
				.param("version", submission.version())
				.update();
			if (moved != 1) {
				throw new IllegalStateException("报送批次 %s 已被他人处理（现为「%s」），请刷新后重试".formatted(submission.batchNo(),
						require(submission.id()).status().label()));
			}
			if (alongside != null) {
				alongside.run();
			}
			event(submission.id(), actor, action, submission.status(), to, note, now);
			return require(submission.id());
		});
	}

	private Organisation registrarsOrganisation(OfficeUser actor) {
		if ((actor.role() != OfficeRole.UNIT_REGISTRAR && actor.role() != OfficeRole.BASE_REGISTRAR)
				|| actor.organisationId() == null) {
			throw new NotPermittedException(
					"账号 %s（%s）不能报送：只有单位或继续教育基地的登记员可以报送".formatted(actor.username(), actor.role().label()));
		}
		Organisation organisation = this.organisations.findById(actor.organisationId())
			.orElseThrow(() -> new IllegalStateException(
					"账号 %s 的所属单位 #%d 不存在".formatted(actor.username(), actor.organisationId())));
		Organisation.Kind expected = (actor.role() == OfficeRole.UNIT_REGISTRAR) ? Organisation.Kind.UNIT
				: Organisation.Kind.BASE;
		if (organisation.kind() != expected) {
			throw new NotPermittedException("账号 %s 是%s，但「%s」是%s".formatted(actor.username(), actor.role().label(),
					organisation.name(), organisation.kind().label()));
		}
		return organisation;
	}

	private Submission editable(OfficeUser actor, long id) {
		Submission submission = require(id);
		Organisation organisation = registrarsOrganisation(actor);
		if (organisation.id() != submission.submitterId()) {
			throw notPermitted(actor, submission, "只有报送单位本身可以修改和报送");
		}
		if (submission.status() != SubmissionStatus.DRAFT && submission.status() != SubmissionStatus.RETURNED) {
			throw new IllegalStateException(
					"报送批次 %s 现为「%s」，只有草稿或已退回的批次可以修改和报送".formatted(submission.batchNo(), submission.status().label()));
		}
		return submission;
	}

	private Submission atOwnOffice(OfficeUser actor, long id) {
		Submission submission = require(id);
		if (!actor.role().hrssOffice()) {
			throw notPermitted(actor, submission, "只有人力资源社会保障部门可以受理和验证（第十三条）");
		}
		if (!actor.officeChannel().equals(submission.channelCode())) {
			throw notPermitted(actor, submission, "该批次不属于您的发证机关");
		}
		if (!submission.atOffice()) {
			throw new IllegalStateException(
					"报送批次 %s 现为「%s」，尚未报送到人社部门".formatted(submission.batchNo(), submission.status().label()));
		}
		return submission;
	}

	private boolean visible(OfficeUser actor, Submission submission) {
		if (actor.role().hrssOffice()) {
			return actor.officeChannel().equals(submission.channelCode()) && submission.atOffice();
		}
		if (actor.role() == OfficeRole.DEPT_REVIEWER) {
			return actor.departmentId() != null && actor.departmentId().equals(submission.departmentId())
					&& submission.status() != SubmissionStatus.DRAFT;
		}
		return actor.organisationId() != null && actor.organisationId() == submission.submitterId();
	}

	private static void expect(Submission submission, SubmissionStatus status) {
		if (submission.status() != status) {
			throw new IllegalStateException("报送批次 %s 现为「%s」，此操作须在「%s」时进行".formatted(submission.batchNo(),
					submission.status().label(), status.label()));
		}
	}

	private void requireMember(Submission submission, long entryId) {
		Integer found = this.jdbc
			.sql("SELECT COUNT(*) FROM submission_entry WHERE submission_id = :id AND entry_id = :entry")
			.param("id", submission.id())
			.param("entry", entryId)
			.query(Integer.class)
			.single();
		if (found == 0) {
			throw new IllegalArgumentException("登记记录 #%d 不在报送批次 %s 中".formatted(entryId, submission.batchNo()));
		}
	}

	/**
	 * A refusal that names the batch by its id only: an account refused a batch may not
	 * learn its number, submitter or status.
	 */
	private static NotPermittedException notPermitted(OfficeUser actor, Submission submission, String why) {
		return new NotPermittedException(
				"账号 %s（%s）不能处理报送批次 #%d：%s".formatted(actor.username(), actor.role().label(), submission.id(), why));
	}

	private Submission require(long id) {
		return findForPrinting(id).orElseThrow(() -> new NoSuchElementException("报送批次 #" + id + " 不存在"));
	}

	private List<Long> unsubmittedPending(long organisationId) {
		Set<Long> submitted = new java.util.HashSet<>(this.jdbc.sql("""
				SELECT se.entry_id FROM submission_entry se JOIN submission s ON s.id = se.submission_id
				WHERE s.submitter_id = :org
				""").param("org", organisationId).query(Long.class).list());
		return this.entries.findPendingByRegisteringBody(organisationId)
			.stream()
			.map(RegistrationEntry::id)
			.filter((id) -> !submitted.contains(id))
			.toList();
	}

	private long insertSubmission(Organisation submitter, OfficeUser actor, LocalDateTime now) {
		var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc
			.sql("""
					INSERT INTO submission (batch_no, submitter_id, department_id, channel_code, status, created_by, created_at)
					VALUES (:batch, :submitter, :department, :channel, 'DRAFT', :by, :at)
					""")
			.param("batch", newBatchNo(submitter, now.getYear()))
			.param("submitter", submitter.id())
			.param("department", (submitter.kind() == Organisation.Kind.UNIT) ? submitter.departmentId() : null)
			.param("channel", submitter.channelCode())
			.param("by", actor.username())
			.param("at", now)
			.update(key, "id");
		return key.getKey().longValue();
	}

	private void attach(long id, Organisation submitter, List<Long> entryIds) {
		Map<Long, RegistrationEntry> found = UniqueRows.byKey(this.entries.findByIds(entryIds), RegistrationEntry::id,
				"登记记录");
		for (long entryId : entryIds) {
			RegistrationEntry entry = found.get(entryId);
			if (entry == null) {
				throw new IllegalArgumentException("登记记录 #%d 不存在".formatted(entryId));
			}
			if (entry.registeredById() != submitter.id()) {
				throw new IllegalArgumentException("登记记录 #%d 由「%s」登记，不能由「%s」报送（第十条）".formatted(entryId,
						entry.registeredByName(), submitter.name()));
			}
			if (entry.status() != org.ceprint.registry.EntryStatus.PENDING) {
				throw new IllegalArgumentException(
						"登记记录 #%d 的状态为「%s」，不能再报送".formatted(entryId, entry.status().label()));
			}
			// an entry already in a batch fails on submission_entry's key: see attaching
			this.jdbc.sql("INSERT INTO submission_entry (entry_id, submission_id) VALUES (:entry, :id)")
				.param("entry", entryId)
				.param("id", id)
				.update();
		}
	}

	/**
	 * Runs work that puts entries into a batch as one transaction. Two drafts of the same
	 * entries meet on submission_entry's key: the first keeps them, the others fail on a
	 * duplicate key (or, on MariaDB, a lock wait or deadlock) and are refused naming the
	 * entries now in a batch; a lock conflict that took none of them is tried once more.
	 * @throws IllegalStateException when an entry is already in a batch
	 */
	private Submission attaching(Organisation submitter, List<Long> entryIds, Supplier<Submission> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transaction.execute((status) -> work.get());
			}
			catch (DuplicateKeyException | ConcurrencyFailureException ex) {
				// read after the rollback: the snapshot of the failed transaction may
				// predate the winner's commit
				String taken = alreadyInBatches(submitter.id(), entryIds);
				if (taken != null) {
					throw new IllegalStateException(taken, ex);
				}
				if (attempt == 2) {
					throw new IllegalStateException("同时有其他报送在保存这些登记，未能保存，请刷新后重试", ex);
				}
			}
		}
	}

	/**
	 * The entries of these that are in a batch of the body, by batch, in words; null when
	 * none is.
	 */
	private String alreadyInBatches(long submitterId, List<Long> entryIds) {
		if (entryIds.isEmpty()) {
			return null;
		}
		Map<String, List<Long>> byBatch = new java.util.TreeMap<>();
		this.jdbc.sql("""
				SELECT s.batch_no, se.entry_id FROM submission_entry se JOIN submission s ON s.id = se.submission_id
				WHERE s.submitter_id = :org AND se.entry_id IN (:entries)
				ORDER BY se.entry_id
				""").param("org", submitterId).param("entries", entryIds).query((rs, row) -> {
			byBatch.computeIfAbsent(rs.getString(1), (batch) -> new ArrayList<>()).add(rs.getLong(2));
			return null;
		}).list();
		if (byBatch.isEmpty()) {
			return null;
		}
		return byBatch.entrySet()
			.stream()
			.map((batch) -> "登记记录 %s 已在报送批次 %s 中".formatted(
					batch.getValue().stream().map((entry) -> "#" + entry).collect(Collectors.joining("、")),
					batch.getKey()))
			.collect(Collectors.joining("；", "", "，不能再加入其他批次"));
	}

	/**
	 * A new batch number, {@code <credit code>-<year>-<nn>} with nn from a sequence: no
	 * two drafts draw the same nn. Numbers given before the sequence counted per body, so
	 * one of those is skipped rather than repeated.
	 */
	private String newBatchNo(Organisation submitter, int year) {
		while (true) {
			long next = this.jdbc.sql("SELECT NEXT VALUE FOR submission_batch_seq").query(Long.class).single();
			String batchNo = "%s-%d-%02d".formatted(submitter.creditCode(), year, next);
			if (idOfBatch(batchNo).isEmpty()) {
				return batchNo;
			}
		}
	}

	private void event(long id, OfficeUser actor, String action, SubmissionStatus from, SubmissionStatus to,
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
			.param("action", action)
			.param("from", (from != null) ? from.name() : null)
			.param("to", to.name())
			.param("note", (note != null && note.length() > 300) ? note.substring(0, 300) : note)
			.update();
	}

	private Submission submission(ResultSet rs, int row) throws SQLException {
		return new Submission(rs.getLong("id"), rs.getString("batch_no"), rs.getLong("submitter_id"),
				rs.getString("submitter_name"), rs.getString("submitter_kind"), rs.getString("submitter_credit_code"),
				rs.getObject("department_id", Long.class), rs.getString("department_name"),
				rs.getString("channel_code"), rs.getString("office_name"),
				SubmissionStatus.valueOf(rs.getString("status")), rs.getString("review_opinion"),
				rs.getString("reviewed_by"), time(rs, "reviewed_at"), rs.getString("verification_opinion"),
				rs.getString("closed_by"), time(rs, "closed_at"), rs.getString("created_by"), time(rs, "created_at"),
				rs.getInt("entry_count"), rs.getInt("version"));
	}

	private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
		java.sql.Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toLocalDateTime() : null;
	}

	private static BigDecimal sum(List<RegistrationEntry> entries, SubjectType type) {
		return entries.stream()
			.filter((entry) -> entry.subjectType() == type)
			.map(RegistrationEntry::hours)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static String describe(RegistrationEntry other) {
		return "#%d %s %s–%s（%s）".formatted(other.id(), other.projectName(), other.startDate(), other.endDate(),
				other.status().label());
	}

	private LocalDateTime now() {
		return LocalDateTime.now(this.clock);
	}

}
