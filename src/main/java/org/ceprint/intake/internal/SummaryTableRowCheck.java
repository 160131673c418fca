package org.ceprint.intake.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.ceprint.hours.CreditItem;
import org.ceprint.hours.HoursCheck;
import org.ceprint.hours.HoursStandard;
import org.ceprint.registry.Checked;
import org.ceprint.registry.CreditCodes;
import org.ceprint.registry.Transfers;
import org.ceprint.registry.EntryStatus;
import org.ceprint.registry.FieldLengths;
import org.ceprint.registry.FieldProblem;
import org.ceprint.registry.LearningForm;
import org.ceprint.registry.NewRecords.NewEntry;
import org.ceprint.registry.PersonNames;
import org.ceprint.registry.RegistrationChecks;
import org.ceprint.registry.ResidentIdNumbers;
import org.ceprint.registry.SubjectType;

/**
 * Checks one row of a summary table against the registry and the hours standard: either
 * the entry it stands for, pending verification, or every reason it cannot be stored, in
 * Chinese, naming the row, the field and the value.
 */
public final class SummaryTableRowCheck {

	/** A row checked: {@code entry} is null exactly when there are reasons. */
	public record Outcome(NewEntry entry, List<String> reasons) {

		boolean valid() {
			return this.entry != null;
		}

	}

	private final HoursStandard standard;

	private final PrintableText printable;

	/**
	 * The names the registry holds, by ID number, for every valid ID number of the file.
	 */
	private final Map<String, String> names;

	private final String bodyCode;

	private final LocalDateTime now;

	/**
	 * The people of the file who moved away from the submitting unit (第十八条), by ID
	 * number: their entries from the move on are the new unit's to register.
	 */
	private final Map<String, Transfers.MovedAway> movedAway;

	public SummaryTableRowCheck(HoursStandard standard, PrintableText printable, Map<String, String> names,
			String bodyCode, LocalDateTime now, Map<String, Transfers.MovedAway> movedAway) {
		this.standard = standard;
		this.printable = printable;
		this.names = names;
		this.bodyCode = bodyCode;
		this.now = now;
		this.movedAway = movedAway;
	}

	public Outcome check(SummaryTableRow row) {
		List<String> reasons = new ArrayList<>(row.problems());
		NewEntry entry = reasons.isEmpty() ? entry(row, reasons) : null;
		return reasons.isEmpty() ? new Outcome(entry, List.of()) : new Outcome(null, reasons);
	}

	private NewEntry entry(SummaryTableRow row, List<String> reasons) {
		String record = row.record();
		Checked id = person(row, reasons);
		text(record, SummaryTableColumn.PROJECT, row.project(), FieldLengths.PROJECT_NAME, true, reasons);
		text(record, SummaryTableColumn.CONTENT, row.content(), FieldLengths.CONTENT, true, reasons);
		text(record, SummaryTableColumn.RESULT, row.result(), FieldLengths.RESULT, false, reasons);
		text(record, SummaryTableColumn.OUTCOME, row.outcome(), FieldLengths.OUTCOME, false, reasons);
		LearningForm form = byLabel(LearningForm.values(), row.form(), LearningForm::label);
		if (form == null) {
			reasons
				.add(problem(record, SummaryTableColumn.FORM, row.form(), "须为面授培训、学术会议、资格考试、进修、自学、学历学位教育、远程教育或业绩成果折算"));
		}
		SubjectType subject = byLabel(SubjectType.values(), row.subject().replace("科目", "") + "科目", SubjectType::label);
		if (subject == null) {
			reasons.add(problem(record, SummaryTableColumn.SUBJECT, row.subject(), "须为公需科目或专业科目"));
		}
		LocalDate start = date(record, SummaryTableColumn.START_DATE, row.startDate(), reasons);
		LocalDate end = date(record, SummaryTableColumn.END_DATE, row.endDate(), reasons);
		if ((start != null || row.startDate().isEmpty()) && (end != null || row.endDate().isEmpty())) {
			RegistrationChecks.period(record, start, end, this.now.toLocalDate())
				.forEach((problem) -> reasons.add(problem.message()));
		}
		Transfers.MovedAway moved = id.valid() ? this.movedAway.get(id.value()) : null;
		if (moved != null && start != null && !start.isBefore(moved.movedOn())) {
			reasons.add(problem(record, SummaryTableColumn.START_DATE, row.startDate(),
					"此人已于 %s 调到「%s」：此后的学习由调入单位登记报送（第十八条）".formatted(moved.movedOn(), moved.toUnitName())));
		}
		CreditItem item = creditItem(record, row.creditItem(), form, reasons);
		BigDecimal hours = null;
		String creditedBy = null;
		try {
			hours = row.hours().isEmpty() ? null : new BigDecimal(row.hours());
		}
		catch (NumberFormatException ex) {
			reasons.add(problem(record, SummaryTableColumn.HOURS, row.hours(), "须为数字"));
		}
		if (hours == null && row.hours().isEmpty() && item != null && reasons.isEmpty()) {
			// 学时 left blank: credited by the standard in force on the start date
			HoursCheck credited = this.standard.credit(item, start, end);
			hours = credited.allowed();
			creditedBy = credited.standard() + "：" + credited.rule();
		}
		if (hours != null || row.hours().isEmpty()) {
			RegistrationChecks.hours(record, hours).ifPresent((problem) -> reasons.add(problem.message()));
		}
		if (!reasons.isEmpty()) {
			return null;
		}
		return new NewEntry(id.value(), row.project(), row.content(), form, subject, start, end, hours,
				blankToNull(row.result()), blankToNull(row.outcome()), this.bodyCode, this.now, EntryStatus.PENDING,
				null, null, null, null, (item != null) ? item.name() : null, creditedBy);
	}

	/**
	 * The name and the ID number, which must be a person of the registry's by that name.
	 * The name must pass the name rule ({@link PersonNames}) and print; it is compared
	 * normalised with the registry's, normalised too, so that 「阿依古丽•买买提」 is 「阿依古丽·买买提」.
	 */
	private Checked person(SummaryTableRow row, List<String> reasons) {
		String record = row.record();
		Checked name = PersonNames.check(row.name());
		Checked id = ResidentIdNumbers.check(row.idNumber(), this.now.toLocalDate());
		if (!name.valid()) {
			reasons.add(problem(record, SummaryTableColumn.NAME, row.name(), name.problem()));
		}
		else {
			this.printable.problem(name.value())
				.ifPresent((problem) -> reasons.add(problem(record, SummaryTableColumn.NAME, row.name(), problem)));
		}
		if (!id.valid()) {
			reasons.add(problem(record, SummaryTableColumn.ID_NUMBER, row.idNumber(),
					CreditCodes.check(row.idNumber()).valid() ? "这是统一社会信用代码，不是身份证件号码（列是否填错？）" : id.problem()));
		}
		else if (!this.names.containsKey(id.value())) {
			reasons.add(problem(record, SummaryTableColumn.ID_NUMBER, id.value(), "登记库中没有此人，请先办理继续教育证书"));
		}
		else if (name.valid() && !PersonNames.check(this.names.get(id.value())).value().equals(name.value())) {
			reasons.add(problem(record, SummaryTableColumn.NAME, row.name(),
					"与登记库中该身份证件号码的姓名「" + this.names.get(id.value()) + "」不符"));
		}
		return id;
	}

	private static LocalDate date(String record, SummaryTableColumn column, String value, List<String> reasons) {
		LocalDate date = ImportDates.parse(value);
		if (date == null && !value.isEmpty()) {
			reasons.add(problem(record, column, value, ImportDates.EXAMPLES));
		}
		return date;
	}

	private static CreditItem creditItem(String record, String text, LearningForm form, List<String> reasons) {
		if (text.isEmpty()) {
			return null;
		}
		CreditItem item = CreditItem.find(text).orElse(null);
		if (item == null) {
			reasons.add(problem(record, SummaryTableColumn.CREDIT_ITEM, text, "须为学时登记标准中的项目：" + CreditItem.labels()));
		}
		else if (form != null && item.form() != form) {
			reasons.add(problem(record, SummaryTableColumn.CREDIT_ITEM, text,
					"属于「%s」，与学习形式「%s」不符".formatted(item.form().label(), form.label())));
		}
		return item;
	}

	/**
	 * A text field that will be printed: required or not, no longer than its column, and
	 * only characters that print (see {@link PrintableText}).
	 */
	private void text(String record, SummaryTableColumn column, String value, int maxLength, boolean required,
			List<String> reasons) {
		if (value.isEmpty()) {
			if (required) {
				reasons.add(problem(record, column, value, "须填写"));
			}
			return;
		}
		Optional<String> unprintable = this.printable.problem(value);
		if (unprintable.isPresent()) {
			reasons.add(problem(record, column, value, unprintable.get()));
		}
		else if (value.length() > maxLength) {
			reasons.add(problem(record, column, value, "不能超过 %d 字（现有 %d 字）".formatted(maxLength, value.length())));
		}
	}

	private static <E> E byLabel(E[] values, String label, Function<E, String> labelOf) {
		for (E value : values) {
			if (labelOf.apply(value).equals(label)) {
				return value;
			}
		}
		return null;
	}

	private static String problem(String record, SummaryTableColumn column, String value, String reason) {
		return new FieldProblem(record, column.heading(), value, reason).message();
	}

	private static String blankToNull(String value) {
		return value.isEmpty() ? null : value;
	}

}
