package org.ceprint.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hours print the way documents show them, compare by number, and split by subject type
 * with public subjects counted only up to their cap (第五条).
 */
class HoursTests {

	@Test
	void hoursPrintPlainlyAndAreEqualWhateverTheirScale() {
		assertThat(Hours.of(new BigDecimal("8.0"))).hasToString("8").isEqualTo(Hours.of(8));
		assertThat(Hours.of(new BigDecimal("7.50"))).hasToString("7.5");
		assertThat(Hours.of(new BigDecimal("1.68E+2"))).hasToString("168");
		assertThat(Hours.of(new BigDecimal("1.68E+2")).value()).isEqualTo(new BigDecimal("168"));
		assertThat(Hours.of(new BigDecimal("0.00"))).hasToString("0").isEqualTo(Hours.ZERO);
		assertThat(Hours.of(new BigDecimal("7.25")).decimals()).isEqualTo(2);
		assertThat(Hours.of(12).withUnit()).isEqualTo("12 学时");
	}

	@Test
	void aThirdOfARequirementIsRoundedDownToATenth() {
		assertThat(Hours.of(40).share(1, 3)).hasToString("13.3");
		assertThat(Hours.of(32).share(1, 3)).hasToString("10.6");
		assertThat(Hours.of(90).share(1, 3)).hasToString("30");
	}

	@Test
	void whatIsStillMissingIsNeverNegative() {
		assertThat(Hours.of(30).shortOf(Hours.of(40))).hasToString("10");
		assertThat(Hours.of(50).shortOf(Hours.of(40))).isEqualTo(Hours.ZERO);
		assertThat(Hours.of(3).min(Hours.of(2))).isEqualTo(Hours.of(2));
		assertThat(Hours.of(3).isMoreThan(Hours.of(new BigDecimal("3.0")))).isFalse();
	}

	@Test
	void entriesAddUpBySubjectTypeAndPublicHoursCountUpToTheirCap() {
		List<RegistrationEntry> entries = List.of(entry(SubjectType.PUBLIC, "12"), entry(SubjectType.PUBLIC, "8.5"),
				entry(SubjectType.PROFESSIONAL, "24"));
		SubjectHours hours = SubjectHours.of(entries);
		assertThat(hours.publicHours()).hasToString("20.5");
		assertThat(hours.professionalHours()).hasToString("24");
		assertThat(hours.total()).isEqualTo(Hours.sum(entries)).hasToString("44.5");
		assertThat(hours.counted(Hours.of(40).share(1, 3))).hasToString("37.3");
	}

	private static RegistrationEntry entry(SubjectType type, String hours) {
		LocalDate day = LocalDate.of(2024, 3, 5);
		return new RegistrationEntry(1, 1, "项目", "内容", LearningForm.TRAINING, type, day, day, new BigDecimal(hours),
				null, null, 1, "单位", EntryStatus.VERIFIED, null, null, null, null, null, null, null, null);
	}

}
