package org.ceprint.registry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;

/**
 * A number of 学时 (class hours, 第五、六条), never negative in the registry but allowed to be
 * in a difference. Two values are equal when they are the same number (8 and 8.0 are),
 * and {@link #toString()} is how every document and page shows hours: 8, 7.5, 168, never
 * 8.0 or 1.68E+2.
 *
 * @param value the number, without trailing zeros
 */
public record Hours(BigDecimal value) implements Comparable<Hours> {

	public static final Hours ZERO = new Hours(BigDecimal.ZERO);

	public Hours {
		Objects.requireNonNull(value, "value");
		BigDecimal stripped = value.stripTrailingZeros();
		// 40 rather than 4E+1: the scale is never negative, so the value prints plainly
		// in JSON too
		value = (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	public static Hours of(BigDecimal value) {
		return new Hours(value);
	}

	public static Hours of(long value) {
		return new Hours(BigDecimal.valueOf(value));
	}

	/** The value, or zero for none (a blank column, an entry without hours). */
	public static Hours orZero(BigDecimal value) {
		return (value != null) ? new Hours(value) : ZERO;
	}

	/** The hours of the entries added up. */
	public static Hours sum(Collection<RegistrationEntry> entries) {
		Hours sum = ZERO;
		for (RegistrationEntry entry : entries) {
			sum = sum.plus(orZero(entry.hours()));
		}
		return sum;
	}

	public Hours plus(Hours other) {
		return new Hours(this.value.add(other.value));
	}

	public Hours minus(Hours other) {
		return new Hours(this.value.subtract(other.value));
	}

	public Hours times(long factor) {
		return new Hours(this.value.multiply(BigDecimal.valueOf(factor)));
	}

	/**
	 * {@code numerator/denominator} of these hours, to a tenth of an hour, rounded down:
	 * the share public subjects may make up of a requirement (第五条: a third of 40 is
	 * 13.3).
	 */
	public Hours share(int numerator, int denominator) {
		return new Hours(this.value.multiply(BigDecimal.valueOf(numerator))
			.divide(BigDecimal.valueOf(denominator), 1, RoundingMode.DOWN));
	}

	public Hours min(Hours other) {
		return (compareTo(other) <= 0) ? this : other;
	}

	public Hours max(Hours other) {
		return (compareTo(other) >= 0) ? this : other;
	}

	/** Zero when these hours are fewer than {@code other}'s: what is still missing. */
	public Hours shortOf(Hours other) {
		return other.minus(this).max(ZERO);
	}

	public boolean isZero() {
		return this.value.signum() == 0;
	}

	public boolean isPositive() {
		return this.value.signum() > 0;
	}

	public boolean isMoreThan(Hours other) {
		return compareTo(other) > 0;
	}

	/** Decimal places written: 7.5 has one, 7.25 two. */
	public int decimals() {
		return Math.max(0, this.value.scale());
	}

	@Override
	public int compareTo(Hours other) {
		return this.value.compareTo(other.value);
	}

	/** 8, 7.5, 168. */
	@Override
	public String toString() {
		return this.value.toPlainString();
	}

	/** 8 学时, as messages and rules in words name hours. */
	public String withUnit() {
		return this + " 学时";
	}

}
