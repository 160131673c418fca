package org.ceprint.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ceprint.hours.internal.HoursProperties;
import org.ceprint.registry.LearningForm;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The crediting standard by item: conferences by level, training by kind, achievements by
 * kind, with the per-year caps; a later version configured with other hours applies from
 * its date of effect.
 */
class HoursStandardTests {

	private final HoursStandard jiangxi2012 = new HoursStandard(new HoursProperties(null, null));

	private static final LocalDate DAY = LocalDate.of(2024, 5, 6);

	@Test
	void conferencesAreCreditedByLevelWithinTheYearlyCap() {
		assertThat(credit(CreditItem.NATIONAL_CONFERENCE, DAY, DAY)).isEqualByComparingTo("24");
		assertThat(credit(CreditItem.PROVINCIAL_CONFERENCE, DAY, DAY.plusDays(2))).isEqualByComparingTo("16");
		assertThat(credit(CreditItem.CITY_CONFERENCE, DAY, DAY)).isEqualByComparingTo("8");
		assertThat(credit(CreditItem.PAPER_PRESENTED, DAY, DAY)).isEqualByComparingTo("8");

		// 40 of the 48 conference hours already verified this year: a provincial one gets
		// 8
		HoursCheck capped = this.jiangxi2012.check(LearningForm.CONFERENCE, CreditItem.PROVINCIAL_CONFERENCE, DAY, DAY,
				hours("16"), false, hours("40"));
		assertThat(capped.allowed()).isEqualByComparingTo("8");
		assertThat(capped.over()).isTrue();
		assertThat(capped.rule()).isEqualTo("省级学术会议每次 16 学时（学术会议全年至多 48 学时，本年已验证 40）");
		// without an item, a conference is checked against the most any conference earns
		assertThat(this.jiangxi2012.check(LearningForm.CONFERENCE, null, DAY, DAY, hours("30"), false, BigDecimal.ZERO)
			.allowed()).isEqualByComparingTo("32");
	}

	@Test
	void trainingDegreeAndAchievementsByKind() {
		assertThat(credit(CreditItem.FULL_TIME_TRAINING, DAY, DAY.plusDays(2))).isEqualByComparingTo("24");
		assertThat(credit(CreditItem.HALF_TIME_TRAINING, DAY, DAY.plusDays(2))).isEqualByComparingTo("12");
		assertThat(credit(CreditItem.ADVANCED_SEMINAR, DAY, DAY.plusDays(1))).isEqualByComparingTo("24");
		assertThat(credit(CreditItem.SELF_STUDY_EXAM_COURSE, DAY, DAY)).isEqualByComparingTo("15");
		assertThat(credit(CreditItem.QUALIFICATION_EXAM, DAY, DAY)).isEqualByComparingTo("40");
		assertThat(credit(CreditItem.DEGREE_STUDY, LocalDate.of(2022, 9, 1), LocalDate.of(2024, 6, 30)))
			.isEqualByComparingTo("144");
		assertThat(this.jiangxi2012.credit(CreditItem.HALF_TIME_TRAINING, DAY, DAY.plusDays(2)).rule())
			.isEqualTo("半脱产培训 3 天 × 4 学时");

		HoursCheck monograph = this.jiangxi2012.check(LearningForm.ACHIEVEMENT, CreditItem.MONOGRAPH, DAY, DAY,
				hours("40"), false, hours("30"));
		assertThat(monograph.allowed()).isEqualByComparingTo("10");
		assertThat(monograph.excess()).isEqualByComparingTo("30");
		// an item of another form is not applied: the form's own rule is
		assertThat(this.jiangxi2012
			.check(LearningForm.TRAINING, CreditItem.NATIONAL_CONFERENCE, DAY, DAY.plusDays(1), hours("16"), false,
					BigDecimal.ZERO)
			.rule()).isEqualTo("面授培训 2 天 × 8 学时");
		// a base's approved course hours stand, whatever item it names
		assertThat(this.jiangxi2012
			.check(LearningForm.TRAINING, CreditItem.HALF_TIME_TRAINING, DAY, DAY, hours("30"), true, BigDecimal.ZERO)
			.allowed()).isNull();
	}

	@Test
	void aLaterVersionConfiguredWithOtherItemHoursAppliesFromItsDate() {
		Map<String, String> configuration = Map.ofEntries(
				Map.entry("ceprint.hours.crediting-standards[0].name", "江西2012学时标准"),
				Map.entry("ceprint.hours.crediting-standards[0].effective-from", "2012-05-24"),
				Map.entry("ceprint.hours.crediting-standards[0].hours-per-day", "8"),
				Map.entry("ceprint.hours.crediting-standards[0].conference-per-event", "32"),
				Map.entry("ceprint.hours.crediting-standards[0].conference-year-cap", "48"),
				Map.entry("ceprint.hours.crediting-standards[0].exam-per-pass", "40"),
				Map.entry("ceprint.hours.crediting-standards[0].degree-per-year", "72"),
				Map.entry("ceprint.hours.crediting-standards[0].achievement-year-cap", "40"),
				Map.entry("ceprint.hours.crediting-standards[1].name", "江西2025学时标准"),
				Map.entry("ceprint.hours.crediting-standards[1].effective-from", "2025-01-01"),
				Map.entry("ceprint.hours.crediting-standards[1].hours-per-day", "8"),
				Map.entry("ceprint.hours.crediting-standards[1].conference-per-event", "40"),
				Map.entry("ceprint.hours.crediting-standards[1].conference-year-cap", "60"),
				Map.entry("ceprint.hours.crediting-standards[1].exam-per-pass", "40"),
				Map.entry("ceprint.hours.crediting-standards[1].degree-per-year", "72"),
				Map.entry("ceprint.hours.crediting-standards[1].achievement-year-cap", "40"),
				Map.entry("ceprint.hours.crediting-standards[1].item-hours.national-conference", "30"));
		HoursStandard standard = new HoursStandard(new Binder(new MapConfigurationPropertySource(configuration))
			.bind("ceprint.hours", HoursProperties.class)
			.get());
		assertThat(standard.credit(CreditItem.NATIONAL_CONFERENCE, DAY, DAY).allowed()).isEqualByComparingTo("24");
		HoursCheck later = standard.credit(CreditItem.NATIONAL_CONFERENCE, LocalDate.of(2025, 3, 1),
				LocalDate.of(2025, 3, 1));
		assertThat(later.allowed()).isEqualByComparingTo("30");
		assertThat(later.standard()).isEqualTo("江西2025学时标准");
		// items it does not list keep their defaults
		assertThat(standard.credit(CreditItem.CITY_CONFERENCE, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1))
			.allowed()).isEqualByComparingTo("8");
	}

	@Test
	void anItemWithoutPositiveHoursIsRefusedWithItsName() {
		Map<String, String> configuration = Map.of("ceprint.hours.crediting-standards[0].name", "坏标准",
				"ceprint.hours.crediting-standards[0].effective-from", "2012-05-24",
				"ceprint.hours.crediting-standards[0].hours-per-day", "8",
				"ceprint.hours.crediting-standards[0].conference-per-event", "32",
				"ceprint.hours.crediting-standards[0].conference-year-cap", "48",
				"ceprint.hours.crediting-standards[0].exam-per-pass", "40",
				"ceprint.hours.crediting-standards[0].degree-per-year", "72",
				"ceprint.hours.crediting-standards[0].achievement-year-cap", "40",
				"ceprint.hours.crediting-standards[0].item-hours.monograph", "0");
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> new Binder(new MapConfigurationPropertySource(configuration)).bind("ceprint.hours",
					HoursProperties.class))
			.havingRootCause()
			.withMessageContaining("「专著」的学时须为正数");
	}

	private BigDecimal credit(CreditItem item, LocalDate start, LocalDate end) {
		return this.jiangxi2012.credit(item, start, end).allowed();
	}

	private static BigDecimal hours(String value) {
		return new BigDecimal(value);
	}

}
