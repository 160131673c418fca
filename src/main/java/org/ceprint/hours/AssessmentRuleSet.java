package org.ceprint.hours;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.ceprint.registry.Hours;
import org.ceprint.registry.TitleLevel;

/**
 * One rule set of the annual requirement (第五条 and later rules): the hours each title
 * level must earn a year, and the largest share of them public subjects may make up.
 *
 * @param name how the rule set is named on documents, e.g. 江西2012
 * @param effectiveFrom the day it took effect; a year is assessed under the rule set in
 * force on its 1 January
 * @param publicShareCap the largest share of the requirement public subjects may count
 * for, as a fraction {@code n/d} (1/3 in both the 2012 rule and the national 2015 rule,
 * which words it as professional subjects at least two thirds)
 */
public record AssessmentRuleSet(String name, LocalDate effectiveFrom, BigDecimal seniorHours,
		BigDecimal intermediateHours, BigDecimal juniorHours, BigDecimal unratedHours, String publicShareCap) {

	public AssessmentRuleSet {
		if (name == null || name.isBlank() || effectiveFrom == null) {
			throw new IllegalArgumentException("考核规则须有名称和生效日期（ceprint.hours.rule-sets）");
		}
		for (BigDecimal hours : new BigDecimal[] { seniorHours, intermediateHours, juniorHours, unratedHours }) {
			if (hours == null || hours.signum() <= 0) {
				throw new IllegalArgumentException("考核规则「" + name + "」：各职称级别的年度学时要求须为正数");
			}
		}
		fraction(publicShareCap, name);
	}

	/**
	 * The Jiangxi 2012 rule (this regulation): 40 h senior and intermediate, 32 h junior.
	 */
	public static final AssessmentRuleSet JIANGXI_2012 = new AssessmentRuleSet("江西2012", LocalDate.of(2012, 5, 24),
			BigDecimal.valueOf(40), BigDecimal.valueOf(40), BigDecimal.valueOf(32), BigDecimal.valueOf(32), "1/3");

	/** As stated on exports, e.g. 江西2012：高级 40、中级 40、初级 32、未定级 32 学时，公需科目计入不超过 1/3. */
	public String describe() {
		return "%s：高级 %s、中级 %s、初级 %s、未定级 %s 学时，公需科目计入不超过 %s".formatted(this.name, Hours.of(this.seniorHours),
				Hours.of(this.intermediateHours), Hours.of(this.juniorHours), Hours.of(this.unratedHours),
				this.publicShareCap.strip());
	}

	Hours required(TitleLevel level) {
		return Hours.of(switch (level) {
			case SENIOR -> this.seniorHours;
			case INTERMEDIATE -> this.intermediateHours;
			case JUNIOR -> this.juniorHours;
			case UNRATED -> this.unratedHours;
		});
	}

	/** The public hours that count toward a requirement, to a tenth of an hour, down. */
	Hours publicCap(Hours required) {
		int[] fraction = fraction(this.publicShareCap, this.name);
		return required.share(fraction[0], fraction[1]);
	}

	private static int[] fraction(String text, String name) {
		String[] parts = (text != null) ? text.strip().split("/") : new String[0];
		try {
			int numerator = Integer.parseInt(parts[0].strip());
			int denominator = (parts.length > 1) ? Integer.parseInt(parts[1].strip()) : 1;
			if (parts.length <= 2 && numerator >= 0 && denominator > 0 && numerator <= denominator) {
				return new int[] { numerator, denominator };
			}
		}
		catch (RuntimeException ex) {
			// reported below
		}
		throw new IllegalArgumentException("考核规则「" + name + "」：公需科目上限须写成分数，如 1/3：" + text);
	}

}
