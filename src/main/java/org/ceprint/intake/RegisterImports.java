package org.ceprint.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.ceprint.InvalidRequestException;
import org.ceprint.intake.internal.PrintableText;
import org.ceprint.intake.internal.RegisterWorkbook;
import org.ceprint.intake.internal.RegisterWorkbook.ReadRow;
import org.ceprint.registry.Channels;
import org.ceprint.registry.Checked;
import org.ceprint.registry.CreditCodes;
import org.ceprint.registry.Enrolment;
import org.ceprint.registry.Enrolment.PersonRecord;
import org.ceprint.registry.Enrolment.Registration;
import org.ceprint.registry.Enrolment.RegisteredUnit;
import org.ceprint.registry.Enrolment.UnitRecord;
import org.ceprint.registry.FieldProblem;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.PersonNames;
import org.ceprint.registry.ResidentIdNumbers;
import org.ceprint.registry.Sex;
import org.ceprint.registry.TitleLevel;
import org.ceprint.rendering.GlyphCoverage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An office's own records from a workbook: the units and bases of its city (单位和基地名册) and
 * the people of its units (人员名册). Like the summary table: every row is checked and the
 * valid ones are stored in one transaction, a row registered before is counted and not
 * stored again, every other row goes to the error workbook with its reasons, which is on
 * disk before the rows are committed.
 */
@Service
public class RegisterImports {

	/** The units-and-bases workbook. */
	public static final RegisterWorkbook UNITS = new RegisterWorkbook("单位和基地名册",
			List.of("名称", "统一社会信用代码", "类别", "主管部门", "地址", "联系人", "联系电话"), Set.of(1, 6),
			List.of("每行一个单位或继续教育基地；不要增删、调换或改名第 1 行的列", "名称：单位或基地的全称，不超过 100 字",
					"统一社会信用代码：18 位（GB 32100），全省唯一；该列已设为文本格式", "类别：「单位」（专业技术人员的所在单位）或「基地」（继续教育基地）；空白按单位",
					"主管部门（可不填）：单位的行政主管部门全称；本市尚未登记的部门随单位一并登记", "地址不超过 200 字；联系人不超过 40 字；联系电话只含数字、空格和 + - ( ) 转",
					"单位导入到办理导入的人社部门所在设区市（--office）；已登记的同一单位再次导入不会重复", "不能含表情符号、控制字符、零宽字符、文字方向控制符或字库中没有的字符"));

	/** The roster workbook. */
	public static final RegisterWorkbook ROSTER = new RegisterWorkbook("人员名册",
			List.of("姓名", "身份证件号码", "性别", "出生日期", "所在单位统一社会信用代码", "职称", "职称级别", "专业"), Set.of(1, 4),
			List.of("每行一名专业技术人员；不要增删、调换或改名第 1 行的列", "姓名：见 README「姓名规则」：汉字（含字库收录的扩展区汉字）和少数民族姓名的间隔号「·」，不含字母、空格",
					"身份证件号码：18 位居民身份证号码（GB 11643），该列已设为文本格式；性别和出生日期由号码得出", "性别、出生日期（可不填）：填写的须与身份证件号码一致",
					"所在单位统一社会信用代码：本市已登记的单位（先导入单位和基地名册）", "职称：不超过 40 字；职称级别：正高级、副高级、高级、中级、初级、员级或未定级；专业不超过 60 字",
					"一人只登记一次（全省）：已在别处登记的人员不会重复登记，改为办理调动（people transfer）"));

	private static final int NAME = 0;

	private static final int CODE = 1;

	private final Enrolment enrolment;

	private final Channels channels;

	private final PrintableText printable;

	private final TransactionTemplate transaction;

	private final Clock clock;

	RegisterImports(Enrolment enrolment, Channels channels, GlyphCoverage coverage,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.enrolment = enrolment;
		this.channels = channels;
		this.printable = new PrintableText(coverage);
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	public static void writeUnitTemplate(OutputStream out) throws IOException {
		UNITS.writeTemplate(out);
	}

	public static void writeRosterTemplate(OutputStream out) throws IOException {
		ROSTER.writeTemplate(out);
	}

	/**
	 * Registers the units and bases of a file in the office's city.
	 * @param actor who imports, for the audit (an account name, or the command line's
	 * user)
	 * @return the report; {@link ImportReport#entryIds()} holds the new organisations'
	 * ids
	 * @throws InvalidRequestException when the file as a whole is refused, in Chinese;
	 * nothing is stored then
	 */
	public ImportReport importUnits(Path file, Path errorWorkbook, String officeChannel, String actor)
			throws IOException {
		String office = office(officeChannel);
		RegisterWorkbook.Read read = UNITS.read(file);
		Units units = checkUnits(read.rows(), office);
		return store(file, UNITS, office, read, units.rejected(), units.already(), errorWorkbook,
				() -> this.enrolment.addUnits(office, units.valid(), actor));
	}

	/**
	 * Registers units and bases sent as a list (a page's form), each record's fields in
	 * the workbook's column order, with the checks of a workbook's rows.
	 */
	public ListReport addUnitList(List<List<String>> records, String officeChannel, String actor) {
		String office = office(officeChannel);
		List<ReadRow> rows = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			rows.add(UNITS.listed(i + 1, records.get(i)));
		}
		Units units = checkUnits(rows, office);
		List<Long> ids = this.transaction.execute((status) -> this.enrolment.addUnits(office, units.valid(), actor));
		return new ListReport(records.size(), ids, units.already(), units.rejected());
	}

	/**
	 * A units workbook's rows checked: the units to add, the rows registered before, the
	 * rest.
	 */
	private record Units(List<UnitRecord> valid, int already, List<ImportReport.RejectedRow> rejected) {

	}

	private Units checkUnits(List<ReadRow> rows, String office) {
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
	 * Enrols the people of a roster in units of the office's city.
	 * @return the report; {@link ImportReport#entryIds()} holds the new people's ids
	 * @throws InvalidRequestException when the file as a whole is refused, in Chinese;
	 * nothing is stored then
	 */
	public ImportReport importRoster(Path file, Path errorWorkbook, String officeChannel, String actor)
			throws IOException {
		return importRoster(file, errorWorkbook, officeChannel, null, actor);
	}

	/**
	 * As {@link #importRoster(Path, Path, String, String)}, every row's unit required to
	 * be {@code requiredUnit} (a unit registrar uploading its own unit's roster).
	 */
	public ImportReport importRoster(Path file, Path errorWorkbook, String officeChannel, String requiredUnit,
			String actor) throws IOException {
		String office = office(officeChannel);
		RegisterWorkbook.Read read = ROSTER.read(file);
		Roster roster = checkRoster(read.rows(), office, requiredUnit);
		return store(file, ROSTER, office, read, roster.rejected(), roster.already(), errorWorkbook,
				() -> this.enrolment.enrol(office, roster.valid(), actor));
	}

	/**
	 * Enrols people sent as a list (the JSON API), each record's fields in the roster's
	 * column order; the same checks as a roster's rows, the valid records stored in one
	 * transaction.
	 * @param requiredUnit the credit code every record's unit must have (a unit registrar
	 * enrolling its own people), or null for any unit of the office
	 */
	public ListReport enrolList(List<List<String>> records, String officeChannel, String requiredUnit, String actor) {
		String office = office(officeChannel);
		if (records.size() > MAX_LIST) {
			throw new InvalidRequestException("一次最多登记 %d 人，实为 %d 人；请分批提交".formatted(MAX_LIST, records.size()));
		}
		List<ReadRow> rows = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			rows.add(ROSTER.listed(i + 1, records.get(i)));
		}
		Roster roster = checkRoster(rows, office, requiredUnit);
		List<Long> ids = this.transaction.execute((status) -> this.enrolment.enrol(office, roster.valid(), actor));
		return new ListReport(records.size(), ids, roster.already(), roster.rejected());
	}

	/** The most people {@link #enrolList} takes at once. */
	public static final int MAX_LIST = 1000;

	/**
	 * What a registration by list did: the new records' ids, how many were registered
	 * before, and every record refused with its reasons.
	 */
	public record ListReport(int records, List<Long> ids, int alreadyRegistered,
			List<ImportReport.RejectedRow> rejected) {

	}

	/**
	 * A roster's rows checked: the people to enrol, the rows registered before, the rest.
	 */
	private record Roster(List<PersonRecord> valid, int already, List<ImportReport.RejectedRow> rejected) {

	}

	private Roster checkRoster(List<ReadRow> rows, String office, String requiredUnit) {
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

	/**
	 * Registers a department of the office's city, its name checked like a workbook's.
	 * @throws InvalidRequestException naming the field, in Chinese
	 */
	public long addDepartment(String officeChannel, String name, String actor) {
		String office = office(officeChannel);
		String checked = field("主管部门", name, 100, true);
		return this.transaction.execute((status) -> this.enrolment.addDepartment(office, checked, actor));
	}

	/**
	 * Changes a unit's name, department, address or contact (null: unchanged), each
	 * checked like a workbook's field.
	 * @throws InvalidRequestException naming the field, in Chinese
	 */
	public Enrolment.RegisteredUnit updateUnit(String officeChannel, String creditCode, Enrolment.UnitChanges changes,
			String actor) {
		String office = office(officeChannel);
		Checked code = CreditCodes.check(creditCode);
		if (!code.valid()) {
			throw new InvalidRequestException(CreditCodes.FIELD + "（" + creditCode + "）：" + code.problem());
		}
		if (changes.name() != null) {
			field("名称", changes.name(), 100, false);
		}
		if (changes.departmentName() != null) {
			field("主管部门", changes.departmentName(), 100, false);
		}
		if (changes.address() != null) {
			field("地址", changes.address(), 200, false);
		}
		if (changes.contactName() != null) {
			field("联系人", changes.contactName(), 40, false);
		}
		if (changes.contactPhone() != null) {
			field("联系电话", changes.contactPhone(), 40, false);
			if (!changes.contactPhone().strip().matches("[0-9 +()\\-转]*")) {
				throw new InvalidRequestException("联系电话（%s）：只能含数字、空格和 + - ( ) 转".formatted(changes.contactPhone()));
			}
		}
		return this.transaction.execute((status) -> this.enrolment.update(office, code.value(), changes, actor));
	}

	/** A typed field: its length and printable, or a refusal naming it. */
	private String field(String field, String typed, int length, boolean required) {
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

	private String office(String officeChannel) {
		Checked office = this.channels.check((officeChannel != null) ? officeChannel : "");
		if (!office.valid()) {
			throw new InvalidRequestException("办理导入的人社部门代码「%s」%s".formatted(officeChannel, office.problem()));
		}
		return office.value();
	}

	private ImportReport store(Path file, RegisterWorkbook workbook, String office, RegisterWorkbook.Read read,
			List<ImportReport.RejectedRow> rejected, int already, Path errorWorkbook, Store rows) {
		// the report of the rows not imported is on disk before the rows imported are
		// committed; if it cannot be written, nothing is stored
		Stored stored = this.transaction.execute((status) -> {
			List<Long> ids = rows.store();
			return new Stored(ids,
					rejected.isEmpty() ? null : workbook.writeErrorReport(file, rejected, errorWorkbook));
		});
		return new ImportReport(file, read.rows().size(), stored.ids().size(), already, rejected, stored.report(),
				office, stored.ids(), read.warnings());
	}

	private interface Store {

		List<Long> store();

	}

	private record Stored(List<Long> ids, Path report) {
	}

}
