package org.ceprint.intake;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.ceprint.demo.DemoRegistryGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Benchmark, not a test: imports a workbook of {@code -Dbench.rows} rows (default 50,000)
 * and prints rows per second and the peak heap. Runs only with {@code -Dbench=true}
 * ({@code bench/intake.sh}); it asserts that every row was imported and stored, and
 * nothing about time.
 */
@SpringBootTest
class IntakeBenchmark {

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	IntakeImports imports;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	@Test
	void importAWorkbookOfManyRows() throws Exception {
		assumeThat(Boolean.getBoolean("bench")).as("run with -Dbench=true (bench/intake.sh)").isTrue();
		int rows = Integer.getInteger("bench.rows", 50_000);
		this.generator.clearRegistry();
		this.generator.generate(71, 5_000, LocalDate.of(2026, 6, 30));
		String body = this.jdbc.sql("SELECT MIN(credit_code) FROM organisation WHERE kind = 'BASE'")
			.query(String.class)
			.single();
		List<Map<String, Object>> people = this.jdbc.sql("SELECT name, id_number FROM person ORDER BY id")
			.query()
			.listOfRows();
		Path file = this.folder.resolve("rows-" + rows + ".xlsx");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet("登记汇总表");
			sheet.createRow(0).createCell(0).setCellValue("专业技术人员继续教育情况登记汇总表");
			Row code = sheet.createRow(1);
			code.createCell(0).setCellValue("报送单位统一社会信用代码");
			code.createCell(1).setCellValue(body);
			Row headings = sheet.createRow(2);
			for (int i = 0; i < SummaryTableWorkbooks.HEADINGS.size(); i++) {
				headings.createCell(i).setCellValue(SummaryTableWorkbooks.HEADINGS.get(i));
			}
			for (int i = 0; i < rows; i++) {
				Map<String, Object> person = people.get(i % people.size());
				LocalDate start = LocalDate.of(2025, 1, 1).plusDays(i / people.size());
				String[] values = { (String) person.get("name"), (String) person.get("id_number"), "培训项目 " + i, "学习内容",
						"面授培训", (i % 3 == 0) ? "公需科目" : "专业科目", start.toString(), start.toString(), "8", "合格", "" };
				Row row = sheet.createRow(3 + i);
				for (int c = 0; c < values.length; c++) {
					row.createCell(c).setCellValue(values[c]);
				}
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
		long entriesBefore = entries();
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		long started = System.nanoTime();
		ImportReport report = this.imports.importFile(file, this.folder.resolve("errors.xlsx"));
		double seconds = (System.nanoTime() - started) / 1e9;
		long peak = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum();
		System.out.printf(
				"%nceprint intake | rows %d | file %.1f MB | imported %d | rejected %d | %.1f s | %.0f rows/s"
						+ " | peak heap %d MB (sum of pool peaks during the import) | max heap %d MB%n",
				rows, Files.size(file) / 1048576.0, report.imported(), report.rejected().size(), seconds,
				rows / seconds, peak / 1048576, Runtime.getRuntime().maxMemory() / 1048576);
		// what was measured must have happened: every row read, stored and counted
		assertThat(report.rows()).as("rows read").isEqualTo(rows);
		assertThat(report.rejected()).as("rows rejected").isEmpty();
		assertThat(report.alreadyImported()).as("rows already imported").isZero();
		assertThat(report.imported()).as("rows imported").isEqualTo(rows);
		assertThat(entries() - entriesBefore).as("registration entries stored").isEqualTo(rows);
	}

	private long entries() {
		return this.jdbc.sql("SELECT COUNT(*) FROM registration_entry").query(Long.class).single();
	}

}
