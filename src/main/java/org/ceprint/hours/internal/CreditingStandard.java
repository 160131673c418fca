package org.ceprint.hours.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.ceprint.hours.CreditItem;

/**
 * One version of the hours-crediting standard (第六条, attachment 1): the most hours an
 * activity can earn. The defaults are docs/domain.md's; offices configure later versions
 * under {@code ceprint.hours.crediting-standards[i]} with their date of effect.
 *
 * @param name how the standard is named in checks, e.g. 江西2012学时标准
 * @param effectiveFrom the first day an activity's start date falls under it
 * @param hoursPerDay full-time training, secondment and planned self-study, per day
 * @param conferencePerEvent the most one conference earns (national 24 h plus 8 h for a
 * paper presented)
 * @param conferenceYearCap conferences and lectures together, per person and year
 * @param examPerPass a professional or qualification exam passed
 * @param degreePerYear degree study, per year of study begun
 * @param achievementYearCap publications, patents and awards together, per person and
 * year
 * @param itemHours the hours of the items an entry may name ({@link CreditItem}), per
 * day, event, item or year of study; items not listed keep their defaults
 */
public record CreditingStandard(String name, LocalDate effectiveFrom, BigDecimal hoursPerDay,
		BigDecimal conferencePerEvent, BigDecimal conferenceYearCap, BigDecimal examPerPass, BigDecimal degreePerYear,
		BigDecimal achievementYearCap, Map<CreditItem, BigDecimal> itemHours) {

	public CreditingStandard {
		if (name == null || name.isBlank() || effectiveFrom == null) {
			throw new IllegalArgumentException("学时登记标准须有名称和生效日期（ceprint.hours.crediting-standards）");
		}
		for (BigDecimal hours : new BigDecimal[] { hoursPerDay, conferencePerEvent, conferenceYearCap, examPerPass,
				degreePerYear, achievementYearCap }) {
			if (hours == null || hours.signum() <= 0) {
				throw new IllegalArgumentException("学时登记标准「" + name + "」：各项学时须为正数");
			}
		}
		Map<CreditItem, BigDecimal> complete = new EnumMap<>(CreditItem.class);
		for (CreditItem item : CreditItem.values()) {
			BigDecimal hours = (itemHours != null) ? itemHours.get(item) : null;
			if (hours != null && hours.signum() <= 0) {
				throw new IllegalArgumentException("学时登记标准「" + name + "」：「" + item.label() + "」的学时须为正数");
			}
			complete.put(item, (hours != null) ? hours : item.defaultHours());
		}
		itemHours = Collections.unmodifiableMap(complete);
	}

	/** The defaults of docs/domain.md for the Jiangxi 2012 regulation. */
	public static final CreditingStandard JIANGXI_2012 = new CreditingStandard("江西2012学时标准", LocalDate.of(2012, 5, 24),
			BigDecimal.valueOf(8), BigDecimal.valueOf(32), BigDecimal.valueOf(48), BigDecimal.valueOf(40),
			BigDecimal.valueOf(72), BigDecimal.valueOf(40), null);

}
