package org.ceprint.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.ceprint.demo.DemoRegistryGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A corpus of malformed and hostile workbooks, each generated here: every one gets its
 * defined outcome (a row accepted with normalisation, a row rejected with a reason, or
 * the file refused as a whole), nothing crashes or runs, and the valid row each file also
 * carries is stored.
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
		this.generator.clearRegistry();
		this.generator.generate(61, 4, LocalDate.of(2026, 6, 30));
		body = this.jdbc.sql("SELECT MIN(credit_code) FROM organisation WHERE kind = 'UNIT'")
			.query(String.class)
			.single();
		Map<String, Object> person = this.jdbc.sql("SELECT name, id_number FROM person ORDER BY id")
			.query()
			.listOfRows()
			.get(0);
		name = (String) person.get("name");
		id = (String) person.get("id_number");
	}

	/**
	 * What a case expects of its tampered row: accepted, rejected (reason contains), or a
	 * refused file.
	 */
	record Case(String label, Consumer<Workbook> tamper, String outcome, String detail) {

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
				"accepted", null));
		cases.add(new Case("Chinese date", (w) -> tampered(w).getCell(6).setCellValue("2026年2月3日"), "accepted", null));
		cases.add(new Case("full-width digits", (w) -> tampered(w).getCell(8).setCellValue("１２"), "accepted", null));
		cases.add(new Case("ideographic and stray spaces",
				(w) -> tampered(w).getCell(2).setCellValue("\u3000 项目 乙 \u00A0"), "accepted", null));
		cases.add(new Case("lower-case x and spaces in ID",
				(w) -> tampered(w).getCell(1).setCellValue(" " + id.toLowerCase() + " "), "accepted", null));
		cases.add(new Case("subject without 科目", (w) -> tampered(w).getCell(5).setCellValue("专业"), "accepted", null));
		cases.add(new Case("slash date", (w) -> tampered(w).getCell(7).setCellValue("2026/2/4"), "accepted", null));
		cases.add(new Case("compact date", (w) -> tampered(w).getCell(7).setCellValue("20260204"), "accepted", null));
		cases.add(new Case("extra columns", (w) -> tampered(w).createCell(20).setCellValue("备注"), "accepted", null));
		cases.add(new Case("hidden sheet first", (w) -> {
			Sheet decoy = w.createSheet("隐藏");
			decoy.createRow(0).createCell(0).setCellValue("不应读取");
			w.setSheetOrder("隐藏", 0);
			w.setSheetHidden(0, true);
			w.setActiveSheet(1);
			w.setSelectedTab(1);
		}, "accepted", null));
		cases.add(new Case("merged cells across a row", (w) -> {
			Row row = tampered(w);
			row.getCell(3).setBlank();
			row.getSheet().addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 2, 3));
		}, "rejected", "学习内容"));
		cases.add(new Case("merged title", (w) -> w.getSheetAt(0).addMergedRegion(new CellRangeAddress(0, 0, 0, 10)),
				"accepted", null));
		cases.add(new Case("ID as a number", (w) -> tampered(w).getCell(1).setCellValue(3.6010219850615E17), "rejected",
				"身份证件号码"));
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
		this.jdbc.sql("DELETE FROM registration_entry WHERE import_key IS NOT NULL").update();
		Path file = this.folder.resolve(c.label().replace(' ', '-') + ".xlsx");
		try (Workbook workbook = base(new XSSFWorkbook())) {
			c.tamper().accept(workbook);
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
		if (c.outcome().equals("refused")) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> this.imports.importFile(file, this.folder.resolve("e.xlsx")))
				.withMessageContaining(c.detail());
			assertThat(imported()).isZero();
			return;
		}
		ImportReport report = this.imports.importFile(file, this.folder.resolve(c.label() + "-errors.xlsx"));
		switch (c.outcome()) {
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
		assertThat(imported()).isEqualTo(report.imported());
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
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.imports.importFile(file, this.folder.resolve("e.xlsx")))
			.withMessageContaining(expected);
		assertThat(imported()).isZero();
	}

	static List<Object[]> filesRefusedAsAWhole() {
		return List.of(new Object[] { "zip-bomb", "不是有效的 Excel 登记汇总表" },
				new Object[] { "truncated", "不是有效的 Excel 登记汇总表" }, new Object[] { "oversized", "大于 20 MB" },
				new Object[] { "csv-named-xlsx", "不是有效的 Excel 登记汇总表" },
				new Object[] { "row-beyond-limit", "超过 100000 行" });
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
		}
	}

	private long imported() {
		return this.jdbc.sql("SELECT COUNT(*) FROM registration_entry WHERE import_key IS NOT NULL")
			.query(Long.class)
			.single();
	}

	/**
	 * The template with one valid row (row 4) and one row for a case to tamper with (row
	 * 5).
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
		fill(sheet.createRow(3), "有效的项目", "2026-01-05", "2026-01-06", "16");
		fill(sheet.createRow(4), "项目乙", "2026-02-03", "2026-02-04", "12");
		return workbook;
	}

	private static void fill(Row row, String project, String start, String end, String hours) {
		String[] values = { name, id, project, "内容", "面授培训", "专业科目", start, end, hours, "合格", "" };
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
