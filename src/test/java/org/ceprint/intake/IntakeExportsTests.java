package org.ceprint.intake;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ceprint.InvalidRequestException;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.intake.IntakeExports.Scope;
import org.ceprint.intake.IntakeExports.Written;
import org.ceprint.registry.RegistrationEntries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The round trip of issue 8: a unit's summary table exported by ceprint, filled in,
 * imported, verified by the office and assessed, under the 2012 rule for 2024 and under a
 * second rule set (90 hours from 2025) configured in properties; then exported again with
 * the results, and the exported table imported again without storing anything twice.
 */
@SpringBootTest(
		properties = { "ceprint.hours.rule-sets[0].name=江西2012", "ceprint.hours.rule-sets[0].effective-from=2012-05-24",
				"ceprint.hours.rule-sets[0].senior-hours=40", "ceprint.hours.rule-sets[0].intermediate-hours=40",
				"ceprint.hours.rule-sets[0].junior-hours=32", "ceprint.hours.rule-sets[0].unrated-hours=32",
				"ceprint.hours.rule-sets[0].public-share-cap=1/3", "ceprint.hours.rule-sets[1].name=全国2015",
				"ceprint.hours.rule-sets[1].effective-from=2025-01-01", "ceprint.hours.rule-sets[1].senior-hours=90",
				"ceprint.hours.rule-sets[1].intermediate-hours=90", "ceprint.hours.rule-sets[1].junior-hours=90",
				"ceprint.hours.rule-sets[1].unrated-hours=90", "ceprint.hours.rule-sets[1].public-share-cap=1/3" })
class IntakeExportsTests {

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	IntakeImports imports;

	@Autowired
	IntakeExports exports;

	@Autowired
	RegistrationEntries entries;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	String unitCode;

	String channel;

	/** The rule line of the last assessment export read. */
	String ruleLine;

	/** Name and ID number by title level, all four in the same unit. */
	Map<String, String[]> people = new HashMap<>();

	@BeforeEach
	void registryWithoutEntries() {
		this.generator.clearRegistry();
		this.generator.generate(40, 80, LocalDate.of(2026, 6, 30));
		this.jdbc.sql("DELETE FROM registration_entry").update();
		Map<String, Object> unit = this.jdbc.sql("""
				SELECT o.id, o.credit_code, o.channel_code FROM organisation o
				WHERE o.kind = 'UNIT' AND (SELECT COUNT(*) FROM person p WHERE p.unit_id = o.id) >= 4
				ORDER BY o.id FETCH FIRST 1 ROWS ONLY
				""").query().singleRow();
		this.unitCode = (String) unit.get("credit_code");
		this.channel = (String) unit.get("channel_code");
		List<Map<String, Object>> staff = this.jdbc
			.sql("SELECT id, name, id_number FROM person WHERE unit_id = :unit ORDER BY id FETCH FIRST 4 ROWS ONLY")
			.param("unit", unit.get("id"))
			.query()
			.listOfRows();
		List<String> levels = List.of("SENIOR", "INTERMEDIATE", "JUNIOR", "UNRATED");
		for (int i = 0; i < 4; i++) {
			this.jdbc.sql("UPDATE person SET title_level = :level WHERE id = :id")
				.param("level", levels.get(i))
				.param("id", staff.get(i).get("id"))
				.update();
			this.people.put(levels.get(i),
					new String[] { (String) staff.get(i).get("name"), (String) staff.get(i).get("id_number") });
		}
	}

	@Test
	void anExportedTableFilledImportedVerifiedAndAssessedGivesEachTitleLevelItsResult() throws Exception {
		Scope unit = this.exports.unit(this.unitCode);
		Path exported = this.folder.resolve("exported.xlsx");
		try (OutputStream out = Files.newOutputStream(exported)) {
			assertThat(this.exports.writeSummaryTables(unit, 2024, out).rows()).isZero();
		}
		Path filled = this.folder.resolve("filled.xlsx");
		try (InputStream in = Files.newInputStream(exported); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheet("登记汇总表");
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(this.unitCode);
			int r = 3;
			// 2024, 江西2012: 40 h senior and intermediate, 32 h junior and unrated, public
			// ≤ 1/3
			fill(sheet, r++, "SENIOR", "=1+1 公需专题", "公需科目", "2024-03-01", "2024-03-02", "12");
			fill(sheet, r++, "SENIOR", "专业研修甲", "专业科目", "2024-04-01", "2024-04-05", "28");
			fill(sheet, r++, "INTERMEDIATE", "公需大讲堂", "公需科目", "2024-03-01", "2024-03-03", "20");
			fill(sheet, r++, "INTERMEDIATE", "专业研修乙", "专业科目", "2024-05-01", "2024-05-05", "25");
			fill(sheet, r++, "JUNIOR", "专业研修丙", "专业科目", "2024-06-01", "2024-06-04", "32");
			fill(sheet, r++, "JUNIOR", "未通过的研修", "专业科目", "2024-07-01", "2024-07-02", "10");
			fill(sheet, r++, "UNRATED", "公需讲座", "公需科目", "2024-03-01", "2024-03-02", "10");
			fill(sheet, r++, "UNRATED", "专业研修丁", "专业科目", "2024-08-01", "2024-08-03", "20");
			// 2025, 全国2015: 90 h for everyone, public ≤ 30
			fill(sheet, r++, "SENIOR", "公需全年课程", "公需科目", "2025-02-01", "2025-02-06", "40");
			fill(sheet, r++, "SENIOR", "专业全年课程", "专业科目", "2025-03-01", "2025-03-10", "55");
			fill(sheet, r++, "JUNIOR", "公需全年课程", "公需科目", "2025-02-01", "2025-02-05", "30");
			fill(sheet, r++, "JUNIOR", "专业全年课程", "专业科目", "2025-03-01", "2025-03-10", "60");
			try (OutputStream out = Files.newOutputStream(filled)) {
				workbook.write(out);
			}
		}
		ImportReport report = this.imports.importFile(filled, this.folder.resolve("errors.xlsx"));
		assertThat(report.rejected()).isEmpty();
		assertThat(report.imported()).isEqualTo(12);

		List<Long> rejected = this.jdbc.sql("SELECT id FROM registration_entry WHERE project_name = '未通过的研修'")
			.query(Long.class)
			.list();
		this.entries.recordRejected(rejected.get(0), "学时证明不全", "验证员", LocalDateTime.of(2025, 1, 10, 9, 0));
		this.entries.recordVerified(
				this.jdbc.sql("SELECT id FROM registration_entry WHERE status = 'PENDING'").query(Long.class).list(),
				this.channel, "验证员", LocalDateTime.of(2026, 1, 10, 9, 0));

		Map<String, List<String>> year2024 = assessed(unit, 2024);
		assertThat(year2024.get(id("SENIOR"))).containsExactly("高级", "40", "12", "28", "40", "0", "合格", "0");
		// 20 public count as 13.3 (a third of 40, down to a tenth)
		assertThat(year2024.get(id("INTERMEDIATE"))).containsExactly("中级", "40", "20", "25", "38.3", "1.7",
				"不合格（差 1.7 学时）", "0");
		// the rejected 10 hours do not count
		assertThat(year2024.get(id("JUNIOR"))).containsExactly("初级", "32", "0", "32", "32", "0", "合格", "0");
		assertThat(year2024.get(id("UNRATED"))).containsExactly("未定级", "32", "10", "20", "30", "2", "不合格（差 2 学时）", "0");
		assertThat(this.ruleLine).contains("江西2012：高级 40、中级 40、初级 32、未定级 32 学时，公需科目计入不超过 1/3");

		Map<String, List<String>> year2025 = assessed(unit, 2025);
		assertThat(this.ruleLine).contains("全国2015：高级 90");
		assertThat(year2025.get(id("SENIOR"))).containsExactly("高级", "90", "40", "55", "85", "5", "不合格（差 5 学时）", "0");
		assertThat(year2025.get(id("JUNIOR"))).containsExactly("初级", "90", "30", "60", "90", "0", "合格", "0");
		assertThat(year2025.get(id("INTERMEDIATE"))).containsExactly("中级", "90", "0", "0", "0", "90", "不合格（差 90 学时）",
				"0");

		// exported again: the table shows each entry's status, neutralises the = and
		// imports again as already registered, together with one new row
		Path again = this.folder.resolve("again.xlsx");
		try (OutputStream out = Files.newOutputStream(again)) {
			assertThat(this.exports.writeSummaryTables(unit, 2024, out).rows()).isEqualTo(8);
		}
		Path extended = this.folder.resolve("extended.xlsx");
		try (InputStream in = Files.newInputStream(again); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheet("登记汇总表");
			assertThat(sheet.getRow(2).getCell(12).getStringCellValue()).isEqualTo("验证状态");
			Map<String, String> statusByProject = new HashMap<>();
			for (int i = 3; i <= sheet.getLastRowNum(); i++) {
				statusByProject.put(sheet.getRow(i).getCell(2).getStringCellValue(),
						sheet.getRow(i).getCell(12).getStringCellValue());
			}
			assertThat(statusByProject).containsEntry("'=1+1 公需专题", "已验证").containsEntry("未通过的研修", "未通过验证").hasSize(8);
			fill(sheet, sheet.getLastRowNum() + 1, "UNRATED", "补登的研修", "专业科目", "2024-09-01", "2024-09-01", "8");
			try (OutputStream out = Files.newOutputStream(extended)) {
				workbook.write(out);
			}
		}
		ImportReport second = this.imports.importFile(extended, this.folder.resolve("errors2.xlsx"));
		assertThat(second.rejected()).isEmpty();
		assertThat(second.imported()).isEqualTo(1);
		assertThat(second.alreadyImported()).isEqualTo(8);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM registration_entry").query(Integer.class).single())
			.isEqualTo(13);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM registration_entry WHERE project_name = '=1+1 公需专题'")
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void anExportedTableOfEveryFieldKindImportsBackAsNothingNew() throws Exception {
		Path filled = this.folder.resolve("every-kind.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("登记汇总表");
			Row code = sheet.createRow(1);
			code.createCell(1).setCellValue(this.unitCode);
			Row headings = sheet.createRow(2);
			for (int i = 0; i < SummaryTableWorkbooks.HEADINGS.size(); i++) {
				headings.createCell(i).setCellValue(SummaryTableWorkbooks.HEADINGS.get(i));
			}
			int r = 3;
			// rare characters of Extension B, text a spreadsheet would run,
			// full-width punctuation, a line break, a decimal, a blank optional
			// field, hours credited by the standard
			fill(sheet, r++, "SENIOR", "𠀾𪚥研讨班", "专业科目", "2024-03-01", "2024-03-02", "7.5");
			fill(sheet, r++, "SENIOR", "=SUM(A1:A9)", "专业科目", "2024-04-01", "2024-04-02", "8");
			fill(sheet, r++, "INTERMEDIATE", "+86 热线培训", "公需科目", "2024年5月1日", "2024/5/2", "6");
			fill(sheet, r++, "INTERMEDIATE", "-5 度冷链", "专业科目", "20240601", "2024.6.2", "12");
			fill(sheet, r++, "JUNIOR", "@通知 研修（第一期）", "专业科目", "2024-07-01", "2024-07-01", "３");
			Row lines = sheet.getRow(r - 1);
			lines.getCell(3).setCellValue("第一行\n第二行");
			lines.getCell(9).setCellValue("=优秀");
			lines.getCell(10).setCellValue("-论文一篇");
			fill(sheet, r++, "UNRATED", "全国学术会议", "专业科目", "2024-08-01", "2024-08-03", "");
			sheet.getRow(r - 1).getCell(4).setCellValue("学术会议");
			sheet.getRow(r - 1).createCell(SummaryTableWorkbooks.CREDIT_ITEM_COLUMN).setCellValue("国家级学术会议");
			try (OutputStream out = Files.newOutputStream(filled)) {
				workbook.write(out);
			}
		}
		ImportReport first = this.imports.importFile(filled, this.folder.resolve("errors.xlsx"));
		assertThat(first.rejected()).as(first.rejected().toString()).isEmpty();
		assertThat(first.imported()).isEqualTo(6);
		String everything = "SELECT person_id, project_name, content, learning_form, subject_type, start_date, end_date, hours,"
				+ " result, outcome, registered_by_id, credit_item FROM registration_entry ORDER BY id";
		List<Map<String, Object>> before = this.jdbc.sql(everything).query().listOfRows();

		Path exported = this.folder.resolve("exported.xlsx");
		try (OutputStream out = Files.newOutputStream(exported)) {
			assertThat(this.exports.writeSummaryTables(this.exports.unit(this.unitCode), 2024, out).rows())
				.isEqualTo(6);
		}
		ImportReport again = this.imports.importFile(exported, this.folder.resolve("errors-again.xlsx"));

		assertThat(again.rejected()).as(again.rejected().toString()).isEmpty();
		assertThat(again.imported()).isZero();
		assertThat(again.alreadyImported()).isEqualTo(6);
		assertThat(this.jdbc.sql(everything).query().listOfRows()).isEqualTo(before);
		assertThat(before).extracting((row) -> row.get("project_name"))
			.contains("𠀾𪚥研讨班", "=SUM(A1:A9)", "+86 热线培训", "-5 度冷链", "@通知 研修（第一期）");
		assertThat(before).extracting((row) -> row.get("content")).contains("第一行 第二行");
	}

	@Test
	void aCityExportHasEveryUnitOfItsChannelAndAnEntryOnceAcrossTheSheets() throws Exception {
		this.generator.clearRegistry();
		this.generator.generate(60, 150, LocalDate.of(2026, 6, 30));
		String city = this.jdbc.sql("SELECT MIN(channel_code) FROM organisation").query(String.class).single();
		int year = 2025;
		Scope scope = this.exports.city(city);
		Path assessments = this.folder.resolve("city-assessments.xlsx");
		Written written;
		try (OutputStream out = Files.newOutputStream(assessments)) {
			written = this.exports.writeAssessments(scope, year, out);
		}
		int cityPeople = this.jdbc.sql("""
				SELECT COUNT(*) FROM person p JOIN organisation o ON o.id = p.unit_id WHERE o.channel_code = :city
				""").param("city", city).query(Integer.class).single();
		assertThat(written.rows()).isEqualTo(cityPeople).isPositive();
		assertThat(written.passed() + written.failed()).isEqualTo(cityPeople);
		try (InputStream in = Files.newInputStream(assessments); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet results = workbook.getSheet(IntakeExports.ASSESSMENT_SHEET);
			assertThat(results.getLastRowNum() - 2).isEqualTo(cityPeople);
			Sheet totals = workbook.getSheet(IntakeExports.TOTALS_SHEET);
			int people = 0;
			int passed = 0;
			for (int i = 1; i <= totals.getLastRowNum(); i++) {
				people += (int) totals.getRow(i).getCell(1).getNumericCellValue();
				passed += (int) totals.getRow(i).getCell(2).getNumericCellValue();
			}
			assertThat(people).isEqualTo(cityPeople);
			assertThat(passed).isEqualTo(written.passed());
		}

		Path tables = this.folder.resolve("city-tables.xlsx");
		try (OutputStream out = Files.newOutputStream(tables)) {
			written = this.exports.writeSummaryTables(scope, year, out);
		}
		int cityEntries = this.jdbc.sql("""
				SELECT COUNT(*) FROM registration_entry e JOIN organisation o ON o.id = e.registered_by_id
				WHERE o.channel_code = :city AND e.start_date >= :from AND e.start_date < :to
				""")
			.param("city", city)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query(Integer.class)
			.single();
		assertThat(written.rows()).isEqualTo(cityEntries).isPositive();
		try (InputStream in = Files.newInputStream(tables); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(written.sheets());
			int rows = 0;
			for (Sheet sheet : workbook) {
				assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("姓名");
				rows += sheet.getLastRowNum() - 2;
			}
			assertThat(rows).isEqualTo(cityEntries);
		}
	}

	@Test
	void entriesRegisteredBeforeImportsHadKeysAreRecognisedWhenTheirExportedTableComesBack() throws Exception {
		this.generator.clearRegistry();
		this.generator.generate(61, 150, LocalDate.of(2026, 6, 30));
		Map<String, Object> busiest = this.jdbc.sql("""
				SELECT o.credit_code, COUNT(*) AS entries FROM registration_entry e
				JOIN organisation o ON o.id = e.registered_by_id
				WHERE e.start_date >= DATE '2025-01-01' AND e.start_date < DATE '2026-01-01'
				GROUP BY o.credit_code ORDER BY COUNT(*) DESC, o.credit_code FETCH FIRST 1 ROWS ONLY
				""").query().singleRow();
		int stored = this.jdbc.sql("SELECT COUNT(*) FROM registration_entry").query(Integer.class).single();
		Path table = this.folder.resolve("generated.xlsx");
		try (OutputStream out = Files.newOutputStream(table)) {
			this.exports.writeSummaryTables(this.exports.unit((String) busiest.get("credit_code")), 2025, out);
		}
		ImportReport report = this.imports.importFile(table, this.folder.resolve("errors.xlsx"));
		assertThat(report.rejected()).isEmpty();
		assertThat(report.imported()).isZero();
		assertThat(report.alreadyImported()).isEqualTo(((Number) busiest.get("entries")).intValue()).isPositive();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM registration_entry").query(Integer.class).single())
			.isEqualTo(stored);
	}

	@Test
	void aWrongScopeOrYearIsRefusedWithTheFieldAndValue() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.exports.unit("91360100MA00000000"))
			.withMessageContaining("91360100MA00000000");
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> this.exports.city("369900"))
			.withMessageContaining("发证机关代码 369900");
		Scope unit = this.exports.unit(this.unitCode);
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.exports.writeAssessments(unit, 2999, OutputStream.nullOutputStream()))
			.withMessageContaining("年份 2999");
		String base = this.jdbc.sql("SELECT MIN(credit_code) FROM organisation WHERE kind = 'BASE'")
			.query(String.class)
			.single();
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(
					() -> this.exports.writeAssessments(this.exports.unit(base), 2025, OutputStream.nullOutputStream()))
			.withMessageContaining("继续教育基地");
	}

	/** The assessment export's rows by ID number: level, required … result, pending. */
	private Map<String, List<String>> assessed(Scope unit, int year) throws Exception {
		Path file = this.folder.resolve("assessments-" + year + ".xlsx");
		try (OutputStream out = Files.newOutputStream(file)) {
			this.exports.writeAssessments(unit, year, out);
		}
		Map<String, List<String>> rows = new HashMap<>();
		try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheet(IntakeExports.ASSESSMENT_SHEET);
			this.ruleLine = sheet.getRow(1).getCell(0).getStringCellValue();
			for (int i = 3; i <= sheet.getLastRowNum(); i++) {
				Row row = sheet.getRow(i);
				List<String> values = new java.util.ArrayList<>();
				for (int column = 4; column <= 11; column++) {
					values.add(value(row.getCell(column)));
				}
				rows.put(row.getCell(3).getStringCellValue(), values);
			}
		}
		return rows;
	}

	private static String value(Cell cell) {
		if (cell.getCellType() == CellType.NUMERIC) {
			return new java.math.BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros()
				.toPlainString();
		}
		return cell.getStringCellValue();
	}

	private String id(String level) {
		return this.people.get(level)[1];
	}

	private void fill(Sheet sheet, int index, String level, String project, String subject, String start, String end,
			String hours) {
		Row row = sheet.createRow(index);
		String[] person = this.people.get(level);
		String[] values = { person[0], person[1], project, project + "的内容", "面授培训", subject, start, end, hours, "合格",
				"" };
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

}
