package org.ceprint.intake;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.ceprint.InvalidRequestException;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.testsupport.ChildJvm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One outcome per file: the valid rows are stored and every other row is in the report,
 * which is on disk before the rows are committed; when no report can be written, nothing
 * is stored; an import killed by the operating system while it writes leaves all of its
 * rows or none, and importing the file again completes it. Runs on H2 (the child JVM
 * reaches the test's file database through AUTO_SERVER) and on MariaDB.
 */
@SpringBootTest
abstract class ImportOutcomeContract {

	static final int KILLED_ROWS = 50_000;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	IntakeImports imports;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	String body;

	List<Map<String, Object>> people;

	/** The test's data folder (keys, and for H2 the database), shared with the child. */
	abstract Path dataDir();

	/** What a child JVM needs on its command line to reach the test's database. */
	abstract List<String> databaseArguments();

	@BeforeEach
	void registry() {
		FreshRegistry registry = FreshRegistry.generate(this.generator, this.jdbc, 29, 200);
		this.body = registry.body();
		this.people = registry.people();
	}

	@Test
	void theValidRowsAreStoredWithTheReportOfTheOthersBesideThem() throws Exception {
		Path file = workbook("mixed.xlsx", 10, 3);
		Path errors = this.folder.resolve("mixed-未导入.xlsx");

		ImportReport report = this.imports.importFile(file, errors);

		assertThat(report.imported()).isEqualTo(10);
		assertThat(report.rejected()).hasSize(3);
		assertThat(report.errorWorkbook()).isEqualTo(errors);
		assertThat(errors).isNotEmptyFile();
		assertThat(stored("mixed")).isEqualTo(10);
		try (Stream<Path> files = Files.list(this.folder)) {
			assertThat(files.map(Path::toString)).noneMatch((name) -> name.endsWith(".part"));
		}
	}

	@Test
	void theReportsFolderIsMadeWhenItDoesNotExistYet() throws Exception {
		Path file = workbook("new-folder.xlsx", 2, 1);
		Path errors = this.folder.resolve("报告").resolve("2026").resolve("未导入.xlsx");

		ImportReport report = this.imports.importFile(file, errors);

		assertThat(report.errorWorkbook()).isEqualTo(errors);
		assertThat(errors).isNotEmptyFile();
		assertThat(stored("new-folder")).isEqualTo(2);
	}

	@Test
	void whenNoReportCanBeWrittenNothingIsStored() throws Exception {
		Path file = workbook("unreportable.xlsx", 10, 3);
		// the report's folder is a file: neither the workbook nor the text beside it can
		// be written
		Path notAFolder = Files.writeString(this.folder.resolve("not-a-folder"), "x");

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.imports.importFile(file, notAFolder.resolve("errors.xlsx")))
			.withMessageContaining("未导入行的报告无法写出")
			.withMessageContaining("本次没有导入任何行");
		assertThat(stored("unreportable")).isZero();
	}

	@Test
	void whenTheWorkbookCannotBeWrittenTheReportIsPlainText() throws Exception {
		Path file = workbook("text-report.xlsx", 10, 3);
		// a folder with something in it stands where the workbook should go
		Path occupied = Files.createDirectories(this.folder.resolve("errors.xlsx"));
		Files.writeString(occupied.resolve("keep"), "x");

		ImportReport report = this.imports.importFile(file, occupied);

		assertThat(report.imported()).isEqualTo(10);
		assertThat(report.errorWorkbook()).isEqualTo(this.folder.resolve("errors.txt"));
		List<String> lines = Files.readAllLines(report.errorWorkbook(), StandardCharsets.UTF_8);
		assertThat(lines).hasSize(4);
		assertThat(lines.get(1)).startsWith("第 14 行：").contains("学时");
		assertThat(stored("text-report")).isEqualTo(10);
	}

	@Test
	void anImportKilledWhileWritingStoresAllOrNothingAndCompletesWhenRepeated() throws Exception {
		Path file = workbook("killed.xlsx", KILLED_ROWS, 0);
		List<String> command = new ArrayList<>(List.of("import", file.toString()));
		command.addAll(databaseArguments());

		Process child = ChildJvm.start(this.folder, dataDir(), this.folder.resolve("print-batches"), command);
		StringBuilder output = new StringBuilder();
		boolean writing = false;
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				output.append(line).append('\n');
				if (line.contains("正在写入登记库")) {
					writing = true;
					child.destroyForcibly();
					break;
				}
			}
		}
		child.waitFor();
		assertThat(writing).as(output.toString()).isTrue();
		assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
		assertThat(stored("killed")).as("all or nothing").isIn(0L, (long) KILLED_ROWS);
		long before = stored("killed");

		ChildJvm.Result again = ChildJvm
			.finish(ChildJvm.start(this.folder, dataDir(), this.folder.resolve("print-batches"), command), command);
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).contains("导入 %d 条".formatted(KILLED_ROWS - before), "已导入过 %d 条".formatted(before));
		assertThat(stored("killed")).isEqualTo(KILLED_ROWS);
	}

	@Test
	void theBatchedWriteStoresExactlyTheAcceptedRowsOfAFileMixingGoodBadAndRepeatedRows() throws Exception {
		// 2,600 rows: more than two of the store's batches of 1,000; every 7th row
		// refused,
		// every 11th a copy of the row before it, and 40 rows imported before from
		// another file
		List<String[]> rows = new ArrayList<>();
		for (int i = 0; i < 2_600; i++) {
			rows.add((i % 11 == 10) ? rows.get(i - 1) : values("batched", i, i % 7 != 6));
		}
		write("earlier.xlsx", rows.subList(100, 140));
		ImportReport earlier = this.imports.importFile(this.folder.resolve("earlier.xlsx"),
				this.folder.resolve("earlier-未导入.xlsx"));
		assertThat(earlier.imported()).isPositive();
		Set<String> accepted = new TreeSet<>();
		Set<String> refused = new TreeSet<>();
		for (String[] row : rows) {
			(row[8].equals("8") ? accepted : refused).add(row[2]);
		}
		long validRows = rows.stream().filter((row) -> row[8].equals("8")).count();

		ImportReport report = this.imports.importFile(write("batched.xlsx", rows),
				this.folder.resolve("batched-未导入.xlsx"));

		assertThat(report.rows()).isEqualTo(2_600);
		assertThat(report.rejected()).hasSize((int) (rows.size() - validRows));
		assertThat(report.rejected()).allSatisfy((row) -> assertThat(row.reasons()).anyMatch((r) -> r.contains("学时")));
		assertThat(report.imported()).isEqualTo(accepted.size() - earlier.imported());
		assertThat(report.alreadyImported()).isEqualTo(validRows - report.imported());
		List<String> stored = this.jdbc.sql(
				"SELECT project_name FROM registration_entry WHERE project_name LIKE 'batched：%' ORDER BY project_name")
			.query(String.class)
			.list();
		assertThat(stored).as("each accepted row once, no refused row").containsExactlyInAnyOrderElementsOf(accepted);
		assertThat(stored).doesNotContainAnyElementsOf(refused);
		assertThat(report.entryIds()).hasSize(accepted.size());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM registration_entry WHERE id IN (:ids)")
			.param("ids", report.entryIds())
			.query(Long.class)
			.single()).isEqualTo(accepted.size());
	}

	private long stored(String label) {
		return this.jdbc.sql("SELECT COUNT(*) FROM registration_entry WHERE project_name LIKE ?")
			.param(label + "：%")
			.query(Long.class)
			.single();
	}

	/**
	 * A summary table of the test's unit: {@code valid} rows of its people, then
	 * {@code invalid} rows with 学时 that is no number.
	 */
	private Path workbook(String name, int valid, int invalid) throws Exception {
		String label = name.replaceFirst("\\.xlsx$", "");
		List<String[]> rows = new ArrayList<>();
		for (int i = 0; i < valid + invalid; i++) {
			rows.add(values(label, i, i < valid));
		}
		return write(name, rows);
	}

	/** Row {@code i} of a table, its 学时 no number unless {@code valid}. */
	private String[] values(String label, int i, boolean valid) {
		Map<String, Object> person = this.people.get(i % this.people.size());
		LocalDate start = LocalDate.of(2025, 1, 1).plusDays(i % 300);
		return new String[] { (String) person.get("name"), (String) person.get("id_number"),
				label + "：第 " + (i + 1) + " 期", "继续教育学习", "面授培训", "专业科目", start.toString(),
				start.plusDays(1).toString(), valid ? "8" : "八学时", "合格", "" };
	}

	private Path write(String name, List<String[]> rows) throws Exception {
		Path file = this.folder.resolve(name);
		SXSSFWorkbook workbook = new SXSSFWorkbook(500);
		try (OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet(SummaryTableWorkbooks.SHEET);
			sheet.createRow(0).createCell(0).setCellValue("专业技术人员继续教育情况登记汇总表");
			Row code = sheet.createRow(1);
			code.createCell(0).setCellValue("报送单位统一社会信用代码");
			code.createCell(1).setCellValue(this.body);
			Row headings = sheet.createRow(2);
			for (int i = 0; i < SummaryTableWorkbooks.HEADINGS.size(); i++) {
				headings.createCell(i).setCellValue(SummaryTableWorkbooks.HEADINGS.get(i));
			}
			for (int i = 0; i < rows.size(); i++) {
				Row row = sheet.createRow(3 + i);
				for (int c = 0; c < rows.get(i).length; c++) {
					row.createCell(c).setCellValue(rows.get(i)[c]);
				}
			}
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
		return file;
	}

}
