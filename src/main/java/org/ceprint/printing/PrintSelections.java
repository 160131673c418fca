package org.ceprint.printing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;

/**
 * The paging readers that select what a run prints. Each pages by a unique key, so rows
 * marked printed while the run goes on neither shift nor repeat a page.
 */
final class PrintSelections {

	private PrintSelections() {
	}

	static JdbcPagingItemReader<Long> certificates(DataSource dataSource, PrintRunRecord run, int pageSize)
			throws Exception {
		StringBuilder where = new StringBuilder("status = 'VALID'");
		Map<String, Object> parameters = new HashMap<>();
		if (!run.reprint()) {
			where.append(" AND printed_at IS NULL");
		}
		if (run.channelCode() != null) {
			where.append(" AND channel_code = :channel");
			parameters.put("channel", run.channelCode());
		}
		if (run.unitId() != null) {
			where.append(" AND person_id IN (SELECT id FROM person WHERE unit_id = :unit)");
			parameters.put("unit", run.unitId());
		}
		return reader("certificates", dataSource, "certificate", where, parameters, pageSize);
	}

	static JdbcPagingItemReader<Long> registerCards(DataSource dataSource, PrintRunRecord run, int pageSize)
			throws Exception {
		StringBuilder where = new StringBuilder("1 = 1");
		Map<String, Object> parameters = new HashMap<>();
		if (run.unitId() != null) {
			where.append(" AND unit_id = :unit");
			parameters.put("unit", run.unitId());
		}
		if (run.channelCode() != null) {
			where.append(" AND unit_id IN (SELECT id FROM organisation WHERE channel_code = :channel)");
			parameters.put("channel", run.channelCode());
		}
		return reader("registerCards", dataSource, "person", where, parameters, pageSize);
	}

	static JdbcPagingItemReader<Long> summaryTables(DataSource dataSource, PrintRunRecord run, int pageSize)
			throws Exception {
		StringBuilder where = new StringBuilder(
				"id IN (SELECT registered_by_id FROM registration_entry WHERE start_date >= :from AND start_date < :to)");
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("from", LocalDate.of(run.entryYear(), 1, 1));
		parameters.put("to", LocalDate.of(run.entryYear() + 1, 1, 1));
		if (run.channelCode() != null) {
			where.append(" AND channel_code = :channel");
			parameters.put("channel", run.channelCode());
		}
		if (run.unitId() != null) {
			where.append(" AND id = :unit");
			parameters.put("unit", run.unitId());
		}
		return reader("summaryTables", dataSource, "organisation", where, parameters, pageSize);
	}

	private static JdbcPagingItemReader<Long> reader(String name, DataSource dataSource, String table,
			CharSequence where, Map<String, Object> parameters, int pageSize) throws Exception {
		return new JdbcPagingItemReaderBuilder<Long>().name(name)
			.dataSource(dataSource)
			.selectClause("SELECT id")
			.fromClause("FROM " + table)
			.whereClause(where.toString())
			.parameterValues(parameters)
			.sortKeys(Map.of("id", Order.ASCENDING))
			.pageSize(pageSize)
			.rowMapper((rs, row) -> rs.getLong("id"))
			.build();
	}

}
