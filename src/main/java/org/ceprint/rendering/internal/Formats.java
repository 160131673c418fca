package org.ceprint.rendering.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.ceprint.rendering.RenderOptions;

/**
 * How values are written on the documents.
 */
public final class Formats {

	private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("yyyy年MM月dd日");

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy.MM.dd");

	private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM.dd");

	private Formats() {
	}

	/** 2024年03月05日 */
	public static String date(LocalDate date) {
		return (date != null) ? LONG.format(date) : "";
	}

	/** 2024.03.05 */
	public static String shortDate(LocalDate date) {
		return (date != null) ? SHORT.format(date) : "";
	}

	/** 2024.03.05–2024.03.08, or one date for a one-day activity */
	public static String period(LocalDate start, LocalDate end) {
		return start.equals(end) ? shortDate(start) : shortDate(start) + "–" + shortDate(end);
	}

	/**
	 * The period in lines for a column too narrow for both dates, so that no date wraps
	 * in its middle: 2024.03.05 / 至03.08, or 2024.12.28 / 至 / 2025.01.02 across a year.
	 */
	public static String periodInLines(LocalDate start, LocalDate end) {
		if (start.equals(end)) {
			return shortDate(start);
		}
		if (start.getYear() == end.getYear()) {
			return shortDate(start) + "\n至" + MONTH_DAY.format(end);
		}
		return shortDate(start) + "\n至\n" + shortDate(end);
	}

	/** 8, 7.5; blank for none, as a row leaves the other subject type's column */
	public static String hours(BigDecimal hours) {
		return (hours != null && hours.signum() != 0) ? plain(hours) : "";
	}

	/** 8, 7.5; 0 for none, as a total or a year of the register card shows it */
	public static String hoursOrZero(BigDecimal hours) {
		return (hours != null) ? plain(hours) : "0";
	}

	/**
	 * 8, 7.5, 168: never 8.0 or 1.68E+2, the way the registry's Hours writes them (which
	 * this module may not use).
	 */
	private static String plain(BigDecimal hours) {
		return hours.stripTrailingZeros().toPlainString();
	}

	/**
	 * The ID number, or at the holder's request its first and last four characters
	 * (3601**********0521), as the Personal Information Protection Law allows.
	 */
	public static String idNumber(String idNumber, RenderOptions options) {
		if (idNumber == null || !options.maskIdNumbers() || idNumber.length() <= 8) {
			return text(idNumber);
		}
		return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
	}

	public static String text(String value) {
		return (value != null) ? value : "";
	}

}
