package org.ceprint.registry;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.registry.internal.RegistryRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads registration entries, always in the order they are written in a booklet, and
 * records the HRSS office's decision on each.
 */
@Repository
@Transactional(readOnly = true)
public class RegistrationEntries {

	private final JdbcClient jdbc;

	RegistrationEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns each person's entries by start date; people without entries are absent. One
	 * query, so no transaction of its own: it joins the caller's, if any.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<Long, List<RegistrationEntry>> findByPersonIds(Collection<Long> personIds) {
		if (personIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc
			.sql(RegistryRows.ENTRY_SELECT + " WHERE e.person_id IN (:ids) ORDER BY e.person_id, e.start_date, e.id")
			.param("ids", personIds)
			.query(RegistryRows::entry)
			.list()
			.stream()
			.collect(Collectors.groupingBy(RegistrationEntry::personId));
	}

	/**
	 * Returns the entries a base or unit registered with a start date in the given year,
	 * by holder and date: the rows of that body's summary table (登记汇总表) for the year.
	 */
	public List<RegistrationEntry> findByRegisteringBodyAndYear(long organisationId, int year) {
		return this.jdbc.sql(RegistryRows.ENTRY_SELECT + """
				 WHERE e.registered_by_id = :org AND e.start_date >= :from AND e.start_date < :to
				 ORDER BY e.person_id, e.start_date, e.id
				""")
			.param("org", organisationId)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query(RegistryRows::entry)
			.list();
	}

	/**
	 * The latest year in which any entry starts, if there are entries.
	 */
	public Optional<Integer> latestYear() {
		return this.jdbc.sql("SELECT MAX(start_date) FROM registration_entry")
			.query(Date.class)
			.optional()
			.map((date) -> date.toLocalDate().getYear());
	}

	/**
	 * The earliest year in which any entry starts, if there are entries.
	 */
	public Optional<Integer> earliestYear() {
		return this.jdbc.sql("SELECT MIN(start_date) FROM registration_entry")
			.query(Date.class)
			.optional()
			.map((date) -> date.toLocalDate().getYear());
	}

	/** The entries with these ids, by holder, date and id. */
	public List<RegistrationEntry> findByIds(Collection<Long> entryIds) {
		if (entryIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql(RegistryRows.ENTRY_SELECT + " WHERE e.id IN (:ids) ORDER BY e.person_id, e.start_date, e.id")
			.param("ids", entryIds)
			.query(RegistryRows::entry)
			.list();
	}

	/** The entries a base or unit registered that are still waiting for verification. */
	public List<RegistrationEntry> findPendingByRegisteringBody(long organisationId) {
		return this.jdbc.sql(RegistryRows.ENTRY_SELECT + """
				 WHERE e.registered_by_id = :org AND e.status = :pending
				 ORDER BY e.person_id, e.start_date, e.id
				""")
			.param("org", organisationId)
			.param("pending", EntryStatus.PENDING.name())
			.query(RegistryRows::entry)
			.list();
	}

	/**
	 * For each given entry, the person's other entries for the same project over
	 * overlapping dates that are verified or still pending: possible double
	 * registrations.
	 */
	public Map<Long, List<RegistrationEntry>> possibleDuplicates(Collection<Long> entryIds) {
		if (entryIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<RegistrationEntry>> found = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT e.id, o.id FROM registration_entry e
				JOIN registration_entry o ON o.person_id = e.person_id AND o.id <> e.id
				     AND o.project_name = e.project_name AND o.start_date <= e.end_date AND o.end_date >= e.start_date
				     AND o.status IN (:standing)
				WHERE e.id IN (:ids) ORDER BY e.id, o.id
				""")
			.param("standing", List.of(EntryStatus.VERIFIED.name(), EntryStatus.PENDING.name()))
			.param("ids", entryIds)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list()
			.forEach((pair) -> found.computeIfAbsent(pair[0], (id) -> new ArrayList<>())
				.add(findByIds(List.of(pair[1])).get(0)));
		return found;
	}

	/**
	 * Records the HRSS office's verification (第十三条) of pending entries. Fails, changing
	 * nothing the caller's transaction does not roll back, when one is no longer pending.
	 */
	public void recordVerified(Collection<Long> entryIds, String channelCode, String clerk, LocalDateTime at) {
		if (entryIds.isEmpty()) {
			return;
		}
		int updated = this.jdbc.sql("""
				UPDATE registration_entry SET status = :verified, verified_by_channel = :channel,
				       verified_by_clerk = :clerk, verified_at = :at, rejection_reason = NULL
				WHERE id IN (:ids) AND status = :pending
				""")
			.param("verified", EntryStatus.VERIFIED.name())
			.param("pending", EntryStatus.PENDING.name())
			.param("channel", channelCode)
			.param("clerk", clerk)
			.param("at", at)
			.param("ids", entryIds)
			.update();
		if (updated != entryIds.size()) {
			throw new ConflictException("登记记录 %s 中有 %d 条已不是待验证状态，验证未保存".formatted(entryIds, entryIds.size() - updated));
		}
	}

	/** Records that the office did not accept a pending entry, and why. */
	public void recordRejected(long entryId, String reason, String clerk, LocalDateTime at) {
		int updated = this.jdbc.sql("""
				UPDATE registration_entry SET status = :rejected, rejection_reason = :reason,
				       verified_by_clerk = :clerk, verified_at = :at
				WHERE id = :id AND status = :pending
				""")
			.param("rejected", EntryStatus.REJECTED.name())
			.param("pending", EntryStatus.PENDING.name())
			.param("reason", reason)
			.param("clerk", clerk)
			.param("at", at)
			.param("id", entryId)
			.update();
		if (updated != 1) {
			throw new ConflictException("登记记录 #%d 已不是待验证状态，不能退回".formatted(entryId));
		}
	}

	/**
	 * Corrects the hours and subject type of an entry still pending, as a registrar does
	 * on a returned submission.
	 */
	public void correctPending(long entryId, BigDecimal hours, SubjectType subjectType) {
		if (hours == null || hours.signum() <= 0 || Hours.of(hours).isMoreThan(RegistrationChecks.MAX_HOURS)) {
			throw new InvalidRequestException("登记记录 #%d 学时：%s 不在 0–999 之间".formatted(entryId, hours));
		}
		int updated = this.jdbc.sql("""
				UPDATE registration_entry SET hours = :hours, subject_type = :subject
				WHERE id = :id AND status = :pending
				""")
			.param("pending", EntryStatus.PENDING.name())
			.param("hours", hours)
			.param("subject", subjectType.name())
			.param("id", entryId)
			.update();
		if (updated != 1) {
			throw new ConflictException("登记记录 #%d 已验证或已退回，不能再修改".formatted(entryId));
		}
	}

}
