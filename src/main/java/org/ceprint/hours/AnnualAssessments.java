package org.ceprint.hours;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.ceprint.registry.TitleLevel;

import org.springframework.stereotype.Component;

/**
 * Assesses a year under the Jiangxi 2012 rule (第五条): at least 40 hours for senior and
 * intermediate titles, 32 for junior and unrated, public subjects counting for at most
 * one third of the requirement. Versioned rule sets by year arrive with the
 * intake-and-hours work.
 */
@Component
public class AnnualAssessments {

	private static final BigDecimal SENIOR_REQUIRED = BigDecimal.valueOf(40);

	private static final BigDecimal JUNIOR_REQUIRED = BigDecimal.valueOf(32);

	public AnnualAssessment assess(TitleLevel level, int year, BigDecimal publicHours, BigDecimal professionalHours) {
		BigDecimal required = switch (level) {
			case SENIOR, INTERMEDIATE -> SENIOR_REQUIRED;
			case JUNIOR, UNRATED -> JUNIOR_REQUIRED;
		};
		BigDecimal publicCap = required.divide(BigDecimal.valueOf(3), 1, RoundingMode.DOWN);
		BigDecimal counted = publicHours.min(publicCap).add(professionalHours);
		BigDecimal shortfall = required.subtract(counted).max(BigDecimal.ZERO);
		return new AnnualAssessment(year, publicHours, professionalHours, counted, required, shortfall);
	}

}
