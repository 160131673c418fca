package org.ceprint.intake;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ceprint.InvalidRequestException;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.hours.AnnualAssessment;
import org.ceprint.hours.AnnualAssessments;
import org.ceprint.registry.TitleLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The template ceprint hands out, filled in and read back: valid rows stored pending
 * verification, each invalid row in the error workbook with its reason, nothing stored
 * twice, and the imported year assessed once verified.
 */
@SpringBootTest
class IntakeImportsTests {

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	IntakeImports imports;

	@Autowired
	AnnualAssessments assessments;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	String body;

	List<Map<String, Object>> people;

	@BeforeEach
	void registry() {
		FreshRegistry registry = FreshRegistry.generate(this.generator, this.jdbc, 51, 6);
		this.body = registry.body();
		this.people = registry.people();
	}

	@Test
	void aFilledTemplateImportsItsValidRowsReportsTheOthersAndNeverTwice() throws Exception {
		Path file = this.folder.resolve("汇总表.xlsx");
		try (OutputStream out = Files.newOutputStream(this.folder.resolve("模板.xlsx"))) {
			SummaryTableWorkbooks.writeTemplate(out);
		}
		try (InputStream in = Files.newInputStream(this.folder.resolve("模板.xlsx"));
				XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			// the rules, one a row, with the lengths of the schema
			Sheet rules = workbook.getSheet("填写说明");
			assertThat(rules.getLastRowNum()).isEqualTo(SummaryTableWorkbooks.instructions().size());
			assertThat(rules.getRow(8).getCell(0).getStringCellValue()).contains("项目名称不超过 100 字", "学习内容不超过 200 字");
			Sheet sheet = workbook.getSheet("登记汇总表");
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).contains("填写说明");
			sheet.getRow(1).getCell(1).setCellValue(" " + this.body + " ");
			String name = (String) this.people.get(0).get("name");
			String id = (String) this.people.get(0).get("id_number");
			String other = (String) this.people.get(1).get("id_number");
			// valid, in the date forms offices type
			row(sheet, 3, name, id, "2026年公需科目培训", "数字经济", "面授培训", "公需科目", "2026-03-05", "2026-03-06", "16");
			row(sheet, 4, name, id, "专业研修班", "临床路径", "进修", "专业", "2026年3月10日", "2026/3/12", "２４");
			row(sheet, 5, name, id.toLowerCase(), "学术年会", "新进展", "学术会议", "专业科目", "2026.04.01", "20260402", "16");
			Row dated = row(sheet, 6, (String) this.people.get(1).get("name"), other, "资格考试", "中级", "资格考试", "专业科目", "",
					"", "40");
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			dated.getCell(6).setCellValue(LocalDate.of(2026, 5, 9));
			dated.getCell(6).setCellStyle(dateStyle);
			dated.getCell(7).setCellValue(LocalDate.of(2026, 5, 9));
			dated.getCell(7).setCellStyle(dateStyle);
			// invalid: wrong name, unknown person, unknown form, a formula, a text date,
			// no hours
			row(sheet, 7, "张冒名", id, "项目", "内容", "面授培训", "公需科目", "2026-01-05", "2026-01-05", "8");
			row(sheet, 8, "李四", "11010519491231002X", "项目", "内容", "面授培训", "公需科目", "2026-01-05", "2026-01-05", "8");
			row(sheet, 9, name, id, "项目", "内容", "函授", "公需科目", "2026-01-05", "2026-01-05", "8");
			row(sheet, 10, name, id, "项目", "内容", "面授培训", "公需科目", "2026-01-05", "2026-01-05", "8").getCell(8)
				.setCellFormula("4+4");
			row(sheet, 11, name, id, "项目", "内容", "面授培训", "公需科目", "去年春天", "2026-01-05", "8");
			row(sheet, 12, name, id, "项目", "=HYPERLINK(\"http://x\")", "面授培训", "公需科目", "2026-01-05", "2026-01-05", "0");
			// a blank row is not a row
			sheet.createRow(13);
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}

		ImportReport first = this.imports.importFile(file, this.folder.resolve("未导入.xlsx"));

		assertThat(first.rows()).isEqualTo(10);
		// the instructions sheet is visible and not the table: nothing to warn about
		assertThat(first.warnings()).isEmpty();
		assertThat(first.imported()).isEqualTo(4);
		assertThat(first.rejected()).extracting(ImportReport.RejectedRow::rowNumber)
			.containsExactly(8, 9, 10, 11, 12, 13);
		assertThat(String.join("\n", first.rejected().get(0).reasons())).contains("第 8 行", "姓名", "张冒名", "不符");
		assertThat(String.join("\n", first.rejected().get(1).reasons())).contains("登记库中没有此人");
		assertThat(String.join("\n", first.rejected().get(2).reasons())).contains("学习形式", "函授");
		assertThat(String.join("\n", first.rejected().get(3).reasons())).contains("学时", "公式");
		assertThat(String.join("\n", first.rejected().get(4).reasons())).contains("开始日期", "去年春天");
		assertThat(String.join("\n", first.rejected().get(5).reasons())).contains("学时", "须大于 0");
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM registration_entry WHERE status = 'PENDING' AND import_key IS NOT NULL
				""").query(Long.class).single()).isEqualTo(4);
		assertThat(this.jdbc.sql("SELECT hours FROM registration_entry WHERE project_name = '专业研修班'")
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("24");
		try (XSSFWorkbook errors = new XSSFWorkbook(Files.newInputStream(first.errorWorkbook()))) {
			Sheet sheet = errors.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(6);
			assertThat(sheet.getRow(1).getCell(SummaryTableWorkbooks.HEADINGS.size() + 1).getStringCellValue())
				.contains("张冒名");
			// a value a spreadsheet would run stays text
			assertThat(sheet.getRow(6).getCell(4).getStringCellValue()).startsWith("'=HYPERLINK");
		}

		ImportReport again = this.imports.importFile(file, this.folder.resolve("未导入-2.xlsx"));
		assertThat(again.imported()).isZero();
		assertThat(again.alreadyImported()).isEqualTo(4);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM registration_entry WHERE import_key IS NOT NULL")
			.query(Long.class)
			.single()).isEqualTo(4);

		// verified, the imported year is assessed from the imported hours
		this.jdbc.sql("""
				UPDATE registration_entry SET status = 'VERIFIED', verified_by_channel = '360100',
				       verified_by_clerk = '测试', verified_at = CURRENT_TIMESTAMP WHERE import_key IS NOT NULL
				""").update();
		Map<String, Object> sums = this.jdbc.sql("""
				SELECT SUM(CASE WHEN e.subject_type = 'PUBLIC' THEN e.hours ELSE 0 END) AS pub,
				       SUM(CASE WHEN e.subject_type = 'PROFESSIONAL' THEN e.hours ELSE 0 END) AS pro
				FROM registration_entry e JOIN person p ON p.id = e.person_id
				WHERE p.id_number = :id AND e.status = 'VERIFIED' AND YEAR(e.start_date) = 2026
				""").param("id", id(0)).query().singleRow();
		AnnualAssessment year = this.assessments.assess(
				TitleLevel.valueOf((String) this.people.get(0).get("title_level")), 2026, (BigDecimal) sums.get("pub"),
				(BigDecimal) sums.get("pro"));
		// 16 public + 24 + 16 professional: 56 counted at most, enough for every level
		assertThat(year.passed()).isTrue();
	}

	@Test
	void aTableSavedAsCsvByExcelInGbkOrUtf8ImportsLikeTheWorkbook() throws Exception {
		String name = (String) this.people.get(0).get("name");
		String id = (String) this.people.get(0).get("id_number");
		String csv = String.join("\r\n", "专业技术人员继续教育情况登记汇总表,,,", "报送单位统一社会信用代码," + this.body,
				"姓名,身份证件号码,项目名称,学习内容,学习形式,科目类别,开始日期,结束日期,学时,考试考核成绩,继续教育成果",
				name + "," + id + ",\"研修班，第一期\",\"含\"\"案例\"\"\n教学\",面授培训,专业科目,2026年3月5日,2026/3/6,16,合格,",
				name + "," + id + ",=HYPERLINK(\"http://x\"),内容,面授培训,专业,2026-03-07,2026-03-07,8,,", ",,,,,,,,,,", "");
		Path gbk = this.folder.resolve("汇总表-gbk.csv");
		Files.write(gbk, csv.getBytes(java.nio.charset.Charset.forName("GB18030")));
		ImportReport report = this.imports.importFile(gbk, this.folder.resolve("gbk-errors.xlsx"));
		assertThat(report.rows()).isEqualTo(2);
		assertThat(report.imported()).isEqualTo(1);
		assertThat(report.rejected()).hasSize(1);
		assertThat(report.rejected().get(0).rowNumber()).isEqualTo(5);
		assertThat(report.rejected().get(0).reasons().get(0)).contains("项目名称", "公式");
		// full-width punctuation is normalised like full-width digits
		assertThat(this.jdbc.sql("SELECT content FROM registration_entry WHERE project_name = '研修班，第一期'")
			.query(String.class)
			.single()).isEqualTo("含\"案例\" 教学");

		Path utf8 = this.folder.resolve("汇总表-utf8.csv");
		Files.write(utf8, ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
		ImportReport again = this.imports.importFile(utf8, this.folder.resolve("utf8-errors.xlsx"));
		assertThat(again.imported()).as("the same rows, decoded alike, are not stored twice").isZero();
		assertThat(again.alreadyImported()).isEqualTo(1);

		Path broken = this.folder.resolve("broken.csv");
		Files.writeString(broken, csv.substring(0, csv.indexOf("教学")));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.imports.importFile(broken, this.folder.resolve("b.xlsx")))
			.withMessageContaining("引号没有闭合");
	}

	@Test
	void aFileThatIsNoWorkbookOrNamesNoKnownBodyIsRefusedAsAWhole() throws Exception {
		Path notExcel = this.folder.resolve("伪装.xlsx");
		Files.writeString(notExcel, "姓名,身份证件号码\n");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.imports.importFile(notExcel, this.folder.resolve("e.xlsx")))
			.withMessageContaining("不是 Excel 工作簿");
		Path template = this.folder.resolve("空.xlsx");
		try (OutputStream out = Files.newOutputStream(template)) {
			SummaryTableWorkbooks.writeTemplate(out);
		}
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.imports.importFile(template, this.folder.resolve("e.xlsx")))
			.withMessageContaining("报送单位统一社会信用代码");
	}

	private String id(int person) {
		return (String) this.people.get(person).get("id_number");
	}

	@Test
	void aRowNamingAnItemOfTheStandardWithoutHoursIsCreditedByTheStandard() throws Exception {
		Path file = this.folder.resolve("折算.xlsx");
		String name = (String) this.people.get(2).get("name");
		String id = (String) this.people.get(2).get("id_number");
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("登记汇总表");
			row(sheet, 1, "报送单位统一社会信用代码", this.body);
			row(sheet, 2, SummaryTableWorkbooks.HEADINGS.toArray(String[]::new));
			// credited: a provincial conference, three days of half-time training, a
			// monograph
			row(sheet, 3, name, id, "全省学术年会", "新进展", "学术会议", "专业科目", "2026-04-01", "2026-04-02", "", "", "", "省级学术会议");
			row(sheet, 4, name, id, "业务提升班", "实务", "面授培训", "专业科目", "2026-05-11", "2026-05-13", "", "", "", "半脱产培训");
			row(sheet, 5, name, id, "专著《某某》", "出版", "业绩成果折算", "专业科目", "2026-06-01", "2026-06-01", "", "", "", "专著");
			// claimed hours stay as claimed (the office checks them against the item)
			row(sheet, 6, name, id, "全国学术年会", "前沿", "学术会议", "专业科目", "2026-06-15", "2026-06-16", "30", "", "",
					"国家级学术会议");
			// refused: an unknown item, an item of another form, no hours and no item
			row(sheet, 7, name, id, "项目甲", "内容", "学术会议", "专业科目", "2026-06-20", "2026-06-20", "", "", "", "世界级学术会议");
			row(sheet, 8, name, id, "项目乙", "内容", "面授培训", "专业科目", "2026-06-21", "2026-06-21", "", "", "", "省级学术会议");
			row(sheet, 9, name, id, "项目丙", "内容", "面授培训", "专业科目", "2026-06-22", "2026-06-22", "");
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
		ImportReport report = this.imports.importFile(file, this.folder.resolve("折算-未导入.xlsx"));
		assertThat(report.imported()).isEqualTo(4);
		assertThat(report.rejected()).hasSize(3);
		assertThat(String.join("\n", report.rejected().get(0).reasons())).contains("「折算项目」(世界级学术会议)", "须为学时登记标准中的项目");
		assertThat(String.join("\n", report.rejected().get(1).reasons())).contains("属于「学术会议」，与学习形式「面授培训」不符");
		assertThat(String.join("\n", report.rejected().get(2).reasons())).contains("学时");

		Map<String, Map<String, Object>> stored = new java.util.HashMap<>();
		this.jdbc.sql(
				"SELECT project_name, hours, credit_item, credited_by FROM registration_entry WHERE import_key IS NOT NULL")
			.query()
			.listOfRows()
			.forEach((row) -> stored.put((String) row.get("project_name"), row));
		assertThat((BigDecimal) stored.get("全省学术年会").get("hours")).isEqualByComparingTo("16");
		assertThat(stored.get("全省学术年会").get("credit_item")).isEqualTo("PROVINCIAL_CONFERENCE");
		assertThat(stored.get("全省学术年会").get("credited_by")).isEqualTo("江西2012学时标准：省级学术会议每次 16 学时");
		assertThat((BigDecimal) stored.get("业务提升班").get("hours")).isEqualByComparingTo("12");
		assertThat((BigDecimal) stored.get("专著《某某》").get("hours")).isEqualByComparingTo("40");
		assertThat((BigDecimal) stored.get("全国学术年会").get("hours")).isEqualByComparingTo("30");
		assertThat(stored.get("全国学术年会").get("credited_by")).isNull();
		assertThat(stored.get("全国学术年会").get("credit_item")).isEqualTo("NATIONAL_CONFERENCE");
	}

	private static Row row(Sheet sheet, int index, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
		return row;
	}

}
