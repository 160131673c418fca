package org.ceprint.rendering.internal;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hours on the documents: 8 rather than 8.0 or 8E+0; a row leaves the other subject
 * type's column blank, a total shows 0.
 */
class FormatsTests {

	@Test
	void hoursArePlainAndNoneIsBlankInARowButZeroInATotal() {
		assertThat(Formats.hours(new BigDecimal("8.0"))).isEqualTo("8");
		assertThat(Formats.hours(new BigDecimal("7.50"))).isEqualTo("7.5");
		assertThat(Formats.hours(new BigDecimal("1.68E+2"))).isEqualTo("168");
		assertThat(Formats.hours(new BigDecimal("0.0"))).isEmpty();
		assertThat(Formats.hours(null)).isEmpty();

		assertThat(Formats.hoursOrZero(new BigDecimal("79.50"))).isEqualTo("79.5");
		assertThat(Formats.hoursOrZero(new BigDecimal("1.68E+2"))).isEqualTo("168");
		assertThat(Formats.hoursOrZero(new BigDecimal("0.0"))).isEqualTo("0");
		assertThat(Formats.hoursOrZero(null)).isEqualTo("0");
	}

}
