package org.ceprint.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.ceprint.InvalidRequestException;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.registry.ResidentIdNumbers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A corpus of malformed and hostile workbooks, each generated here: every one gets its
 * defined outcome (a row accepted with normalisation, a row rejected with a reason, or
 * the file refused as a whole), nothing crashes or runs, and the valid row each file also
 * carries is stored. What is stored is read back field by field: an accepted row as the
 * workbook meant it, normalised as the README documents; a rejected row or a refused file
 * stores nothing.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileWorkbooksTests {

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	IntakeImports imports;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	static String body;

	static String name;

	static String id;

	@BeforeAll
	void registry() {
		FreshRegistry registry = FreshRegistry.generate(this.generator, this.jdbc, 61, 4);
		body = registry.body();
		Map<String, Object> person = registry.people().get(0);
		name = (String) person.get("name");
		id = withCheckCharacterX((String) person.get("id_number"));
		this.jdbc.sql("UPDATE person SET id_number = :x WHERE id_number = :id")
			.param("x", id)
			.param("id", person.get("id_number"))
			.update();
	}

	/**
	 * The same region and birth date with the first sequence whose check character is X,
	 * so that the case of a lower-case x has an x to lower.
	 */
	private static String withCheckCharacterX(String idNumber) {
		for (int sequence = 0; sequence < 1000; sequence++) {
			String first17 = idNumber.substring(0, 14) + "%03d".formatted(sequence);
			if (ResidentIdNumbers.checkCharacter(first17) == 'X') {
				return first17 + 'X';
			}
		}
		throw new IllegalStateException("no sequence ends in X");
	}

	/**
	 * What a case expects of its tampered row: accepted, rejected (reason contains), or a
	 * refused file; when it is stored, the fields in which its entry differs from the
	 * untampered row's ({@link #tamperedRow()}).
	 */
	record Case(String label, Consumer<Workbook> tamper, String outcome, String detail, Map<String, String> stored) {

		Case(String label, Consumer<Workbook> tamper, String outcome, String detail) {
			this(label, tamper, outcome, detail, Map.of());
		}

		@Override
		public String toString() {
			return this.label;
		}

	}

	static List<Case> corpus() {
		List<Case> cases = new ArrayList<>();
		cases.add(new Case("formula in hours", (w) -> tampered(w).getCell(8).setCellFormula("8*2"), "rejected", "公式"));
		cases.add(new Case("formula in name", (w) -> tampered(w).getCell(0).setCellFormula("A5"), "rejected", "公式"));
		cases.add(new Case("DDE-like text in content", (w) -> tampered(w).getCell(3).setCellValue("=cmd|' /C calc'!A0"),
				"accepted", null, stored("content", "=cmd|' /C calc'!A0")));
		cases.add(new Case("Chinese date", (w) -> tampered(w).getCell(6).setCellValue("2026年2月1日"), "accepted", null,
				stored("start_date", "2026-02-01")));
		cases.add(new Case("full-width digits", (w) -> tampered(w).getCell(8).setCellValue("２４．５"), "accepted", null,
				stored("hours", "24.5")));
		cases.add(new Case("ideographic and stray spaces",
				(w) -> tampered(w).getCell(2).setCellValue("\u3000 项目 \u3000 乙 \u00A0"), "accepted", null,
				stored("project_name", "项目 乙")));
		cases.add(new Case("lower-case x and spaces in ID",
				(w) -> tampered(w).getCell(1).setCellValue(" " + id.toLowerCase() + " "), "accepted", null));
		cases.add(new Case("subject without 科目", (w) -> tampered(w).getCell(5).setCellValue("公需"), "accepted", null,
				stored("subject_type", "PUBLIC")));
		cases.add(new Case("slash date", (w) -> tampered(w).getCell(7).setCellValue("2026/2/9"), "accepted", null,
				stored("end_date", "2026-02-09")));
		cases.add(new Case("dotted date", (w) -> tampered(w).getCell(6).setCellValue("2026.1.31"), "accepted", null,
				stored("start_date", "2026-01-31")));
		cases.add(new Case("compact date", (w) -> tampered(w).getCell(7).setCellValue("20260210"), "accepted", null,
				stored("end_date", "2026-02-10")));
		cases.add(new Case("date cell", (w) -> {
			org.apache.poi.ss.usermodel.CellStyle dated = w.createCellStyle();
			dated.setDataFormat(w.createDataFormat().getFormat("yyyy/m/d"));
			tampered(w).getCell(7).setCellValue(java.time.LocalDate.of(2026, 2, 11));
			tampered(w).getCell(7).setCellStyle(dated);
		}, "accepted", null, stored("end_date", "2026-02-11")));
		cases.add(new Case("extra columns", (w) -> tampered(w).createCell(20).setCellValue("备注"), "accepted", null));
		cases.add(new Case("hidden sheet first", (w) -> {
			Sheet decoy = w.createSheet("隐藏");
			decoy.createRow(0).createCell(0).setCellValue("不应读取");
			w.setSheetOrder("隐藏", 0);
			w.setSheetHidden(0, true);
			w.setActiveSheet(1);
			w.setSelectedTab(1);
		}, "warned", "工作表「隐藏」被隐藏"));
		cases.add(new Case("template sheet hidden behind a visible decoy", (w) -> {
			decoy(w);
			w.setSheetHidden(w.getSheetIndex("登记汇总表"), true);
		}, "refused", "工作表「登记汇总表」被隐藏"));
		cases.add(new Case("template sheet very hidden behind a visible decoy", (w) -> {
			decoy(w);
			w.setSheetVisibility(w.getSheetIndex("登记汇总表"), org.apache.poi.ss.usermodel.SheetVisibility.VERY_HIDDEN);
		}, "refused", "工作表「登记汇总表」被隐藏"));
		cases.add(new Case("hidden row", (w) -> tampered(w).setZeroHeight(true), "warned", "第 5 行被隐藏"));
		cases.add(new Case("hidden column", (w) -> w.getSheet("登记汇总表").setColumnHidden(9, true), "warned", "第 J 列被隐藏"));
		cases.add(new Case("link to another workbook", (w) -> {
			if (w instanceof XSSFWorkbook xssf) {
				xssf.linkExternalWorkbook("其他单位.xlsx", new XSSFWorkbook());
				tampered(w).getCell(8).setCellFormula("[其他单位.xlsx]Sheet1!A1");
			}
		}, "rejected+warned", "外部文件"));
		cases.add(new Case("cell at Excel's maximum length",
				(w) -> tampered(w).getCell(3).setCellValue("长".repeat(32_767)), "rejected", "不能超过 200 字"));
		cases.add(new Case("emoji in project", (w) -> tampered(w).getCell(2).setCellValue("安全培训😀"), "rejected",
				"字库中没有的字符「😀」(U+1F600)"));
		cases.add(new Case("zero-width space in name", (w) -> tampered(w).getCell(0).setCellValue(name + "[[200B]]"),
				"rejected", "零宽字符 U+200B"));
		cases.add(new Case("NUL in content", (w) -> tampered(w).getCell(3).setCellValue("内容[[0000]]乙"), "rejected",
				"控制字符 U+0000"));
		cases.add(new Case("right-to-left override in project",
				(w) -> tampered(w).getCell(2).setCellValue("安全培训\u202Efdp.exe"), "rejected", "文字方向控制符 U+202E"));
		cases.add(new Case("byte-order mark in outcome", (w) -> tampered(w).getCell(10).setCellValue("\uFEFF论文"),
				"rejected", "零宽字符 U+FEFF"));
		cases.add(new Case("private-use character in result", (w) -> tampered(w).getCell(9).setCellValue("合格\uE000"),
				"rejected", "私用区字符 U+E000"));
		cases.add(new Case("line break typed with Alt+Enter", (w) -> tampered(w).getCell(3).setCellValue("内容\n第二行"),
				"accepted", null, stored("content", "内容 第二行")));
		cases.add(new Case("rare characters of Extension B", (w) -> tampered(w).getCell(3).setCellValue("𠀾𪚥研讨"),
				"accepted", null, stored("content", "𠀾𪚥研讨")));
		cases.add(new Case("result too long", (w) -> tampered(w).getCell(9).setCellValue("优".repeat(41)), "rejected",
				"不能超过 40 字"));
		cases.add(new Case("outcome too long", (w) -> tampered(w).getCell(10).setCellValue("文".repeat(101)), "rejected",
				"不能超过 100 字"));
		cases.add(new Case("credit code in the ID column", (w) -> tampered(w).getCell(1).setCellValue(body), "rejected",
				"这是统一社会信用代码，不是身份证件号码"));
		cases.add(new Case("ID number in the credit code cell",
				(w) -> w.getSheet("登记汇总表").getRow(1).getCell(1).setCellValue(id), "refused", "这是居民身份证号码"));
		cases.add(new Case("columns swapped under the template's headings", (w) -> {
			for (int r = 3; r <= 4; r++) {
				Row row = w.getSheet("登记汇总表").getRow(r);
				String idValue = row.getCell(1).getStringCellValue();
				row.getCell(1).setCellValue(row.getCell(2).getStringCellValue());
				row.getCell(2).setCellValue(idValue);
			}
			Row headings = w.getSheet("登记汇总表").getRow(2);
			headings.getCell(1).setCellValue("项目名称");
			headings.getCell(2).setCellValue("身份证件号码");
		}, "refused", "B 列应为「身份证件号码」，实为「项目名称」"));
		cases.add(new Case("a heading missing", (w) -> w.getSheet("登记汇总表").getRow(2).getCell(4).setBlank(), "refused",
				"E 列应为「学习形式」，实为「（空）」"));
		cases.add(new Case("an optional heading missing over values", (w) -> {
			w.getSheet("登记汇总表").getRow(2).getCell(9).setBlank();
		}, "refused", "J 列应为「考试考核成绩」，实为「（空）」"));
		cases.add(new Case("an optional heading and its column left out", (w) -> {
			Sheet sheet = w.getSheet("登记汇总表");
			for (int r = 2; r <= 4; r++) {
				sheet.getRow(r).getCell(9).setBlank();
			}
		}, "accepted", null, stored("result", null)));
		cases.add(new Case("merged cells across a row", (w) -> {
			Row row = tampered(w);
			row.getCell(3).setBlank();
			row.getSheet().addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 2, 3));
		}, "rejected", "学习内容"));
		cases.add(new Case("merged title", (w) -> w.getSheetAt(0).addMergedRegion(new CellRangeAddress(0, 0, 0, 10)),
				"accepted", null));
		cases.add(new Case("ID as a number", (w) -> tampered(w).getCell(1).setCellValue(3.6010219850615E17), "rejected",
				"单元格是数字格式"));
		cases.add(new Case("boolean hours", (w) -> tampered(w).getCell(8).setCellValue(true), "rejected", "学时"));
		cases.add(new Case("negative hours", (w) -> tampered(w).getCell(8).setCellValue("-8"), "rejected", "须大于 0"));
		cases.add(new Case("two decimals", (w) -> tampered(w).getCell(8).setCellValue("7.25"), "rejected", "学时"));
		cases.add(new Case("too many hours", (w) -> tampered(w).getCell(8).setCellValue("1000"), "rejected", "999"));
		cases.add(new Case("end before start", (w) -> tampered(w).getCell(7).setCellValue("2026-01-01"), "rejected",
				"结束日期早于开始日期"));
		cases.add(
				new Case("future date", (w) -> tampered(w).getCell(7).setCellValue("2999-01-01"), "rejected", "不晚于今天"));
		cases
			.add(new Case("before 1950", (w) -> tampered(w).getCell(6).setCellValue("1949-09-30"), "rejected", "1950"));
		cases.add(new Case("no date at all", (w) -> tampered(w).getCell(6).setCellValue("春节后"), "rejected", "开始日期"));
		cases.add(new Case("unknown form", (w) -> tampered(w).getCell(4).setCellValue("函授"), "rejected", "学习形式"));
		cases.add(new Case("content too long", (w) -> tampered(w).getCell(3).setCellValue("长".repeat(201)), "rejected",
				"200"));
		cases.add(new Case("someone else's name", (w) -> tampered(w).getCell(0).setCellValue("张冒名"), "rejected", "不符"));
		cases.add(new Case("duplicate of the valid row", (w) -> {
			Row valid = w.getSheetAt(w.getActiveSheetIndex()).getRow(3);
			Row copy = tampered(w);
			for (int i = 0; i < 11; i++) {
				copy.getCell(i).setCellValue(valid.getCell(i).getStringCellValue());
			}
		}, "duplicate", null));
		cases.add(new Case("blank rows between", (w) -> {
			Sheet sheet = w.getSheetAt(w.getActiveSheetIndex());
			Row moved = sheet.createRow(40);
			Row from = sheet.getRow(4);
			for (int i = 0; i < 11; i++) {
				moved.createCell(i).setCellValue(from.getCell(i).getStringCellValue());
			}
			sheet.removeRow(from);
		}, "accepted", null));
		cases.add(new Case("body code with full-width letters",
				(w) -> w.getSheetAt(w.getActiveSheetIndex()).getRow(1).getCell(1).setCellValue(toFullWidth(body)),
				"accepted", null));
		cases.add(new Case("unknown body",
				(w) -> w.getSheetAt(w.getActiveSheetIndex()).getRow(1).getCell(1).setCellValue("91360100MA35XXXX0X"),
				"refused", "报送单位统一社会信用代码"));
		return cases;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void eachMalformedWorkbookGetsItsDefinedOutcome(Case c) throws Exception {
		Path file = this.folder.resolve(c.label().replace(' ', '-') + ".xlsx");
		try (Workbook workbook = base(new XSSFWorkbook())) {
			c.tamper().accept(workbook);
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
		escapeMarkedCharacters(file);
		assertDefinedOutcome(c, file);
	}

	static List<Case> hiddenContent() {
		return corpus().stream().filter((c) -> c.label().contains("hidden")).toList();
	}

	/**
	 * An old .xls is read by another reader (POI's in-memory model): the same outcomes.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("hiddenContent")
	void hiddenContentOfAnOldXlsWorkbookGetsTheSameOutcome(Case c) throws Exception {
		Path file = this.folder.resolve(c.label().replace(' ', '-') + ".xls");
		try (Workbook workbook = base(new HSSFWorkbook())) {
			c.tamper().accept(workbook);
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
		assertDefinedOutcome(c, file);
	}

	private void assertDefinedOutcome(Case c, Path file) throws Exception {
		this.jdbc.sql("DELETE FROM registration_entry WHERE import_key IS NOT NULL").update();
		if (c.outcome().equals("refused")) {
			assertThatExceptionOfType(InvalidRequestException.class)
				.isThrownBy(() -> this.imports.importFile(file, this.folder.resolve("e.xlsx")))
				.withMessageContaining(c.detail())
				.satisfies((ex) -> assertNoLibraryText(ex.getMessage().replace(file.getFileName().toString(), "")));
			assertThat(stored()).isEmpty();
			return;
		}
		Path errors = this.folder.resolve(file.getFileName() + "-errors.xlsx");
		ImportReport report = this.imports.importFile(file, errors);
		report.rejected().forEach((row) -> row.reasons().forEach(HostileWorkbooksTests::assertNoLibraryText));
		report.warnings().forEach(HostileWorkbooksTests::assertNoLibraryText);
		if (report.rejected().isEmpty()) {
			assertThat(errors).doesNotExist();
		}
		else {
			// the report of the rows not imported is there, and readable
			assertThat(report.errorWorkbook()).isEqualTo(errors);
			try (Workbook written = org.apache.poi.ss.usermodel.WorkbookFactory.create(errors.toFile(), null, true)) {
				assertThat(written.getSheetAt(0).getLastRowNum()).isEqualTo(report.rejected().size());
			}
		}
		switch (c.outcome()) {
			case "warned" -> {
				assertThat(report.rejected()).as(report.rejected().toString()).isEmpty();
				assertThat(report.imported()).isEqualTo(2);
				assertThat(report.warnings()).anySatisfy((warning) -> assertThat(warning).contains(c.detail()));
			}
			case "rejected+warned" -> {
				assertThat(report.imported()).as("the valid row of the file").isEqualTo(1);
				assertThat(report.rejected()).hasSize(1);
				assertThat(report.warnings()).anySatisfy((warning) -> assertThat(warning).contains(c.detail()));
			}
			case "accepted" -> {
				assertThat(report.rejected()).as(report.rejected().toString()).isEmpty();
				assertThat(report.imported()).isEqualTo(2);
			}
			case "duplicate" -> {
				assertThat(report.imported()).isEqualTo(1);
				assertThat(report.alreadyImported()).isEqualTo(1);
			}
			default -> {
				assertThat(report.imported()).as("the valid row of the file").isEqualTo(1);
				assertThat(report.rejected()).singleElement()
					.satisfies((row) -> assertThat(String.join("；", row.reasons())).contains(c.detail()));
			}
		}
		// a row imported or warned about is stored as meant; a rejected one not at all
		boolean tamperedStored = c.outcome().equals("accepted") || c.outcome().equals("warned");
		assertThat(stored()).as("the entries stored from %s", file.getFileName())
			.containsExactlyElementsOf(
					tamperedStored ? List.of(validRow(), tamperedRow(c.stored())) : List.of(validRow()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("filesRefusedAsAWhole")
	void filesThatAreNoWorkbookAreRefusedAsAWhole(String label, String expected) throws Exception {
		this.jdbc.sql("DELETE FROM registration_entry WHERE import_key IS NOT NULL").update();
		Path file = this.folder.resolve(label + ".xlsx");
		switch (label) {
			case "zip-bomb" -> zipBomb(file);
			case "truncated" -> {
				byte[] whole = workbookBytes();
				Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
			}
			case "oversized" -> {
				try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
					sparse.setLength(IntakeImports.MAX_FILE_BYTES + 1);
				}
			}
			case "csv-named-xlsx" -> Files.writeString(file, "姓名,身份证件号码\n张三,1\n");
			case "empty" -> Files.write(file, new byte[0]);
			case "doctype" -> rewrite(workbookBytes(), file,
					(entryName,
							content) -> entryName.endsWith("workbook.xml") ? new String(content, StandardCharsets.UTF_8)
								.replaceFirst("\\?>", "?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>")
								.getBytes(StandardCharsets.UTF_8) : content);
			case "invalid-xml" -> rewrite(workbookBytes(), file,
					(entryName,
							content) -> entryName.endsWith("sheet1.xml") ? new String(content, StandardCharsets.UTF_8)
								.replace("</sheetData>", "<row></sheetData>")
								.getBytes(StandardCharsets.UTF_8) : content);
			case "encrypted" -> encrypted(file);
			case "row-beyond-limit" -> {
				// one row far down: small on disk, refused while streaming, before any
				// row is
				// stored
				try (Workbook workbook = base(new XSSFWorkbook()); OutputStream out = Files.newOutputStream(file)) {
					workbook.getSheet("登记汇总表")
						.createRow(SummaryTableWorkbooks.HEADING_ROW + IntakeImports.MAX_ROWS + 1)
						.createCell(0)
						.setCellValue(name);
					workbook.write(out);
				}
			}
			default -> throw new IllegalArgumentException(label);
		}
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.imports.importFile(file, this.folder.resolve("e.xlsx")))
			.withMessageContaining(expected)
			.satisfies((ex) -> assertNoLibraryText(ex.getMessage().replace(label + ".xlsx", "")));
		assertThat(imported()).isZero();
	}

	static List<Object[]> filesRefusedAsAWhole() {
		return List.of(new Object[] { "zip-bomb", "压缩内容异常" }, new Object[] { "truncated", "文件不完整或已损坏" },
				new Object[] { "oversized", "大于 20 MB" }, new Object[] { "csv-named-xlsx", "不是 Excel 工作簿" },
				new Object[] { "row-beyond-limit", "超过 100000 行" }, new Object[] { "empty", "文件是空的" },
				new Object[] { "doctype", "数据格式无效" }, new Object[] { "invalid-xml", "数据格式无效" },
				new Object[] { "encrypted", "设有密码" });
	}

	/** No English library or JDK text reaches a user. */
	static void assertNoLibraryText(String message) {
		assertThat(message).doesNotContainIgnoringCase("exception")
			.doesNotContainIgnoringCase("java.")
			.doesNotContainIgnoringCase("poi")
			.doesNotContainIgnoringCase("cannot")
			.doesNotContainIgnoringCase("invalid")
			.doesNotContainIgnoringCase("null")
			.doesNotContainIgnoringCase("zip")
			.doesNotContain("\u0000")
			.doesNotContain("\u202E");
	}

	@org.junit.jupiter.api.Test
	void aWorkbookWithoutStylesAndANumberCellIsRead() throws Exception {
		this.jdbc.sql("DELETE FROM registration_entry WHERE import_key IS NOT NULL").update();
		Path file = this.folder.resolve("no-styles.xlsx");
		byte[] whole;
		try (Workbook workbook = base(new XSSFWorkbook()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			tampered(workbook).getCell(8).setCellValue(12.5);
			workbook.write(out);
			whole = out.toByteArray();
		}
		rewrite(whole, file, (entryName, content) -> {
			if (entryName.equals("xl/styles.xml")) {
				return null;
			}
			String xml = new String(content, StandardCharsets.UTF_8);
			if (entryName.equals("[Content_Types].xml") || entryName.equals("xl/_rels/workbook.xml.rels")) {
				xml = xml.replaceAll("<(Override|Relationship)[^>]*styles[^>]*/>", "");
			}
			else if (entryName.startsWith("xl/worksheets/")) {
				xml = xml.replaceAll(" s=\"\\d+\"", "");
			}
			else {
				return content;
			}
			return xml.getBytes(StandardCharsets.UTF_8);
		});
		ImportReport report = this.imports.importFile(file, this.folder.resolve("no-styles-errors.xlsx"));
		assertThat(report.rejected()).as(report.rejected().toString()).isEmpty();
		assertThat(report.imported()).isEqualTo(2);
		assertThat(stored()).containsExactly(validRow(), tamperedRow(stored("hours", "12.5")));
	}

	@org.junit.jupiter.api.Test
	void aWorkbookWithMacrosIsImportedWithAWarningAndRunsNothing() throws Exception {
		this.jdbc.sql("DELETE FROM registration_entry WHERE import_key IS NOT NULL").update();
		Path file = this.folder.resolve("with-macros.xlsm");
		byte[] whole;
		try (Workbook workbook = base(new XSSFWorkbook(XSSFWorkbookType.XLSM));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.write(out);
			whole = out.toByteArray();
		}
		rewrite(whole, file, (entryName, content) -> {
			if (entryName.equals("[Content_Types].xml")) {
				return new String(content, StandardCharsets.UTF_8).replace("</Types>",
						"<Override PartName=\"/xl/vbaProject.bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>")
					.getBytes(StandardCharsets.UTF_8);
			}
			return content;
		}, "xl/vbaProject.bin", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3 });
		ImportReport report = this.imports.importFile(file, this.folder.resolve("macros-errors.xlsx"));
		assertThat(report.imported()).isEqualTo(2);
		assertThat(report.warnings()).anySatisfy((warning) -> assertThat(warning).contains("宏"));
		assertThat(stored()).containsExactly(validRow(), tamperedRow(Map.of()));
	}

	private interface EntryRewrite {

		/** The entry's new content, or null to leave it out. */
		byte[] apply(String name, byte[] content);

	}

	private static void rewrite(byte[] workbook, Path file, EntryRewrite rewrite, Object... added) throws IOException {
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(workbook));
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = rewrite.apply(entry.getName(), in.readAllBytes());
				if (content != null) {
					out.putNextEntry(new ZipEntry(entry.getName()));
					out.write(content);
					out.closeEntry();
				}
			}
			for (int i = 0; i < added.length; i += 2) {
				out.putNextEntry(new ZipEntry((String) added[i]));
				out.write((byte[]) added[i + 1]);
				out.closeEntry();
			}
		}
	}

	/**
	 * POI writes a control character as ?; Excel writes it as {@code _x0000_} in the XML,
	 * as a case marks it with {@code [[0000]]}.
	 */
	private static void escapeMarkedCharacters(Path file) throws IOException {
		byte[] whole = Files.readAllBytes(file);
		rewrite(whole, file,
				(entryName,
						content) -> entryName.endsWith(".xml") ? new String(content, StandardCharsets.UTF_8)
							.replaceAll("\\[\\[([0-9A-F]{4})\\]\\]", "_x$1_")
							.getBytes(StandardCharsets.UTF_8) : content);
	}

	private static void decoy(Workbook workbook) {
		Sheet decoy = workbook.createSheet("Sheet1");
		decoy.createRow(0).createCell(0).setCellValue("这是一张无关的表");
		workbook.setSheetOrder("Sheet1", 0);
		workbook.setActiveSheet(0);
		workbook.setSelectedTab(0);
	}

	@org.junit.jupiter.api.Test
	void aMacroEnabledAndAnOldFormatWorkbookAreReadAndRunNothing() throws Exception {
		for (Workbook workbook : List.of(new XSSFWorkbook(XSSFWorkbookType.XLSM), new HSSFWorkbook())) {
			this.jdbc.sql("DELETE FROM registration_entry WHERE import_key IS NOT NULL").update();
			Path file = this.folder.resolve((workbook instanceof HSSFWorkbook) ? "old.xls" : "macro.xlsm");
			try (Workbook filled = base(workbook); OutputStream out = Files.newOutputStream(file)) {
				filled.write(out);
			}
			ImportReport report = this.imports.importFile(file, this.folder.resolve("e.xlsx"));
			assertThat(report.imported()).as(file.toString()).isEqualTo(2);
			assertThat(stored()).as(file.toString()).containsExactly(validRow(), tamperedRow(Map.of()));
		}
	}

	private long imported() {
		return this.jdbc.sql("SELECT COUNT(*) FROM registration_entry WHERE import_key IS NOT NULL")
			.query(Long.class)
			.single();
	}

	/** The fields of an entry as {@link #stored()} reads them. */
	static final List<String> FIELDS = List.of("id_number", "project_name", "content", "learning_form", "subject_type",
			"start_date", "end_date", "hours", "result", "outcome", "registered_by", "status", "credit_item",
			"credited_by");

	/** Every imported entry, in the order stored, as text (SQL NULL as null). */
	private List<Map<String, String>> stored() {
		return this.jdbc.sql("""
				SELECT p.id_number, e.project_name, e.content, e.learning_form, e.subject_type, e.start_date,
				       e.end_date, e.hours, e.result, e.outcome, o.credit_code, e.status, e.credit_item, e.credited_by
				FROM registration_entry e JOIN person p ON p.id = e.person_id
				JOIN organisation o ON o.id = e.registered_by_id
				WHERE e.import_key IS NOT NULL ORDER BY e.id
				""").query((rs, n) -> {
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < FIELDS.size(); i++) {
				row.put(FIELDS.get(i), rs.getString(i + 1));
			}
			return row;
		}).list();
	}

	/** The entry of row 4, the file's valid row. */
	private static Map<String, String> validRow() {
		return entry("有效的项目", "2026-01-05", "2026-01-06", "16.0", null);
	}

	/** The entry of row 5 as {@link #base} fills it, with the fields a case changed. */
	private static Map<String, String> tamperedRow(Map<String, String> changed) {
		Map<String, String> entry = entry("项目乙", "2026-02-03", "2026-02-04", "12.0", "合格");
		assertThat(entry.keySet()).containsAll(changed.keySet());
		entry.putAll(changed);
		return entry;
	}

	private static Map<String, String> entry(String project, String start, String end, String hours, String result) {
		return stored("id_number", id, "project_name", project, "content", "内容", "learning_form", "TRAINING",
				"subject_type", "PROFESSIONAL", "start_date", start, "end_date", end, "hours", hours, "result", result,
				"outcome", null, "registered_by", body, "status", "PENDING", "credit_item", null, "credited_by", null);
	}

	/** Field and value pairs; a value may be null. */
	private static Map<String, String> stored(String... fieldsAndValues) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < fieldsAndValues.length; i += 2) {
			fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
		}
		return fields;
	}

	/**
	 * The template with one valid row (row 4, its optional 考试考核成绩 left blank) and one row
	 * for a case to tamper with (row 5).
	 */
	private static Workbook base(Workbook workbook) throws IOException {
		Sheet sheet = workbook.createSheet("登记汇总表");
		sheet.createRow(0).createCell(0).setCellValue("专业技术人员继续教育情况登记汇总表");
		Row code = sheet.createRow(1);
		code.createCell(0).setCellValue("报送单位统一社会信用代码");
		code.createCell(1).setCellValue(body);
		Row headings = sheet.createRow(2);
		for (int i = 0; i < SummaryTableWorkbooks.HEADINGS.size(); i++) {
			headings.createCell(i).setCellValue(SummaryTableWorkbooks.HEADINGS.get(i));
		}
		fill(sheet.createRow(3), "有效的项目", "2026-01-05", "2026-01-06", "16", "");
		fill(sheet.createRow(4), "项目乙", "2026-02-03", "2026-02-04", "12", "合格");
		return workbook;
	}

	private static void fill(Row row, String project, String start, String end, String hours, String result) {
		String[] values = { name, id, project, "内容", "面授培训", "专业科目", start, end, hours, result, "" };
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

	private static Row tampered(Workbook workbook) {
		return workbook.getSheet("登记汇总表").getRow(4);
	}

	private static String toFullWidth(String text) {
		StringBuilder wide = new StringBuilder();
		text.chars().forEach((c) -> wide.append((c >= '!' && c <= '~') ? (char) (c + 0xFEE0) : (char) c));
		return wide.toString();
	}

	private static void encrypted(Path file) throws Exception {
		org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem();
		org.apache.poi.poifs.crypt.EncryptionInfo info = new org.apache.poi.poifs.crypt.EncryptionInfo(
				org.apache.poi.poifs.crypt.EncryptionMode.agile);
		org.apache.poi.poifs.crypt.Encryptor encryptor = info.getEncryptor();
		encryptor.confirmPassword("secret");
		try (OutputStream os = encryptor.getDataStream(fs)) {
			os.write(workbookBytes());
		}
		try (OutputStream out = Files.newOutputStream(file)) {
			fs.writeFilesystem(out);
		}
		fs.close();
	}

	private static byte[] workbookBytes() throws IOException {
		try (Workbook workbook = base(new XSSFWorkbook()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.write(out);
			return out.toByteArray();
		}
	}

	/**
	 * A valid workbook whose sheet XML is padded with 40 MB of whitespace: tiny on disk.
	 */
	private static void zipBomb(Path file) throws IOException {
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(workbookBytes()));
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().endsWith("sheet1.xml")) {
					String xml = new String(content, StandardCharsets.UTF_8);
					int end = xml.lastIndexOf("</worksheet>");
					out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
					byte[] spaces = new byte[1 << 20];
					java.util.Arrays.fill(spaces, (byte) ' ');
					for (int i = 0; i < 40; i++) {
						out.write(spaces);
					}
					out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
				}
				else {
					out.write(content);
				}
				out.closeEntry();
			}
		}
	}

}
