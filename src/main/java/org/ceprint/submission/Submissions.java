package org.ceprint.submission;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.RegistrationEntries;
import org.ceprint.registry.SubjectType;
import org.ceprint.submission.internal.ClosingOpinion;
import org.ceprint.submission.internal.Decision;
import org.ceprint.submission.internal.EntryChecks;
import org.ceprint.submission.internal.EntryReview;
import org.ceprint.submission.internal.EntryReviews;
import org.ceprint.submission.internal.RejectionReason;
import org.ceprint.submission.internal.Submission;
import org.ceprint.submission.internal.SubmissionAction;
import org.ceprint.submission.internal.SubmissionClosed;
import org.ceprint.submission.internal.SubmissionDrafts;
import org.ceprint.submission.internal.SubmissionEvent;
import org.ceprint.submission.internal.SubmissionLog;
import org.ceprint.submission.internal.SubmissionPolicy;
import org.ceprint.submission.internal.SubmissionRepository;
import org.ceprint.submission.internal.SubmissionStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The submission workflow (第十至十三条): the state machine of a batch and its event log. Every
 * method takes the signed-in account and checks it against {@link SubmissionPolicy}
 * first. Every transition is one transaction that also writes its event, and it moves
 * only from the status it was read in, so two clerks cannot close or review the same
 * batch twice.
 * <p>
 * A little over 300 lines on purpose: these are the workflow's transitions, one state
 * machine read best side by side; the SQL, the permissions, the drafts, the entry checks
 * and the opinion's wording live in their own classes.
 */
@Service
public class Submissions {

	private final SubmissionRepository repository;

	private final SubmissionDrafts drafts;

	private final SubmissionLog log;

	private final SubmissionPolicy policy;

	private final EntryChecks checks;

	private final EntryReviews reviews;

	private final RegistrationEntries entries;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Submissions(SubmissionRepository repository, SubmissionDrafts drafts, SubmissionLog log, SubmissionPolicy policy,
			EntryChecks checks, EntryReviews reviews, RegistrationEntries entries, ApplicationEventPublisher events,
			TransactionTemplate transaction, Clock clock) {
		this.repository = repository;
		this.drafts = drafts;
		this.log = log;
		this.policy = policy;
		this.checks = checks;
		this.reviews = reviews;
		this.entries = entries;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Drafts a submission of the registrar's own base or unit: the given pending entries,
	 * or every pending entry not yet in a submission when none are given.
	 * @throws ConflictException when an entry is in a batch already, also one drafted at
	 * the same moment, naming the entries and the batch
	 */
	public Submission draft(OfficeUser actor, List<Long> entryIds) {
		return this.drafts.draft(actor, entryIds);
	}

	/** The base or unit the registrar submits for (see {@link SubmissionPolicy}). */
	public Organisation submitterOf(OfficeUser actor) {
		return this.policy.submitterOf(actor);
	}

	/** Of these entries, in their order, those a new draft of the body may take. */
	public List<Long> draftable(long organisationId, List<Long> entryIds) {
		return this.checks.draftable(organisationId, entryIds);
	}

	/** Adds pending entries to a draft or returned submission. */
	public Submission addEntries(OfficeUser actor, long id, List<Long> entryIds) {
		return this.drafts.addEntries(actor, id, entryIds);
	}

	/**
	 * Takes an entry out of a draft or returned submission; it stays pending in the
	 * registry.
	 */
	public Submission removeEntry(OfficeUser actor, long id, long entryId) {
		return this.drafts.removeEntry(actor, id, entryId);
	}

	/** Corrects an entry's hours and subject type on a draft or returned submission. */
	public Submission correctEntry(OfficeUser actor, long id, long entryId, BigDecimal hours, SubjectType subjectType) {
		return this.drafts.correctEntry(actor, id, entryId, hours, subjectType);
	}

	/**
	 * Submits a draft, or resubmits a returned one: to the department, or for a base to
	 * the office.
	 */
	public Submission submit(OfficeUser actor, long id, String note) {
		Submission submission = this.repository.require(id);
		this.policy.requireEditable(actor, submission);
		if (submission.entryCount() == 0) {
			throw new ConflictException("报送批次 %s 没有登记，不能报送".formatted(submission.batchNo()));
		}
		return transition(actor, submission, SubmissionStatus.SUBMITTED,
				(submission.status() == SubmissionStatus.RETURNED) ? SubmissionAction.RESUBMIT
						: SubmissionAction.SUBMIT,
				note, null);
	}

	/**
	 * The supervising department's review (第十一条): approve to the office, or return with a
	 * reason.
	 */
	public Submission review(OfficeUser actor, long id, boolean approve, String opinion) {
		Submission submission = this.repository.require(id);
		this.policy.requireReviewer(actor, submission);
		expect(submission, SubmissionStatus.SUBMITTED);
		if (!approve && (opinion == null || opinion.isBlank())) {
			throw new InvalidRequestException("退回报送批次 %s 须写明理由（opinion）".formatted(submission.batchNo()));
		}
		String text = (opinion == null || opinion.isBlank()) ? "经审核，同意报送验证。" : opinion.strip();
		LocalDateTime now = now();
		return transition(actor, submission, approve ? SubmissionStatus.APPROVED : SubmissionStatus.RETURNED,
				approve ? SubmissionAction.APPROVE : SubmissionAction.RETURN, text,
				() -> this.repository.recordReview(id, text, actor.username(), now));
	}

	/** The HRSS office of the submitter's channel takes the batch in for verification. */
	public Submission receive(OfficeUser actor, long id) {
		Submission submission = atOwnOffice(actor, id);
		if (submission.status() != SubmissionStatus.APPROVED
				&& !(submission.status() == SubmissionStatus.SUBMITTED && submission.departmentId() == null)) {
			throw new ConflictException(
					"报送批次 %s 现为「%s」，尚不能受理".formatted(submission.batchNo(), submission.status().label()));
		}
		return transition(actor, submission, SubmissionStatus.RECEIVED, SubmissionAction.RECEIVE, null, null);
	}

	/**
	 * Verifies or rejects one entry of a received batch; a decision can be changed until
	 * the batch is closed.
	 */
	public EntryReview decide(OfficeUser actor, long id, long entryId, Decision decision, RejectionReason reason,
			String note) {
		Submission submission = atOwnOffice(actor, id);
		expect(submission, SubmissionStatus.RECEIVED);
		this.checks.requireMember(submission, entryId);
		this.policy.requireOutsider(actor, submission, this.entries.findByIds(List.of(entryId)).get(0));
		if (decision == Decision.REJECTED && reason == null) {
			throw new InvalidRequestException("不予验证登记 #%d 须选择理由（reason）".formatted(entryId));
		}
		LocalDateTime now = now();
		RejectionReason stored = (decision == Decision.REJECTED) ? reason : null;
		String storedNote = (note == null || note.isBlank()) ? null : note.strip();
		this.transaction.executeWithoutResult((status) -> {
			this.repository.recordDecision(id, entryId, decision, stored, storedNote, actor.username(), now);
			this.log.append(id, actor, SubmissionAction.DECIDE, submission.status(), submission.status(), "登记 #%d：%s%s"
				.formatted(entryId, decision.label(), (stored != null) ? "（" + stored.label() + "）" : ""), now);
		});
		return reviews(actor, id).stream().filter((review) -> review.entry().id() == entryId).findFirst().orElseThrow();
	}

	/** Closes a batch with the seal overlays of the verified booklets (see below). */
	public Submission close(OfficeUser actor, long id, String opinion) {
		return close(actor, id, opinion, false);
	}

	/**
	 * Closes a batch whose every entry is decided: the decisions go into the registry
	 * (office, clerk and date on each verified entry; the reason on each rejected one) in
	 * the same transaction as the status and a {@link SubmissionClosed} event. Returns
	 * once that is committed; the papers are printed afterwards, on another thread, by
	 * {@link SubmissionPapers}.
	 * @param fullReprints print the booklets of verified entries again in full instead of
	 * the overlay pages, where the office prefers
	 */
	public Submission close(OfficeUser actor, long id, String opinion, boolean fullReprints) {
		Submission submission = atOwnOffice(actor, id);
		expect(submission, SubmissionStatus.RECEIVED);
		List<EntryReview> decided = this.reviews.of(id);
		List<Integer> undecided = decided.stream()
			.filter((review) -> review.decision() == null)
			.map(EntryReview::seq)
			.toList();
		if (!undecided.isEmpty()) {
			throw new ConflictException(
					"报送批次 %s 还有 %d 条登记未作结论（序号 %s），不能办结".formatted(submission.batchNo(), undecided.size(), undecided));
		}
		String text = (opinion == null || opinion.isBlank()) ? ClosingOpinion.composed(decided) : opinion.strip();
		LocalDateTime now = now();
		return transition(actor, submission, SubmissionStatus.CLOSED, SubmissionAction.CLOSE, text, () -> {
			this.entries.recordVerified(decided.stream()
				.filter((review) -> review.decision() == Decision.VERIFIED)
				.map((review) -> review.entry().id())
				.toList(), submission.channelCode(), actor.username(), now);
			for (EntryReview review : decided) {
				if (review.decision() == Decision.REJECTED) {
					this.entries.recordRejected(review.entry().id(), ClosingOpinion.rejection(review), actor.username(),
							now);
				}
			}
			this.repository.recordClosing(id, text, actor.username(), now);
			this.events.publishEvent(new SubmissionClosed(id, fullReprints));
		});
	}

	/** One submission, if the account may see it. */
	public Submission find(OfficeUser actor, long id) {
		Submission submission = this.repository.require(id);
		this.policy.requireVisible(actor, submission);
		return submission;
	}

	/** The submissions the account works on, newest first, optionally of one status. */
	public List<Submission> queue(OfficeUser actor, SubmissionStatus status) {
		return this.repository.queue(this.policy.queueScope(actor), status);
	}

	/** The history of a submission, oldest first. */
	public List<SubmissionEvent> history(OfficeUser actor, long id) {
		find(actor, id);
		return this.log.history(id);
	}

	/** The entries of a submission in table order, each with its decision and checks. */
	public List<EntryReview> reviews(OfficeUser actor, long id) {
		find(actor, id);
		return this.reviews.of(id);
	}

	public List<EntryReview> reviews(long id) {
		return this.reviews.of(id);
	}

	/**
	 * The id of the submission with this batch number (for the operator's command line).
	 */
	public Optional<Long> idOfBatch(String batchNo) {
		return this.repository.idOfBatch(batchNo);
	}

	/**
	 * For printing: a submission by id, without an account (the print run checked it was
	 * closed).
	 */
	public Optional<Submission> findForPrinting(long id) {
		return this.repository.find(id);
	}

	private Submission transition(OfficeUser actor, Submission submission, SubmissionStatus to, SubmissionAction action,
			String note, Runnable alongside) {
		LocalDateTime now = now();
		return this.transaction.execute((status) -> {
			if (!this.repository.move(submission, to)) {
				throw new ConflictException("报送批次 %s 已被他人处理（现为「%s」），请刷新后重试".formatted(submission.batchNo(),
						this.repository.require(submission.id()).status().label()));
			}
			if (alongside != null) {
				alongside.run();
			}
			this.log.append(submission.id(), actor, action, submission.status(), to, note, now);
			return this.repository.require(submission.id());
		});
	}

	private Submission atOwnOffice(OfficeUser actor, long id) {
		Submission submission = this.repository.require(id);
		this.policy.requireOwnOffice(actor, submission);
		return submission;
	}

	private static void expect(Submission submission, SubmissionStatus status) {
		if (submission.status() != status) {
			throw new ConflictException("报送批次 %s 现为「%s」，此操作须在「%s」时进行".formatted(submission.batchNo(),
					submission.status().label(), status.label()));
		}
	}

	private LocalDateTime now() {
		return LocalDateTime.now(this.clock);
	}

}
