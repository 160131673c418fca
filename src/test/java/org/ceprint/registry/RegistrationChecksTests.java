package org.ceprint.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationChecksTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

	@Test
	void periodsMustRunForwardAndNotIntoTheFuture() {
		assertThat(RegistrationChecks.period("第 3 行", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 3), TODAY))
			.isEmpty();
		assertThat(RegistrationChecks.period("第 3 行", LocalDate.of(2024, 5, 3), LocalDate.of(2024, 5, 1), TODAY))
			.singleElement()
			.extracting(FieldProblem::message)
			.isEqualTo("第 3 行的「起止时间」(2024-05-03—2024-05-01)：结束日期早于开始日期");
		assertThat(RegistrationChecks.period("第 4 行", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), TODAY))
			.hasSize(1);
	}

	@Test
	void hoursArePositiveBoundedWithOneDecimal() {
		assertThat(RegistrationChecks.hours("第 5 行", new BigDecimal("7.5"))).isEmpty();
		assertThat(RegistrationChecks.hours("第 5 行", BigDecimal.ZERO)).get()
			.extracting(FieldProblem::reason)
			.isEqualTo("须大于 0");
		assertThat(RegistrationChecks.hours("第 5 行", new BigDecimal("1000"))).isPresent();
		assertThat(RegistrationChecks.hours("第 5 行", new BigDecimal("7.25"))).get()
			.extracting(FieldProblem::reason)
			.isEqualTo("最多保留一位小数");
	}

}
