package org.ceprint.rendering;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ceprint.registry.PersonNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample documents' holders (docs/ shows them) are named as the name rule allows.
 */
class SampleNamesTests {

	@Test
	void everySampleHolderPassesTheNameRuleUnchanged() {
		List<String> names = new ArrayList<>();
		names.add(SampleDocuments.certificate().holderName());
		names.add(SampleDocuments.registerCard().holderName());
		SampleDocuments.summaryTable().rows().forEach((row) -> names.add(row.name()));

		assertThat(names).hasSize(11).allSatisfy((name) -> {
			assertThat(PersonNames.check(name).problem()).as(name).isNull();
			assertThat(PersonNames.check(name).value()).isEqualTo(name);
		});
	}

}
