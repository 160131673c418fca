package org.ceprint.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.ceprint.InvalidRequestException;
import org.ceprint.intake.internal.RegisterRowCheck;
import org.ceprint.intake.internal.RegisterWorkbook;
import org.ceprint.intake.internal.RegisterWorkbook.ReadRow;
import org.ceprint.registry.Channels;
import org.ceprint.registry.Checked;
import org.ceprint.registry.CreditCodes;
import org.ceprint.registry.Enrolment;
import org.ceprint.registry.UnitRegister;
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

	private final Enrolment enrolment;

	private final UnitRegister units;

	private final Channels channels;

	private final RegisterRowCheck check;

	private final TransactionTemplate transaction;

	RegisterImports(Enrolment enrolment, UnitRegister units, Channels channels, GlyphCoverage coverage,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.enrolment = enrolment;
		this.units = units;
		this.channels = channels;
		this.check = new RegisterRowCheck(enrolment, coverage, clock);
		this.transaction = new TransactionTemplate(transactionManager);
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
		RegisterRowCheck.Units units = this.check.units(read.rows(), office);
		return store(file, UNITS, office, read, units.rejected(), units.already(), errorWorkbook,
				() -> this.units.addUnits(office, units.valid(), actor));
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
		RegisterRowCheck.Units units = this.check.units(rows, office);
		List<Long> ids = this.transaction.execute((status) -> this.units.addUnits(office, units.valid(), actor));
		return new ListReport(records.size(), ids, units.already(), units.rejected());
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
		RegisterRowCheck.Roster roster = this.check.roster(read.rows(), office, requiredUnit);
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
		RegisterRowCheck.Roster roster = this.check.roster(rows, office, requiredUnit);
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
	 * Registers a department of the office's city, its name checked like a workbook's.
	 * @throws InvalidRequestException naming the field, in Chinese
	 */
	public long addDepartment(String officeChannel, String name, String actor) {
		String office = office(officeChannel);
		String checked = this.check.field("主管部门", name, 100, true);
		return this.transaction.execute((status) -> this.units.addDepartment(office, checked, actor));
	}

	/**
	 * Changes a unit's name, department, address or contact (null: unchanged), each
	 * checked like a workbook's field.
	 * @throws InvalidRequestException naming the field, in Chinese
	 */
	public Enrolment.RegisteredUnit updateUnit(String officeChannel, String creditCode,
			UnitRegister.UnitChanges changes, String actor) {
		String office = office(officeChannel);
		Checked code = CreditCodes.check(creditCode);
		if (!code.valid()) {
			throw new InvalidRequestException(CreditCodes.FIELD + "（" + creditCode + "）：" + code.problem());
		}
		if (changes.name() != null) {
			this.check.field("名称", changes.name(), 100, false);
		}
		if (changes.departmentName() != null) {
			this.check.field("主管部门", changes.departmentName(), 100, false);
		}
		if (changes.address() != null) {
			this.check.field("地址", changes.address(), 200, false);
		}
		if (changes.contactName() != null) {
			this.check.field("联系人", changes.contactName(), 40, false);
		}
		if (changes.contactPhone() != null) {
			this.check.field("联系电话", changes.contactPhone(), 40, false);
			if (!changes.contactPhone().strip().matches("[0-9 +()\\-转]*")) {
				throw new InvalidRequestException("联系电话（%s）：只能含数字、空格和 + - ( ) 转".formatted(changes.contactPhone()));
			}
		}
		return this.transaction.execute((status) -> this.units.update(office, code.value(), changes, actor));
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
