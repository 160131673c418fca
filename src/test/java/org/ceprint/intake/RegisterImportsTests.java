package org.ceprint.intake;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.registry.Enrolment;
import org.ceprint.registry.UnitRegister;
import org.ceprint.testsupport.SampleCodes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The units-and-bases and roster workbooks: every rejected row is reported with its row,
 * field and reason and nothing of it is stored; the valid rows are; the templates read
 * back as they are written.
 */
@SpringBootTest(properties = "ceprint.accounts.demo-accounts=false")
class RegisterImportsTests {

	static final String OFFICE = "360300";

	static final String UNIT = SampleCodes.creditCode(OFFICE, 8001);

	static final String OTHER_CITY_UNIT = SampleCodes.creditCode("360500", 8002);

	static final String ROSTER_HEADINGS = "姓名,身份证件号码,性别,出生日期,所在单位统一社会信用代码,职称,职称级别,专业\n";

	@Autowired
	RegisterImports imports;

	@Autowired
	UnitRegister unitRegister;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path work;

	@Test
	void everyBadRosterRowIsReportedByRowAndFieldAndTheGoodOnesAreStored() throws Exception {
		units();
		String good = SampleCodes.idNumber("360302", "19800101", 1, true);
		String twice = SampleCodes.idNumber("360302", "19800101", 2, false);
		String elsewhere = SampleCodes.idNumber("360502", "19800101", 3, true);
		csv("other.csv", ROSTER_HEADINGS + "新余人,%s,,,%s,,,\n".formatted(elsewhere, OTHER_CITY_UNIT));
		assertThat(
				this.imports.importRoster(this.work.resolve("other.csv"), this.work.resolve("o.xlsx"), "360500", "测试")
					.imported())
			.isOne();

		String bad = twice.substring(0, 17) + (twice.charAt(17) == '0' ? '1' : '0');
		Path roster = csv("roster.csv", ROSTER_HEADINGS + String.join("",
				"萍乡甲,%s,男,1980-01-01,%s,工程师,中级,机械\n".formatted(good, UNIT), "萍乡乙,%s,,,%s,,,\n".formatted(twice, UNIT),
				"萍乡乙,%s,,,%s,,,\n".formatted(twice, UNIT),
				"Zhang San,%s,,,%s,,,\n".formatted(SampleCodes.idNumber("360302", "19800101", 4, true), UNIT),
				"萍乡丙,%s,,,%s,,,\n".formatted(bad, UNIT), "萍乡丁,%s,,,%s,,,\n".formatted(elsewhere, UNIT),
				"萍乡戊,%s,女,,%s,,,\n".formatted(SampleCodes.idNumber("360302", "19800101", 5, true), UNIT),
				"萍乡己,%s,,,%s,,特级,\n".formatted(SampleCodes.idNumber("360302", "19800101", 6, true), UNIT),
				"萍乡庚,%s,,,%s,,,\n".formatted(SampleCodes.idNumber("360302", "19800101", 7, true), OTHER_CITY_UNIT)));
		Path errors = this.work.resolve("roster-未导入.xlsx");
		ImportReport report = this.imports.importRoster(roster, errors, OFFICE, "测试");

		assertThat(report.rows()).isEqualTo(9);
		assertThat(report.imported()).isEqualTo(2);
		assertThat(report.rejected()).extracting(ImportReport.RejectedRow::rowNumber)
			.containsExactly(4, 5, 6, 7, 8, 9, 10);
		assertThat(String.join("\n", report.rejected().get(0).reasons())).contains("第 4 行", "与第 3 行的身份证件号码相同");
		assertThat(String.join("\n", report.rejected().get(1).reasons())).contains("第 5 行的「姓名」", "U+005A");
		assertThat(String.join("\n", report.rejected().get(2).reasons())).contains("第 6 行的「身份证件号码」", "校验位");
		assertThat(String.join("\n", report.rejected().get(3).reasons())).contains("此人已登记在新余市", "people transfer");
		assertThat(String.join("\n", report.rejected().get(4).reasons())).contains("第 8 行的「性别」", "与身份证件号码不符");
		assertThat(String.join("\n", report.rejected().get(5).reasons())).contains("「职称级别」", "特级");
		assertThat(String.join("\n", report.rejected().get(6).reasons())).contains("属新余市", "不归本机关");
		assertThat(count("SELECT COUNT(*) FROM person p JOIN organisation o ON o.id = p.unit_id WHERE o.credit_code = '"
				+ UNIT + "'"))
			.isEqualTo(2);
		try (InputStream in = Files.newInputStream(errors); Workbook workbook = WorkbookFactory.create(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(7);
			assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(4);
			assertThat(sheet.getRow(2).getCell(9).getStringCellValue()).contains("U+005A");
		}
	}

	@Test
	void unitsAreRegisteredOnceAndAClosedUnitTakesNoOne() throws Exception {
		units();
		Path again = csv("again.csv",
				"名称,统一社会信用代码,类别,主管部门,地址,联系人,联系电话\n" + "萍乡测试单位,%s,单位,,,,\n".formatted(UNIT)
						+ "另一个名字,%s,单位,,,,\n".formatted(UNIT) + "坏代码单位,91360300MA35ABCDEF,单位,,,,\n"
						+ "类别错,%s,学校,,,,\n".formatted(SampleCodes.creditCode(OFFICE, 8003))
						+ "电话错,%s,基地,,,,call me\n".formatted(SampleCodes.creditCode(OFFICE, 8004)));
		ImportReport report = this.imports.importUnits(again, this.work.resolve("u.xlsx"), OFFICE, "测试");
		assertThat(report.alreadyImported()).isOne();
		assertThat(report.rejected()).extracting(ImportReport.RejectedRow::rowNumber).containsExactly(3, 4, 5, 6);
		assertThat(String.join("\n", report.rejected().get(0).reasons())).contains("与第 2 行的统一社会信用代码相同");
		assertThat(String.join("\n", report.rejected().get(1).reasons())).contains("「统一社会信用代码」", "校验位");
		assertThat(String.join("\n", report.rejected().get(2).reasons())).contains("「类别」", "须为「单位」或「基地」");
		assertThat(String.join("\n", report.rejected().get(3).reasons())).contains("「联系电话」");

		String closing = SampleCodes.creditCode(OFFICE, 8005);
		csv("closing.csv", "名称,统一社会信用代码,类别,主管部门,地址,联系人,联系电话\n萍乡撤销单位,%s,单位,,,,\n".formatted(closing));
		this.imports.importUnits(this.work.resolve("closing.csv"), this.work.resolve("c.xlsx"), OFFICE, "测试");
		this.unitRegister.close(OFFICE, closing, LocalDate.of(2026, 6, 1), "测试");
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.unitRegister.close(OFFICE, closing, LocalDate.of(2026, 6, 2), "测试"))
			.withMessageContaining("已于 2026-06-01 撤销");
		ImportReport refused = this.imports.importRoster(
				csv("late.csv",
						ROSTER_HEADINGS + "萍乡辛,%s,,,%s,,,\n"
							.formatted(SampleCodes.idNumber("360302", "19800101", 9, true), closing)),
				this.work.resolve("l.xlsx"), OFFICE, "测试");
		assertThat(refused.rejected()).singleElement()
			.satisfies((row) -> assertThat(String.join("", row.reasons())).contains("已于 2026-06-01 撤销"));
		assertThat(count("SELECT COUNT(*) FROM registry_audit WHERE action = 'UNIT_CLOSED'")).isOne();
	}

	@Test
	void aUnitsDetailsChangeAndDepartmentsAreRegisteredWithAnAudit() throws Exception {
		units();
		this.imports.addDepartment(OFFICE, "萍乡市审计测试局", "测试");
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.imports.addDepartment(OFFICE, "萍乡市审计测试局", "测试"))
			.withMessageContaining("本市已登记主管部门");
		Enrolment.RegisteredUnit changed = this.imports.updateUnit(OFFICE, UNIT,
				new UnitRegister.UnitChanges("萍乡测试单位（更名）", "萍乡市审计测试局", "萍乡市湘东区", null, ""), "测试");
		assertThat(changed.name()).isEqualTo("萍乡测试单位（更名）");
		assertThat(this.jdbc
			.sql("""
					SELECT d.name FROM organisation o JOIN department d ON d.id = o.department_id WHERE o.credit_code = :code
					""")
			.param("code", UNIT)
			.query(String.class)
			.single()).isEqualTo("萍乡市审计测试局");
		assertThat(this.jdbc.sql("SELECT contact_phone FROM organisation WHERE credit_code = :code")
			.param("code", UNIT)
			.query(String.class)
			.optional()).isEmpty();
		assertThat(this.jdbc.sql("SELECT contact_name FROM organisation WHERE credit_code = :code")
			.param("code", UNIT)
			.query(String.class)
			.single()).as("a field not given stays").isEqualTo("李四");
		assertThat(this.jdbc.sql("SELECT detail FROM registry_audit WHERE action = 'UNIT_CHANGED'")
			.query(String.class)
			.list()).contains("name,department,address,contact_phone");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.imports.updateUnit(OFFICE, UNIT,
					new UnitRegister.UnitChanges("坏名\u202E字", null, null, null, null), "测试"))
			.withMessageContaining("「名称」", "U+202E");
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.imports.updateUnit("360500", UNIT,
					new UnitRegister.UnitChanges(null, null, "x", null, null), "测试"))
			.withMessageContaining("不归本机关");
		// back to the name the other tests of this class import it with
		this.imports.updateUnit(OFFICE, UNIT, new UnitRegister.UnitChanges("萍乡测试单位", null, null, null, null), "测试");
	}

	@Test
	void aFileWithOtherHeadingsOrAnUnknownOfficeIsRefusedWhole() throws Exception {
		Path moved = csv("moved.csv", "身份证件号码,姓名,性别,出生日期,所在单位统一社会信用代码,职称,职称级别,专业\n");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.imports.importRoster(moved, this.work.resolve("m.xlsx"), OFFICE, "测试"))
			.withMessageContaining("A 列应为「姓名」，实为「身份证件号码」");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.imports.importRoster(csv("r.csv", ROSTER_HEADINGS), this.work.resolve("m.xlsx"),
					"999999", "测试"))
			.withMessageContaining("999999");
	}

	@Test
	void theTemplatesReadBackWithTheirOwnHeadings() throws Exception {
		Path template = this.work.resolve("人员名册.xlsx");
		try (var out = Files.newOutputStream(template)) {
			RegisterImports.writeRosterTemplate(out);
		}
		assertThat(this.imports.importRoster(template, this.work.resolve("t.xlsx"), OFFICE, "测试").rows()).isZero();
		Path units = this.work.resolve("单位名册.xlsx");
		try (var out = Files.newOutputStream(units)) {
			RegisterImports.writeUnitTemplate(out);
		}
		assertThat(this.imports.importUnits(units, this.work.resolve("t.xlsx"), OFFICE, "测试").rows()).isZero();
	}

	private void units() throws Exception {
		csv("units.csv",
				"名称,统一社会信用代码,类别,主管部门,地址,联系人,联系电话\n萍乡测试单位,%s,单位,萍乡市测试局,萍乡市安源区,李四,0799-1234567\n".formatted(UNIT));
		this.imports.importUnits(this.work.resolve("units.csv"), this.work.resolve("u.xlsx"), OFFICE, "测试");
		csv("units-xinyu.csv", "名称,统一社会信用代码,类别,主管部门,地址,联系人,联系电话\n新余测试单位,%s,单位,,,,\n".formatted(OTHER_CITY_UNIT));
		this.imports.importUnits(this.work.resolve("units-xinyu.csv"), this.work.resolve("u.xlsx"), "360500", "测试");
	}

	private Path csv(String name, String content) throws Exception {
		Path file = this.work.resolve(name);
		Files.writeString(file, "\uFEFF" + content, StandardCharsets.UTF_8);
		return file;
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
