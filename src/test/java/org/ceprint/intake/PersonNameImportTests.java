package org.ceprint.intake;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ceprint.demo.DemoRegistryGenerator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name rule at the summary table's entry: a name is checked by the rule, then by the
 * fonts, and matched, normalised, to the registry's name of its ID number.
 */
@SpringBootTest
class PersonNameImportTests {

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	IntakeImports imports;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	String body;

	List<String> ids;

	@BeforeEach
	void registry() {
		FreshRegistry registry = FreshRegistry.generate(this.generator, this.jdbc, 16, 5);
		this.body = registry.body();
		this.ids = registry.people().stream().map((person) -> (String) person.get("id_number")).toList();
		rename(0, "阿依古丽·买买提");
		// stored before the rule, with a bullet for the dot
		rename(1, "买买提•艾力");
		// Extension G: a Han character the rule accepts and no shipped font has
		rename(4, "王\uD880\uDC00");
	}

	@Test
	void aNameIsRefusedByTheRuleOrTheFontsNamingRowFieldCharacterAndCodePointAndMatchedNormalised() throws Exception {
		Path file = this.folder.resolve("姓名.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("登记汇总表");
			row(sheet, 1, "报送单位统一社会信用代码", this.body);
			row(sheet, 2, SummaryTableWorkbooks.HEADINGS.toArray(String[]::new));
			// accepted: variants of the middle dot, on either side
			entry(sheet, 3, "阿依古丽•买买提", 0, "项目甲");
			entry(sheet, 4, "阿依古丽・买买提", 0, "项目乙");
			entry(sheet, 5, "买买提·艾力", 1, "项目丙");
			// refused
			entry(sheet, 6, "张三•", 2, "项目丁");
			entry(sheet, 7, "Zhang San", 3, "项目戊");
			entry(sheet, 8, "王\uD880\uDC00", 4, "项目己");
			entry(sheet, 9, "阿依古丽·买买提", 2, "项目庚");
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}

		ImportReport report = this.imports.importFile(file, this.folder.resolve("姓名-未导入.xlsx"));

		assertThat(report.imported()).isEqualTo(3);
		assertThat(report.rejected()).extracting(ImportReport.RejectedRow::rowNumber).containsExactly(7, 8, 9, 10);
		assertThat(reasons(report, 0)).isEqualTo("第 7 行的「姓名」(张三•)：间隔号「•」(U+2022)不能在姓名的开头或结尾");
		assertThat(reasons(report, 1))
			.isEqualTo("第 8 行的「姓名」(Zhang San)：含有拉丁字母「Z」(U+005A)，姓名只能使用汉字和间隔号「·」；外籍人员请使用外文姓名栏");
		assertThat(reasons(report, 2))
			.isEqualTo("第 9 行的「姓名」(王\uD880\uDC00)：含有字库中没有的字符「\uD880\uDC00」(U+30000)，无法打印，请改用规范汉字或删除");
		assertThat(reasons(report, 3)).contains("第 10 行的「姓名」(阿依古丽·买买提)", "不符");
		List<Map<String, Object>> stored = this.jdbc.sql("""
				SELECT p.name, e.project_name FROM registration_entry e JOIN person p ON p.id = e.person_id
				WHERE e.import_key IS NOT NULL ORDER BY e.project_name
				""").query().listOfRows();
		assertThat(stored).extracting((entry) -> entry.get("project_name") + "：" + entry.get("name"))
			.containsExactlyInAnyOrder("项目甲：阿依古丽·买买提", "项目乙：阿依古丽·买买提", "项目丙：买买提•艾力");
	}

	private static String reasons(ImportReport report, int rejected) {
		return String.join("；", report.rejected().get(rejected).reasons());
	}

	private void rename(int person, String name) {
		this.jdbc.sql("UPDATE person SET name = :name WHERE id_number = :id")
			.param("name", name)
			.param("id", this.ids.get(person))
			.update();
	}

	private void entry(Sheet sheet, int index, String name, int person, String project) {
		row(sheet, index, name, this.ids.get(person), project, "内容", "面授培训", "公需科目", "2026-03-05", "2026-03-06", "8");
	}

	private static Row row(Sheet sheet, int index, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
		return row;
	}

}
