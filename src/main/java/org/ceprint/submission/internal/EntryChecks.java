package org.ceprint.submission.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.registry.EntryStatus;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.RegistrationEntries;
import org.ceprint.registry.RegistrationEntry;
import org.ceprint.registry.UniqueRows;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which entries may go into a batch (第十条): pending, registered by the submitting body,
 * and in no batch yet; and the transaction that puts them in, which two drafts of the
 * same entries meet on submission_entry's key.
 */
@Component
public class EntryChecks {

	private final SubmissionRepository repository;

	private final RegistrationEntries entries;

	private final TransactionTemplate transaction;

	EntryChecks(SubmissionRepository repository, RegistrationEntries entries, TransactionTemplate transaction) {
		this.repository = repository;
		this.entries = entries;
		this.transaction = transaction;
	}

	/** The body's pending entries in none of its batches yet. */
	List<Long> unsubmittedPending(long organisationId) {
		Set<Long> submitted = this.repository.submittedEntryIds(organisationId);
		return this.entries.findPendingByRegisteringBody(organisationId)
			.stream()
			.map(RegistrationEntry::id)
			.filter((id) -> !submitted.contains(id))
			.toList();
	}

	/** Of these entries, in their order, those a new draft of the body may take. */
	public List<Long> draftable(long organisationId, List<Long> entryIds) {
		Set<Long> open = new HashSet<>(unsubmittedPending(organisationId));
		return entryIds.stream().filter(open::contains).toList();
	}

	/**
	 * Puts the entries into the batch, each checked first.
	 * @throws InvalidRequestException for an unknown entry, another body's, or one no
	 * longer pending
	 */
	void attach(long id, Organisation submitter, List<Long> entryIds) {
		Map<Long, RegistrationEntry> found = UniqueRows.byKey(this.entries.findByIds(entryIds), RegistrationEntry::id,
				"登记记录");
		for (long entryId : entryIds) {
			RegistrationEntry entry = found.get(entryId);
			if (entry == null) {
				throw new InvalidRequestException("登记记录 #%d 不存在".formatted(entryId));
			}
			if (entry.registeredById() != submitter.id()) {
				throw new InvalidRequestException("登记记录 #%d 由「%s」登记，不能由「%s」报送（第十条）".formatted(entryId,
						entry.registeredByName(), submitter.name()));
			}
			if (entry.status() != EntryStatus.PENDING) {
				throw new InvalidRequestException("登记记录 #%d 的状态为「%s」，不能再报送".formatted(entryId, entry.status().label()));
			}
			// an entry already in a batch fails on submission_entry's key: see attaching
			this.repository.attach(id, entryId);
		}
	}

	/**
	 * @throws InvalidRequestException when the entry is not in the batch
	 */
	public void requireMember(Submission submission, long entryId) {
		if (!this.repository.contains(submission.id(), entryId)) {
			throw notInBatch(entryId, submission);
		}
	}

	static InvalidRequestException notInBatch(long entryId, Submission submission) {
		return new InvalidRequestException("登记记录 #%d 不在报送批次 %s 中".formatted(entryId, submission.batchNo()));
	}

	/**
	 * Runs work that puts entries into a batch as one transaction. Two drafts of the same
	 * entries meet on submission_entry's key: the first keeps them, the others fail on a
	 * duplicate key (or, on MariaDB, a lock wait or deadlock) and are refused naming the
	 * entries now in a batch; a lock conflict that took none of them is tried once more.
	 * @throws ConflictException when an entry is already in a batch
	 */
	<T> T attaching(Organisation submitter, List<Long> entryIds, Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transaction.execute((status) -> work.get());
			}
			catch (DuplicateKeyException | ConcurrencyFailureException ex) {
				// read after the rollback: the snapshot of the failed transaction may
				// predate the winner's commit
				String taken = alreadyInBatches(submitter.id(), entryIds);
				if (taken != null) {
					throw new ConflictException(taken, ex);
				}
				if (attempt == 2) {
					throw new ConflictException("同时有其他报送在保存这些登记，未能保存，请刷新后重试", ex);
				}
			}
		}
	}

	/**
	 * The entries of these that are in a batch of the body, in words; null when none is.
	 */
	private String alreadyInBatches(long submitterId, List<Long> entryIds) {
		Map<String, List<Long>> byBatch = this.repository.batchesHolding(submitterId, entryIds);
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

}
