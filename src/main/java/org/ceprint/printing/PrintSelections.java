package org.ceprint.printing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a run prints: the rows each job selects, as paging readers and as counts. Every
 * selection pages by the holder's unit and then the unique id, so documents come out
 * grouped by unit for distribution, and rows marked printed while the run goes on neither
 * shift nor repeat a page. A {@code city} narrows a selection to one partition.
 */
final class PrintSelections {

	/** Certificates with the unit of their holder, so that they can be sorted by it. */
	private static final String CERTIFICATES_WITH_UNIT = """
			FROM (SELECT c.id, c.certificate_no, c.channel_code, c.status, c.printed_at, c.person_id, p.unit_id
			      FROM certificate c JOIN person p ON p.id = c.person_id) s""";

	private PrintSelections() {
	}

	static Selection certificates(PrintRunRecord run, String city) {
		Selection selection = new Selection(CERTIFICATES_WITH_UNIT, true).where("status = 'VALID'");
		if (!run.reprint()) {
			selection.where("printed_at IS NULL");
		}
		if (run.byNumbers()) {
			selection.where("certificate_no IN (SELECT document_no FROM print_run_number WHERE run_id = :run)", "run",
					run.id());
		}
		return certificateScope(selection, run, city);
	}

	/** Printed booklets with verified entries whose seal has not been printed. */
	static Selection sealOverlays(PrintRunRecord run, String city) {
		Selection selection = new Selection(CERTIFICATES_WITH_UNIT, true)
			.where("status = 'VALID' AND printed_at IS NOT NULL")
			.where("person_id IN (SELECT person_id FROM registration_entry WHERE status = 'VERIFIED' AND sealed_at IS NULL)");
		if (run.byNumbers()) {
			selection.where("certificate_no IN (SELECT document_no FROM print_run_number WHERE run_id = :run)", "run",
					run.id());
		}
		return certificateScope(selection, run, city);
	}

	private static Selection certificateScope(Selection selection, PrintRunRecord run, String city) {
		if (run.channelCode() != null) {
			selection.where("channel_code = :channel", "channel", run.channelCode());
		}
		if (city != null) {
			selection.where("channel_code = :city", "city", city);
		}
		if (run.unitId() != null) {
			selection.where("unit_id = :unit", "unit", run.unitId());
		}
		return selection;
	}

	static Selection registerCards(PrintRunRecord run, String city) {
		Selection selection = new Selection("FROM person", true);
		if (run.byNumbers()) {
			selection.where("id IN (SELECT person_id FROM certificate WHERE certificate_no IN "
					+ "(SELECT document_no FROM print_run_number WHERE run_id = :run))", "run", run.id());
		}
		if (run.unitId() != null) {
			selection.where("unit_id = :unit", "unit", run.unitId());
		}
		if (run.channelCode() != null) {
			selection.where("unit_id IN (SELECT id FROM organisation WHERE channel_code = :channel)", "channel",
					run.channelCode());
		}
		if (city != null) {
			selection.where("unit_id IN (SELECT id FROM organisation WHERE channel_code = :city)", "city", city);
		}
		if (run.job() == PrintJob.REGISTER_CARDS && run.entryYear() != null) {
			selection.where(
					"id IN (SELECT person_id FROM registration_entry WHERE start_date >= :from AND start_date < :to)",
					"from", LocalDate.of(run.entryYear(), 1, 1));
			selection.parameters.put("to", LocalDate.of(run.entryYear() + 1, 1, 1));
		}
		return selection;
	}

	static Selection summaryTables(PrintRunRecord run) {
		if (run.submissionId() != null) {
			// one submission's table: its key is the submission's id
			return new Selection("FROM (SELECT submission_id AS id FROM print_run WHERE id = :run) s", false)
				.where("id IS NOT NULL", "run", run.id());
		}
		Selection selection = new Selection("FROM organisation", false).where(
				"id IN (SELECT registered_by_id FROM registration_entry WHERE start_date >= :from AND start_date < :to)",
				"from", LocalDate.of(run.entryYear(), 1, 1));
		selection.parameters.put("to", LocalDate.of(run.entryYear() + 1, 1, 1));
		if (run.channelCode() != null) {
			selection.where("channel_code = :channel", "channel", run.channelCode());
		}
		if (run.unitId() != null) {
			selection.where("id = :unit", "unit", run.unitId());
		}
		return selection;
	}

	/**
	 * The rows of one job's selection: a FROM clause, conditions and their parameters.
	 */
	static final class Selection {

		private final String from;

		private final boolean byUnit;

		private final List<String> conditions = new ArrayList<>();

		private final Map<String, Object> parameters = new HashMap<>();

		Selection(String from, boolean byUnit) {
			this.from = from;
			this.byUnit = byUnit;
		}

		Selection where(String condition) {
			this.conditions.add(condition);
			return this;
		}

		Selection where(String condition, String parameter, Object value) {
			this.parameters.put(parameter, value);
			return where(condition);
		}

		String whereClause() {
			return this.conditions.isEmpty() ? "1 = 1" : String.join(" AND ", this.conditions);
		}

		JdbcPagingItemReader<Long> reader(String name, DataSource dataSource, int pageSize) throws Exception {
			Map<String, Order> sortKeys = new LinkedHashMap<>();
			if (this.byUnit) {
				sortKeys.put("unit_id", Order.ASCENDING);
			}
			sortKeys.put("id", Order.ASCENDING);
			return new JdbcPagingItemReaderBuilder<Long>().name(name)
				.dataSource(dataSource)
				.selectClause(this.byUnit ? "SELECT id, unit_id" : "SELECT id")
				.fromClause(this.from)
				.whereClause(whereClause())
				.parameterValues(this.parameters)
				.sortKeys(sortKeys)
				.pageSize(pageSize)
				.rowMapper((rs, row) -> rs.getLong("id"))
				.build();
		}

		int count(JdbcClient jdbc) {
			return jdbc.sql("SELECT COUNT(*) " + this.from + " WHERE " + whereClause())
				.params(this.parameters)
				.query(Integer.class)
				.single();
		}

	}

}
