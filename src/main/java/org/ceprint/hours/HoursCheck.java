package org.ceprint.hours;

import java.math.BigDecimal;

import org.ceprint.registry.Hours;

/**
 * What the crediting standard allows for one entry, next to what was registered.
 *
 * @param allowed the most the entry can earn; null when the standard takes the registered
 * hours as they are (a base's approved course, a distance course's stated hours)
 * @param rule the rule applied, in words, e.g. 面授培训 3 天 × 8 学时
 * @param standard the name of the standard applied
 */
public record HoursCheck(BigDecimal registered, BigDecimal allowed, String rule, String standard) {

	/** Registered hours above what the standard allows. */
	public boolean over() {
		return this.allowed != null && this.registered.compareTo(this.allowed) > 0;
	}

	/** How many hours too many, zero when within the standard. */
	public BigDecimal excess() {
		return over() ? Hours.of(this.registered).minus(Hours.of(this.allowed)).value() : BigDecimal.ZERO;
	}

}
