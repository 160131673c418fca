package org.ceprint.registry;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads registration entries, always in the order they are written in a booklet.
 */
@Repository
@Transactional(readOnly = true)
public class RegistrationEntries {

	private final JdbcClient jdbc;

	RegistrationEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns each person's entries by start date; people without entries are absent.
	 */
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

}
