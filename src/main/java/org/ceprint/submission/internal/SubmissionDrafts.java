package org.ceprint.submission.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.registry.Hours;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.RegistrationEntries;
import org.ceprint.registry.RegistrationEntry;
import org.ceprint.registry.SubjectType;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A registrar's work on a batch before it leaves the body: drafting it, adding and
 * removing entries, correcting an entry's hours. Each change is one transaction with its
 * event.
 */
@Component
public class SubmissionDrafts {

	private final SubmissionRepository repository;

	private final SubmissionLog log;

	private final SubmissionPolicy policy;

	private final EntryChecks checks;

	private final RegistrationEntries entries;

	private final TransactionTemplate transaction;

	private final Clock clock;

	SubmissionDrafts(SubmissionRepository repository, SubmissionLog log, SubmissionPolicy policy, EntryChecks checks,
			RegistrationEntries entries, TransactionTemplate transaction, Clock clock) {
		this.repository = repository;
		this.log = log;
		this.policy = policy;
		this.checks = checks;
		this.entries = entries;
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
		Organisation submitter = this.policy.submitterOf(actor);
		List<Long> chosen = (entryIds == null || entryIds.isEmpty()) ? this.checks.unsubmittedPending(submitter.id())
				: List.copyOf(new LinkedHashSet<>(entryIds));
		if (chosen.isEmpty()) {
			throw new InvalidRequestException("「%s」没有尚未报送的待验证登记".formatted(submitter.name()));
		}
		LocalDateTime now = now();
		return this.checks.attaching(submitter, chosen, () -> {
			long id = this.repository.insert(submitter, newBatchNo(submitter, now.getYear()), actor.username(), now);
			this.checks.attach(id, submitter, chosen);
			this.log.append(id, actor, SubmissionAction.DRAFT, null, SubmissionStatus.DRAFT,
					"%d 条登记".formatted(chosen.size()), now);
			return this.repository.require(id);
		});
	}

	/** Adds pending entries to a draft or returned submission. */
	public Submission addEntries(OfficeUser actor, long id, List<Long> entryIds) {
		Submission submission = editable(actor, id);
		Organisation submitter = this.policy.registrarsOrganisation(actor);
		List<Long> added = List.copyOf(new LinkedHashSet<>(entryIds));
		return this.checks.attaching(submitter, added, () -> {
			this.checks.attach(id, submitter, added);
			this.log.append(id, actor, SubmissionAction.ADD, submission.status(), submission.status(),
					"加入登记 " + entryIds, now());
			return this.repository.require(id);
		});
	}

	/**
	 * Takes an entry out of a draft or returned submission; it stays pending in the
	 * registry.
	 */
	public Submission removeEntry(OfficeUser actor, long id, long entryId) {
		Submission submission = editable(actor, id);
		return this.transaction.execute((status) -> {
			if (!this.repository.detach(id, entryId)) {
				throw EntryChecks.notInBatch(entryId, submission);
			}
			this.log.append(id, actor, SubmissionAction.REMOVE, submission.status(), submission.status(),
					"移出登记 #" + entryId, now());
			return this.repository.require(id);
		});
	}

	/** Corrects an entry's hours and subject type on a draft or returned submission. */
	public Submission correctEntry(OfficeUser actor, long id, long entryId, BigDecimal hours, SubjectType subjectType) {
		Submission submission = editable(actor, id);
		this.checks.requireMember(submission, entryId);
		return this.transaction.execute((status) -> {
			RegistrationEntry before = this.entries.findByIds(List.of(entryId)).get(0);
			this.entries.correctPending(entryId, hours, subjectType);
			this.log.append(id, actor, SubmissionAction.CORRECT, submission.status(), submission.status(),
					"登记 #%d：%s %s → %s %s".formatted(entryId, before.subjectType().label(),
							Hours.of(before.hours()).withUnit(), subjectType.label(), Hours.of(hours).withUnit()),
					now());
			return this.repository.require(id);
		});
	}

	/**
	 * A new batch number, {@code <credit code>-<year>-<nn>} with nn from a sequence: no
	 * two drafts draw the same nn. Numbers given before the sequence counted per body, so
	 * one of those is skipped rather than repeated.
	 */
	private String newBatchNo(Organisation submitter, int year) {
		while (true) {
			String batchNo = "%s-%d-%02d".formatted(submitter.creditCode(), year, this.repository.nextBatchSequence());
			if (this.repository.idOfBatch(batchNo).isEmpty()) {
				return batchNo;
			}
		}
	}

	private Submission editable(OfficeUser actor, long id) {
		Submission submission = this.repository.require(id);
		this.policy.requireEditable(actor, submission);
		return submission;
	}

	private LocalDateTime now() {
		return LocalDateTime.now(this.clock);
	}

}
