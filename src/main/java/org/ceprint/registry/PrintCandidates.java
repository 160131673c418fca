package org.ceprint.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registry's records that a print run may print, as queries over the registry's
 * tables. Each query yields {@code document_key, partition_code, unit_id, document_no}
 * and is handed to the caller as SQL with its parameters, so that a print run can claim
 * its whole selection in one {@code INSERT … SELECT} without any row passing through
 * memory; the joins and the status values stay here.
 * <p>
 * The queries use joins and {@code EXISTS}, not {@code col IN (SELECT …)}: H2 2.4 (and
 * 2.5) returns some rows twice when a prepared query whose index lookup is an
 * {@code IN (SELECT …)} runs again with new parameters, which is how a paging reader runs
 * it (reproduced in {@code EmbeddedDatabaseTests}); it made the default demo print a
 * unit's register cards twice in one chunk and fail.
 */
@Repository
public class PrintCandidates {

	private static final String CERTIFICATES = """
			SELECT c.id AS document_key, c.channel_code AS partition_code, p.unit_id AS unit_id,
			       c.certificate_no AS document_no
			FROM certificate c JOIN person p ON p.id = c.person_id""";

	private final JdbcClient jdbc;

	PrintCandidates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Valid certificates, by city; unprinted ones unless {@code reprint}. */
	public Query certificates(Scope scope, boolean reprint) {
		Query query = new Query(CERTIFICATES).where("c.status = :valid", "valid", CertificateStatus.VALID.name());
		if (!reprint) {
			query.where("c.printed_at IS NULL");
		}
		return certificateScope(query, scope);
	}

	/**
	 * Printed valid certificates with verified entries whose seal has not been printed.
	 */
	public Query sealOverlays(Scope scope) {
		Query query = new Query(CERTIFICATES)
			.where("c.status = :valid AND c.printed_at IS NOT NULL", "valid", CertificateStatus.VALID.name())
			.where("""
					EXISTS (SELECT 1 FROM registration_entry e
					        WHERE e.person_id = c.person_id AND e.status = :verified AND e.sealed_at IS NULL)""",
					"verified", EntryStatus.VERIFIED.name());
		return certificateScope(query, scope);
	}

	private static Query certificateScope(Query query, Scope scope) {
		if (scope.listed() != null) {
			ListedNumbers listed = scope.listed();
			query.where("EXISTS (SELECT 1 FROM %s n WHERE n.%s = :listed AND n.%s = c.certificate_no)"
				.formatted(listed.table(), listed.listColumn(), listed.numberColumn()), "listed", listed.listId());
		}
		if (scope.channelCode() != null) {
			query.where("c.channel_code = :channel", "channel", scope.channelCode());
		}
		if (scope.unitId() != null) {
			query.where("p.unit_id = :unit", "unit", scope.unitId());
		}
		return query;
	}

	/**
	 * One card per person, by the city of the person's unit, labelled by the person's
	 * current certificate; with {@code entryYear}, only people with an entry starting in
	 * that year.
	 */
	public Query registerCards(Scope scope, Integer entryYear) {
		Query query = new Query("""
				SELECT p.id AS document_key, o.channel_code AS partition_code, p.unit_id AS unit_id,
				       COALESCE(c.certificate_no, CONCAT('人员#', p.id)) AS document_no
				FROM person p JOIN organisation o ON o.id = p.unit_id
				LEFT JOIN certificate c ON c.current_holder_id = p.id""");
		if (scope.listed() != null) {
			ListedNumbers listed = scope.listed();
			query.where("""
					EXISTS (SELECT 1 FROM certificate b JOIN %s n ON n.%s = b.certificate_no
					        WHERE n.%s = :listed AND b.person_id = p.id)""".formatted(listed.table(),
					listed.numberColumn(), listed.listColumn()), "listed", listed.listId());
		}
		if (scope.unitId() != null) {
			query.where("p.unit_id = :unit", "unit", scope.unitId());
		}
		if (scope.channelCode() != null) {
			query.where("o.channel_code = :channel", "channel", scope.channelCode());
		}
		if (entryYear != null) {
			query.where("""
					EXISTS (SELECT 1 FROM registration_entry e
					        WHERE e.person_id = p.id AND e.start_date >= :from AND e.start_date < :to)""", "from",
					LocalDate.of(entryYear, 1, 1));
			query.parameters.put("to", LocalDate.of(entryYear + 1, 1, 1));
		}
		return query;
	}

	/**
	 * One summary table per registering body with entries starting in the year; its
	 * document number names the year. Not partitioned.
	 */
	public Query summaryTables(Scope scope, int year) {
		Query query = new Query("""
				SELECT o.id AS document_key, '' AS partition_code, o.id AS unit_id,
				       CONCAT(o.credit_code, '-%d') AS document_no
				FROM organisation o""".formatted(year)).where("""
				EXISTS (SELECT 1 FROM registration_entry e
				        WHERE e.registered_by_id = o.id AND e.start_date >= :from AND e.start_date < :to)""", "from",
				LocalDate.of(year, 1, 1));
		query.parameters.put("to", LocalDate.of(year + 1, 1, 1));
		if (scope.channelCode() != null) {
			query.where("o.channel_code = :channel", "channel", scope.channelCode());
		}
		if (scope.unitId() != null) {
			query.where("o.id = :unit", "unit", scope.unitId());
		}
		return query;
	}

	/** Status, printed state and city of the certificates with these numbers. */
	public Map<String, CertificateState> certificateStates(Collection<String> numbers) {
		Map<String, CertificateState> states = new HashMap<>();
		List<String> all = List.copyOf(numbers);
		for (int from = 0; from < all.size(); from += 500) {
			this.jdbc.sql(
					"SELECT certificate_no, status, printed_at, channel_code FROM certificate WHERE certificate_no IN (:nos)")
				.param("nos", all.subList(from, Math.min(all.size(), from + 500)))
				.query((rs, row) -> new CertificateState(rs.getString(1), CertificateStatus.valueOf(rs.getString(2)),
						rs.getTimestamp(3) != null, rs.getString(4)))
				.list()
				.forEach((state) -> states.put(state.number(), state));
		}
		return states;
	}

	/**
	 * Which part of the registry a query covers; null fields do not narrow it.
	 *
	 * @param listed the certificate numbers the caller listed, or null for all
	 */
	public record Scope(String channelCode, Long unitId, ListedNumbers listed) {

	}

	/**
	 * Certificate numbers the caller keeps in a table of its own, one list per
	 * {@code listId}: too many to bind as parameters, so the queries read them in an
	 * {@code EXISTS}. The names are the caller's schema, never user input.
	 */
	public record ListedNumbers(String table, String listColumn, long listId, String numberColumn) {

	}

	/**
	 * A query over the registry: a SELECT, its conditions and their parameters.
	 */
	public static final class Query {

		private final String select;

		private final List<String> conditions = new ArrayList<>();

		private final Map<String, Object> parameters = new HashMap<>();

		Query(String select) {
			this.select = select;
		}

		Query where(String condition) {
			this.conditions.add(condition);
			return this;
		}

		Query where(String condition, String parameter, Object value) {
			this.parameters.put(parameter, value);
			return where(condition);
		}

		public String sql() {
			return this.select + "\nWHERE "
					+ (this.conditions.isEmpty() ? "1 = 1" : String.join("\n  AND ", this.conditions));
		}

		public Map<String, Object> parameters() {
			return Map.copyOf(this.parameters);
		}

	}

	/** A certificate as a print run's list of numbers needs it. */
	public record CertificateState(String number, CertificateStatus status, boolean printed, String channelCode) {

	}

}
