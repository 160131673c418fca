package org.ceprint.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ceprint.demo.DemoRegistryGenerator;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A demo registry generated afresh for an intake test: a unit that files the test's
 * workbooks, and the registered people in id order.
 */
record FreshRegistry(String body, List<Map<String, Object>> people) {

	static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	static FreshRegistry generate(DemoRegistryGenerator generator, JdbcClient jdbc, long seed, int people) {
		generator.clearRegistry();
		generator.generate(seed, people, AS_OF);
		String body = jdbc.sql("SELECT MIN(credit_code) FROM organisation WHERE kind = 'UNIT'")
			.query(String.class)
			.single();
		return new FreshRegistry(body,
				jdbc.sql("SELECT name, id_number, title_level FROM person ORDER BY id").query().listOfRows());
	}

}
