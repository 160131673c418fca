package org.ceprint.intake.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.ceprint.InvalidRequestException;
import org.ceprint.intake.ImportReport;
import org.ceprint.intake.internal.RegisterWorkbook.ReadRow;
import org.ceprint.registry.Checked;
import org.ceprint.registry.CreditCodes;
import org.ceprint.registry.Enrolment;
import org.ceprint.registry.Enrolment.PersonRecord;
import org.ceprint.registry.Enrolment.Registration;
import org.ceprint.registry.Enrolment.RegisteredUnit;
import org.ceprint.registry.UnitRegister.UnitRecord;
import org.ceprint.registry.FieldProblem;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.PersonNames;
import org.ceprint.registry.ResidentIdNumbers;
import org.ceprint.registry.Sex;
import org.ceprint.registry.TitleLevel;
import org.ceprint.rendering.GlyphCoverage;

/**
 * The checks of a register workbook's rows, or of records sent as a list: each field's
 * rule, duplicates within the rows, and what the registry already holds, every refusal
 * naming its row and field ({@code RegisterImports} reads and stores).
 */
public final class RegisterRowCheck {

	private static final int NAME = 0;

	private static final int CODE = 1;

	private final Enrolment enrolment;

	private final PrintableText printable;

	private final Clock clock;

	public RegisterRowCheck(Enrolment enrolment, GlyphCoverage coverage, Clock clock) {
		this.enrolment = enrolment;
		this.printable = new PrintableText(coverage);
		this.clock = clock;
	}

	/**
	 * A units workbook's rows checked: the units to add, the rows registered before, the
	 * rest.
	 */
	public record Units(List<UnitRecord> valid, int already, List<ImportReport.RejectedRow> rejected) {

	}

	public Units units(List<ReadRow> rows, String office) {
		Map<String, RegisteredUnit> registered = this.enrolment
			.units(rows.stream().map((row) -> CreditCodes.check(row.value(CODE)).value()).toList());
		Map<String, Integer> seen = new HashMap<>();
		List<UnitRecord> valid = new ArrayList<>();
		List<ImportReport.RejectedRow> rejected = new ArrayList<>();
		int already = 0;
		for (ReadRow row : rows) {
			List<String> reasons = new ArrayList<>(row.problems());
			String name = text(row, NAME, "名称", 100, true, reasons);
			Checked code = CreditCodes.check(row.value(CODE));
			if (!code.valid()) {
				reasons.add(row.problem(CODE, code.problem()));
			}
			Organisation.Kind kind = switch (row.value(2)) {
				case "", "单位", "所在单位" -> Organisation.Kind.UNIT;
				case "基地", "继续教育基地" -> Organisation.Kind.BASE;
				default -> {
					reasons.add(row.problem(2, "须为「单位」或「基地」"));
					yield null;
				}
			};
			String department = text(row, 3, "主管部门", 100, false, reasons);
			String address = text(row, 4, "地址", 200, false, reasons);
			String contact = text(row, 5, "联系人", 40, false, reasons);
			String phone = text(row, 6, "联系电话", 40, false, reasons);
			if (phone != null && !phone.matches("[0-9 +()\\-转]*")) {
				reasons.add(row.problem(6, "只能含数字、空格和 + - ( ) 转"));
			}
			if (code.valid()) {
				Integer first = seen.putIfAbsent(code.value(), row.rowNumber());
				if (first != null) {
					reasons.add(row.problem(CODE,
							"与第 %d %s的统一社会信用代码相同：一个单位只登记一次".formatted(first, row.fromList() ? "条" : "行")));
				}
				RegisteredUnit there = registered.get(code.value());
				if (there != null && reasons.isEmpty()) {
					if (there.name().equals(name) && there.channelCode().equals(office) && there.kind() == kind) {
						already++;
						continue;
					}
					reasons.add(row.problem(CODE,
							"已登记为%s「%s」（%s）".formatted(there.kind().label(), there.name(), there.channelName())));
				}
			}
			if (!reasons.isEmpty()) {
				rejected.add(new ImportReport.RejectedRow(row.rowNumber(), row.values(), reasons));
				continue;
			}
			valid.add(new UnitRecord(kind, name, code.value(), department, address, contact, phone));
		}
		return new Units(valid, already, rejected);
	}

	/**
	 * A roster's rows checked: the people to enrol, the rows registered before, the rest.
	 */
	public record Roster(List<PersonRecord> valid, int already, List<ImportReport.RejectedRow> rejected) {

	}

	public Roster roster(List<ReadRow> rows, String office, String requiredUnit) {
		LocalDate today = LocalDate.now(this.clock);
		Function<ReadRow, Checked> idOf = (row) -> ResidentIdNumbers.check(row.value(CODE), today);
		Map<String, Registration> registered = this.enrolment
			.registrations(rows.stream().map(idOf).filter(Checked::valid).map(Checked::value).toList());
		Map<String, RegisteredUnit> units = this.enrolment
			.units(rows.stream().map((row) -> CreditCodes.check(row.value(4)).value()).toList());
		Map<String, Integer> seen = new HashMap<>();
		List<PersonRecord> valid = new ArrayList<>();
		List<ImportReport.RejectedRow> rejected = new ArrayList<>();
		int already = 0;
		for (ReadRow row : rows) {
			List<String> reasons = new ArrayList<>(row.problems());
			Checked name = PersonNames.check(row.value(NAME));
			if (!name.valid()) {
				reasons.add(row.problem(NAME, name.problem()));
			}
			else {
				this.printable.problem(name.value()).ifPresent((problem) -> reasons.add(row.problem(NAME, problem)));
			}
			Checked id = idOf.apply(row);
			if (!id.valid()) {
				reasons.add(row.problem(CODE, id.problem()));
			}
			else {
				crossCheck(row, id.value(), reasons);
			}
			Checked unitCode = CreditCodes.check(row.value(4));
			RegisteredUnit unit = unitCode.valid() ? units.get(unitCode.value()) : null;
			if (!unitCode.valid()) {
				reasons.add(row.problem(4, unitCode.problem()));
			}
			else if (unit == null) {
				reasons.add(row.problem(4, "登记库中没有该单位：请先导入单位和基地名册"));
			}
			else if (!unit.channelCode().equals(office)) {
				reasons.add(row.problem(4, "「%s」属%s，不归本机关（%s）管理".formatted(unit.name(), unit.channelName(), office)));
			}
			else if (requiredUnit != null && !requiredUnit.equals(unit.creditCode())) {
				reasons.add(row.problem(4, "不是本单位（%s）：单位登记员只能登记本单位的人员".formatted(requiredUnit)));
			}
			else if (unit.closed()) {
				reasons.add(row.problem(4, "「%s」已于 %s 撤销，不能再登记人员".formatted(unit.name(), unit.closedOn())));
			}
			String title = text(row, 5, "职称", 40, false, reasons);
			TitleLevel level = titleLevel(row, reasons);
			String specialty = text(row, 7, "专业", 60, false, reasons);
			if (id.valid()) {
				Integer first = seen.putIfAbsent(id.value(), row.rowNumber());
				if (first != null) {
					reasons.add(row.problem(CODE,
							"与第 %d %s的身份证件号码相同：一人只登记一次".formatted(first, row.fromList() ? "条" : "行")));
				}
				Registration there = registered.get(id.value());
				if (there != null && reasons.isEmpty()) {
					if (there.unitCreditCode().equals(unitCode.value()) && there.name().equals(name.value())) {
						already++;
						continue;
					}
					reasons.add(row.problem(CODE, Enrolment.alreadyRegistered(there)));
				}
			}
			if (!reasons.isEmpty()) {
				rejected.add(new ImportReport.RejectedRow(row.rowNumber(), row.values(), reasons));
				continue;
			}
			valid.add(new PersonRecord(name.value(), id.value(), unitCode.value(), level, title, specialty));
		}
		return new Roster(valid, already, rejected);
	}

	/** A typed field: its length and printable, or a refusal naming it. */
	public String field(String field, String typed, int length, boolean required) {
		String value = (typed != null) ? typed.strip() : "";
		if (value.isEmpty() && required) {
			throw new InvalidRequestException("「%s」须填写".formatted(field));
		}
		if (value.length() > length) {
			throw new InvalidRequestException("「%s」超过 %d 字".formatted(field, length));
		}
		this.printable.problem(value).ifPresent((problem) -> {
			throw new InvalidRequestException(new FieldProblem("输入", field, value, problem).message());
		});
		return value;
	}

	/** Sex and birth date, when given, must be the ID number's. */
	private static void crossCheck(ReadRow row, String id, List<String> reasons) {
		String sex = row.value(2);
		Sex derived = ResidentIdNumbers.sexOf(id);
		if (!sex.isEmpty() && !sex.equals(derived.label())) {
			reasons.add(row.problem(2, "与身份证件号码不符（号码第 17 位表示%s）".formatted(derived.label())));
		}
		String birth = row.value(3);
		LocalDate born = ResidentIdNumbers.birthDateOf(id).orElseThrow();
		if (!birth.isEmpty()) {
			LocalDate typed = RegisterWorkbook.date(birth);
			if (typed == null) {
				reasons.add(row.problem(3, "不是日期（如 1985-03-05）"));
			}
			else if (!typed.equals(born)) {
				reasons.add(row.problem(3, "与身份证件号码中的出生日期 %s 不符".formatted(born)));
			}
		}
	}

	private static TitleLevel titleLevel(ReadRow row, List<String> reasons) {
		return switch (row.value(6)) {
			case "正高级", "副高级", "高级" -> TitleLevel.SENIOR;
			case "中级" -> TitleLevel.INTERMEDIATE;
			case "初级", "员级", "助理级" -> TitleLevel.JUNIOR;
			case "", "未定级" -> TitleLevel.UNRATED;
			default -> {
				reasons.add(row.problem(6, "须为正高级、副高级、高级、中级、初级、员级或未定级"));
				yield TitleLevel.UNRATED;
			}
		};
	}

	/** A text field: its length (UTF-16 units, as the column counts) and printable. */
	private String text(ReadRow row, int column, String field, int length, boolean required, List<String> reasons) {
		String value = row.value(column);
		if (value.isEmpty()) {
			if (required) {
				reasons.add(row.problem(column, "须填写"));
			}
			return null;
		}
		if (value.length() > length) {
			reasons.add(row.problem(column, "超过 %d 字".formatted(length)));
		}
		this.printable.problem(value).ifPresent((problem) -> reasons.add(row.problem(column, problem)));
		return value;
	}

}
