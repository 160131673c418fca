package org.ceprint.printing;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.ceprint.rendering.RenderOptions.Stock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A print style travels in the reissue's module event, stored as JSON until the booklet
 * is printed: one stored by an earlier release still reads after an upgrade.
 */
class PrintStyleTests {

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aStyleStoredBeforeArchiveCopiesReadsAsWithout() {
		PrintStyle stored = this.json.readValue("{\"stock\":\"PREPRINTED\",\"maskIdNumbers\":true,\"printer\":\"c1\"}",
				PrintStyle.class);

		assertThat(stored).isEqualTo(new PrintStyle(Stock.PREPRINTED, true, "c1", false));
	}

	@Test
	void aStyleWithArchiveCopiesReadsBack() {
		PrintStyle style = new PrintStyle(Stock.FULL, false, null, true);

		assertThat(this.json.readValue(this.json.writeValueAsString(style), PrintStyle.class)).isEqualTo(style);
	}

}
