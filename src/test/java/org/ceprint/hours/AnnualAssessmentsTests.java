package org.ceprint.hours;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ceprint.hours.internal.HoursProperties;
import org.ceprint.registry.TitleLevel;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The annual requirement by title level, the one-third cap on public subjects, and a
 * later rule set configured for later years without code changes.
 */
class AnnualAssessmentsTests {

	private final AnnualAssessments jiangxi2012 = new AnnualAssessments(new HoursProperties(null));

	@Test
	void eachTitleLevelHasItsRequirementUnderThe2012Rule() {
		assertThat(this.jiangxi2012.assess(TitleLevel.SENIOR, 2020, hours("12"), hours("28")).label()).isEqualTo("合格");
		assertThat(this.jiangxi2012.assess(TitleLevel.INTERMEDIATE, 2020, hours("10"), hours("29")).label())
			.isEqualTo("不合格（差 1 学时）");
		assertThat(this.jiangxi2012.assess(TitleLevel.JUNIOR, 2020, hours("10"), hours("22")).passed()).isTrue();
		AnnualAssessment unrated = this.jiangxi2012.assess(TitleLevel.UNRATED, 2020, hours("0"), hours("31.5"));
		assertThat(unrated.requiredHours()).isEqualByComparingTo("32");
		assertThat(unrated.label()).isEqualTo("不合格（差 0.5 学时）");
		assertThat(unrated.ruleSet()).isEqualTo("江西2012");
	}

	@Test
	void publicSubjectsCountForAtMostOneThirdOfTheRequirement() {
		// 40 required: public counts up to 13.3, so 30 public + 20 professional is 33.3
		AnnualAssessment senior = this.jiangxi2012.assess(TitleLevel.SENIOR, 2021, hours("30"), hours("20"));
		assertThat(senior.countedHours()).isEqualByComparingTo("33.3");
		assertThat(senior.shortfall()).isEqualByComparingTo("6.7");
		// 32 required: public counts up to 10.6
		AnnualAssessment junior = this.jiangxi2012.assess(TitleLevel.JUNIOR, 2021, hours("16"), hours("21.4"));
		assertThat(junior.countedHours()).isEqualByComparingTo("32.0");
		assertThat(junior.passed()).isTrue();
	}

	@Test
	void aLaterRuleSetConfiguredInPropertiesAppliesFromItsFirstFullYear() {
		Map<String, String> configuration = Map.ofEntries(Map.entry("ceprint.hours.rule-sets[0].name", "江西2012"),
				Map.entry("ceprint.hours.rule-sets[0].effective-from", "2012-05-24"),
				Map.entry("ceprint.hours.rule-sets[0].senior-hours", "40"),
				Map.entry("ceprint.hours.rule-sets[0].intermediate-hours", "40"),
				Map.entry("ceprint.hours.rule-sets[0].junior-hours", "32"),
				Map.entry("ceprint.hours.rule-sets[0].unrated-hours", "32"),
				Map.entry("ceprint.hours.rule-sets[0].public-share-cap", "1/3"),
				Map.entry("ceprint.hours.rule-sets[1].name", "全国2015"),
				Map.entry("ceprint.hours.rule-sets[1].effective-from", "2016-01-01"),
				Map.entry("ceprint.hours.rule-sets[1].senior-hours", "90"),
				Map.entry("ceprint.hours.rule-sets[1].intermediate-hours", "90"),
				Map.entry("ceprint.hours.rule-sets[1].junior-hours", "90"),
				Map.entry("ceprint.hours.rule-sets[1].unrated-hours", "90"),
				Map.entry("ceprint.hours.rule-sets[1].public-share-cap", "1/3"));
		HoursProperties properties = new Binder(new MapConfigurationPropertySource(configuration))
			.bind("ceprint.hours", HoursProperties.class)
			.get();
		AnnualAssessments assessments = new AnnualAssessments(properties);

		assertThat(assessments.ruleSetFor(2015).name()).isEqualTo("江西2012");
		assertThat(assessments.ruleSetFor(2016).name()).isEqualTo("全国2015");
		assertThat(assessments.assess(TitleLevel.SENIOR, 2015, hours("10"), hours("35")).passed()).isTrue();
		AnnualAssessment later = assessments.assess(TitleLevel.JUNIOR, 2016, hours("40"), hours("55"));
		// 90 required; public counts up to 30: 85 counted, 5 short
		assertThat(later.requiredHours()).isEqualByComparingTo("90");
		assertThat(later.countedHours()).isEqualByComparingTo("85");
		assertThat(later.label()).isEqualTo("不合格（差 5 学时）");
		assertThat(later.ruleSet()).isEqualTo("全国2015");
	}

	@Test
	void aMalformedRuleSetIsRefusedWithItsName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AssessmentRuleSet("试行", java.time.LocalDate.of(2020, 1, 1), hours("40"), hours("40"),
					hours("32"), hours("32"), "三分之一"))
			.withMessageContaining("试行")
			.withMessageContaining("1/3");
	}

	private static BigDecimal hours(String value) {
		return new BigDecimal(value);
	}

}
