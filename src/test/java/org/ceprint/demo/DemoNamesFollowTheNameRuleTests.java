package org.ceprint.demo;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ceprint.registry.Checked;
import org.ceprint.registry.PersonNames;
import org.ceprint.rendering.GlyphCoverage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo province's people are named by the name rule: every name is stored as the rule
 * would normalise it, rare characters included, and every character of it prints.
 */
@SpringBootTest
class DemoNamesFollowTheNameRuleTests {

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	GlyphCoverage coverage;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyNameOfSeed2012PassesTheRuleUnchangedAndPrints() {
		this.generator.clearRegistry();
		this.generator.generate(2012, 2_000, LocalDate.of(2026, 6, 30));

		List<String> names = this.jdbc.sql("SELECT name FROM person").query(String.class).list();

		assertThat(names).hasSize(2_000).allSatisfy((name) -> {
			Checked checked = PersonNames.check(name);
			assertThat(checked.problem()).as(name).isNull();
			assertThat(checked.value()).isEqualTo(name);
			assertThat(name.codePoints()).as(name).allMatch(this.coverage::covers);
		});
		for (String rare : List.of("堃", "昇", "喆", "珺", "赟")) {
			assertThat(names).as(rare).anyMatch((name) -> name.contains(rare));
		}
	}

}
