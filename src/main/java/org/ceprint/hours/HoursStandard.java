package org.ceprint.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.ceprint.hours.internal.CreditingStandard;
import org.ceprint.hours.internal.HoursProperties;
import org.ceprint.registry.Hours;
import org.ceprint.registry.LearningForm;

import org.springframework.stereotype.Component;

/**
 * Recomputes an entry's hours by the crediting standard in force on its start date, so a
 * verifying clerk sees at once where a registration claims more than the standard allows.
 */
@Component
public class HoursStandard {

	private final List<CreditingStandard> standards;

	HoursStandard(HoursProperties properties) {
		this.standards = properties.creditingStandards()
			.stream()
			.sorted(Comparator.comparing(CreditingStandard::effectiveFrom))
			.toList();
	}

	/** The version in force on a day. */
	public CreditingStandard standardOn(LocalDate day) {
		CreditingStandard inForce = this.standards.get(0);
		for (CreditingStandard standard : this.standards) {
			if (!standard.effectiveFrom().isAfter(day)) {
				inForce = standard;
			}
		}
		return inForce;
	}

	/**
	 * Checks one entry.
	 * @param byBase registered by a continuing-education base (its approved course hours
	 * stand)
	 * @param sameKindThisYear hours of the same form the person already has verified in
	 * the entry's year, for the forms with a yearly cap
	 */
	public HoursCheck check(LearningForm form, LocalDate start, LocalDate end, BigDecimal hours, boolean byBase,
			BigDecimal sameKindThisYear) {
		return check(form, null, start, end, hours, byBase, sameKindThisYear);
	}

	/**
	 * Checks one entry that names the item of the standard it claims (a conference's
	 * level, half-time training, a kind of achievement); without an item, or with one of
	 * another form, by its learning form alone.
	 */
	public HoursCheck check(LearningForm form, CreditItem item, LocalDate start, LocalDate end, BigDecimal hours,
			boolean byBase, BigDecimal sameKindThisYear) {
		CreditingStandard standard = standardOn(start);
		if (item != null && item.form() == form && !(form == LearningForm.TRAINING && byBase)) {
			return checkItem(item, standard, start, end, hours, sameKindThisYear);
		}
		long days = ChronoUnit.DAYS.between(start, end) + 1;
		Hours already = Hours.orZero(sameKindThisYear);
		return switch (form) {
			case TRAINING -> byBase ? new HoursCheck(hours, null, "基地核定的课程学时", standard.name())
					: perDay(hours, days, standard, form);
			case SECONDMENT, SELF_STUDY -> perDay(hours, days, standard, form);
			case CONFERENCE -> {
				Hours perEvent = Hours.of(standard.conferencePerEvent());
				Hours yearCap = Hours.of(standard.conferenceYearCap());
				yield new HoursCheck(hours, perEvent.min(already.shortOf(yearCap)).value(),
						"学术会议每次至多 %s，全年至多 %s（本年已验证 %s）".formatted(perEvent.withUnit(), yearCap.withUnit(), already),
						standard.name());
			}
			case EXAM -> new HoursCheck(hours, standard.examPerPass(),
					"考试合格每次 %s".formatted(Hours.of(standard.examPerPass()).withUnit()), standard.name());
			case DEGREE -> {
				long years = studyYears(days);
				Hours perYear = Hours.of(standard.degreePerYear());
				yield new HoursCheck(hours, perYear.times(years).value(),
						"学历学位教育 %d 学年 × %s".formatted(years, perYear.withUnit()), standard.name());
			}
			case DISTANCE -> new HoursCheck(hours, null, "远程课程标明的学时", standard.name());
			case ACHIEVEMENT -> {
				Hours yearCap = Hours.of(standard.achievementYearCap());
				yield new HoursCheck(hours, already.shortOf(yearCap).value(),
						"业绩成果折算全年至多 %s（本年已验证 %s）".formatted(yearCap.withUnit(), already), standard.name());
			}
		};
	}

	/**
	 * The hours the standard in force on {@code start} credits for one item, before any
	 * per-year cap (which depends on what else is verified that year), with the rule in
	 * words: what an import stores when a row names the item and leaves 学时 blank.
	 */
	public HoursCheck credit(CreditItem item, LocalDate start, LocalDate end) {
		return checkItem(item, standardOn(start), start, end, BigDecimal.ZERO, null);
	}

	private static HoursCheck checkItem(CreditItem item, CreditingStandard standard, LocalDate start, LocalDate end,
			BigDecimal hours, BigDecimal sameKindThisYear) {
		Hours each = Hours.of(standard.itemHours().get(item));
		long days = ChronoUnit.DAYS.between(start, end) + 1;
		long units = switch (item.basis()) {
			case PER_DAY -> days;
			case PER_STUDY_YEAR -> studyYears(days);
			case PER_EVENT, PER_ITEM -> 1;
		};
		Hours allowed = each.times(units);
		String rule = switch (item.basis()) {
			case PER_DAY -> "%s %d 天 × %s".formatted(item.label(), units, each.withUnit());
			case PER_STUDY_YEAR -> "%s %d 学年 × %s".formatted(item.label(), units, each.withUnit());
			case PER_EVENT, PER_ITEM -> "%s%s %s".formatted(item.label(), item.basis().label(), each.withUnit());
		};
		if (sameKindThisYear != null && item.capGroup() != null) {
			boolean conference = item.capGroup() == CreditItem.CapGroup.CONFERENCE;
			Hours cap = Hours.of(conference ? standard.conferenceYearCap() : standard.achievementYearCap());
			Hours already = Hours.of(sameKindThisYear);
			allowed = allowed.min(already.shortOf(cap));
			rule += "（%s全年至多 %s，本年已验证 %s）".formatted(conference ? "学术会议" : "业绩成果折算", cap.withUnit(), already);
		}
		return new HoursCheck(hours, allowed.value(), rule, standard.name());
	}

	/** Years of study begun in a period: a part year counts as one. */
	private static long studyYears(long days) {
		return Math.max(1, (days + 364) / 365);
	}

	private static HoursCheck perDay(BigDecimal hours, long days, CreditingStandard standard, LearningForm form) {
		Hours perDay = Hours.of(standard.hoursPerDay());
		return new HoursCheck(hours, perDay.times(days).value(),
				"%s %d 天 × %s".formatted(form.label(), days, perDay.withUnit()), standard.name());
	}

}
