package org.ceprint.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.ceprint.hours.internal.HoursProperties;
import org.ceprint.registry.Hours;
import org.ceprint.registry.RegistrationEntry;
import org.ceprint.registry.SubjectHours;
import org.ceprint.registry.TitleLevel;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Assesses a person's year (第五、十五条) under the rule set in force on 1 January of that
 * year: the hours required for the title level, public subjects counting only up to the
 * rule set's share of the requirement, verified hours only (the caller passes those).
 */
@Component
@EnableConfigurationProperties(HoursProperties.class)
public class AnnualAssessments {

	private final List<AssessmentRuleSet> ruleSets;

	AnnualAssessments(HoursProperties properties) {
		this.ruleSets = properties.ruleSets()
			.stream()
			.sorted(Comparator.comparing(AssessmentRuleSet::effectiveFrom))
			.toList();
	}

	/** The rule set a year is assessed under. */
	public AssessmentRuleSet ruleSetFor(int year) {
		LocalDate firstDay = LocalDate.of(year, 1, 1);
		AssessmentRuleSet inForce = this.ruleSets.get(0);
		for (AssessmentRuleSet ruleSet : this.ruleSets) {
			if (!ruleSet.effectiveFrom().isAfter(firstDay)) {
				inForce = ruleSet;
			}
		}
		return inForce;
	}

	/**
	 * Assesses a person's year from their entries: those verified and starting in the
	 * year count, by subject type.
	 */
	public AnnualAssessment assess(TitleLevel level, int year, List<RegistrationEntry> entries) {
		return assess(level, year, SubjectHours
			.of(entries.stream().filter((entry) -> entry.verified() && entry.startDate().getYear() == year).toList()));
	}

	public AnnualAssessment assess(TitleLevel level, int year, BigDecimal publicHours, BigDecimal professionalHours) {
		return assess(level, year, new SubjectHours(Hours.of(publicHours), Hours.of(professionalHours)));
	}

	public AnnualAssessment assess(TitleLevel level, int year, SubjectHours hours) {
		AssessmentRuleSet ruleSet = ruleSetFor(year);
		Hours required = ruleSet.required(level);
		Hours counted = hours.counted(ruleSet.publicCap(required));
		return new AnnualAssessment(year, hours.publicHours().value(), hours.professionalHours().value(),
				counted.value(), required.value(), counted.shortOf(required).value(), ruleSet.name());
	}

}
