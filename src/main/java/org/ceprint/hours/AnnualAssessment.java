package org.ceprint.hours;

import java.math.BigDecimal;

import org.ceprint.registry.Hours;

/**
 * A person's result for one year: public hours count only up to the rule set's cap, and
 * the year is passed when the counted hours reach the requirement for the person's title
 * level; {@code ruleSet} names the rule set it was assessed under.
 */
public record AnnualAssessment(int year, BigDecimal publicHours, BigDecimal professionalHours, BigDecimal countedHours,
		BigDecimal requiredHours, BigDecimal shortfall, String ruleSet) {

	public boolean passed() {
		return this.shortfall.signum() == 0;
	}

	/**
	 * The result as printed on the register card: 合格, or 不合格 with the shortfall.
	 */
	public String label() {
		return passed() ? "合格" : "不合格（差 " + Hours.of(this.shortfall).withUnit() + "）";
	}

}
