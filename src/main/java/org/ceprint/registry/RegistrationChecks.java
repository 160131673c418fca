package org.ceprint.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Checks of a registration entry's period and hours, with the reasons in Chinese.
 */
public final class RegistrationChecks {

	/** The most hours one entry may register. */
	public static final Hours MAX_HOURS = Hours.of(999);

	private static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

	private RegistrationChecks() {
	}

	public static List<FieldProblem> period(String record, LocalDate start, LocalDate end, LocalDate today) {
		if (start == null || end == null) {
			return List.of(new FieldProblem(record, "起止时间", null, "开始和结束日期都须填写"));
		}
		String shown = start + "—" + end;
		if (end.isBefore(start)) {
			return List.of(new FieldProblem(record, "起止时间", shown, "结束日期早于开始日期"));
		}
		if (start.isBefore(EARLIEST) || end.isAfter(today)) {
			return List.of(new FieldProblem(record, "起止时间", shown, "日期须在 1950 年以后且不晚于今天"));
		}
		return List.of();
	}

	public static Optional<FieldProblem> hours(String record, BigDecimal hours) {
		String reason = null;
		if (hours == null) {
			reason = "须填写";
		}
		else if (!Hours.of(hours).isPositive()) {
			reason = "须大于 0";
		}
		else if (Hours.of(hours).isMoreThan(MAX_HOURS)) {
			reason = "单条登记不能超过 " + MAX_HOURS.withUnit();
		}
		else if (Hours.of(hours).decimals() > 1) {
			reason = "最多保留一位小数";
		}
		return Optional.ofNullable(reason)
			.map((why) -> new FieldProblem(record, "学时", (hours != null) ? hours.toPlainString() : null, why));
	}

}
