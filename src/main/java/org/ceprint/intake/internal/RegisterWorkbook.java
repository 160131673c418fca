package org.ceprint.intake.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.ceprint.InvalidRequestException;
import org.ceprint.intake.ImportReport;
import org.ceprint.intake.SummaryTableWorkbooks;
import org.ceprint.registry.FieldProblem;

/**
 * A workbook an office fills in to register records (the units and bases of its city, a
 * unit's roster of people): one sheet, the headings in row 1, a record a row from row 2,
 * and a sheet of rules. Read like the summary table (formulas refused, hidden content
 * named, .xlsx, .xls or .csv), its rejected rows written back with their reasons.
 *
 * @param sheet the name of the sheet to fill in
 * @param headings the columns, in order
 * @param textColumns the columns of codes (formatted as text in the template: a code
 * typed into a number cell loses its last digits)
 * @param rules the rules the import applies, one a line, as the user reads them
 */
public record RegisterWorkbook(String sheet, List<String> headings, Set<Integer> textColumns, List<String> rules) {

	/** The headings are on the first row. */
	public static final int HEADING_ROW = 0;

	/** A row as read: its number as a spreadsheet shows it, its values, what is wrong. */
	public record ReadRow(int rowNumber, List<String> headings, List<String> values, List<String> problems,
			boolean fromList) {

		public String value(int column) {
			return this.values.get(column);
		}

		/** Why the field in {@code column} is wrong, naming the row and the field. */
		public String problem(int column, String reason) {
			return new FieldProblem(record(), this.headings.get(column), value(column), reason).message();
		}

		/** How a reason names this row: a sheet's row, or a list's record. */
		public String record() {
			return (this.fromList ? "第 %d 条" : "第 %d 行").formatted(this.rowNumber);
		}

		/** Ids and numbers only: no name or ID number may reach a log. */
		@Override
		public String toString() {
			return "ReadRow[rowNumber=%d]".formatted(this.rowNumber);
		}

	}

	/** The {@code number}th record (from 1) of a list sent by a page or the API. */
	public ReadRow listed(int number, List<String> values) {
		return new ReadRow(number, this.headings, values, List.of(), true);
	}

	/**
	 * Reads the file's rows, after checking that its headings are this workbook's.
	 * @throws InvalidRequestException when the file or its headings are wrong, in
	 * Chinese; nothing is read then
	 */
	public Read read(Path file) throws IOException {
		SheetCells cells = SummaryTableFiles.read(file, this.headings.size(), this.sheet, HEADING_ROW);
		checkHeadings(file, cells);
		List<ReadRow> rows = new ArrayList<>();
		for (Map.Entry<Integer, SheetCells.RawCell[]> entry : cells.rowsAfter(HEADING_ROW).entrySet()) {
			int index = entry.getKey();
			String record = "第 %d 行".formatted(index + 1);
			List<String> values = new ArrayList<>();
			List<String> problems = new ArrayList<>();
			boolean blank = true;
			for (int column = 0; column < this.headings.size(); column++) {
				SheetCells.RawCell cell = cells.cell(index, column);
				if (cell.isFormula()) {
					values.add(SummaryTableWorkbooks.neutralised("=" + cell.formula()));
					problems.add(new FieldProblem(record, this.headings.get(column), "=" + cell.formula(),
							"单元格是公式，不予导入（请粘贴为数值）")
						.message());
					blank = false;
					continue;
				}
				String text = CellText.normalised(cell.text());
				if (cell.numeric() && this.textColumns.contains(column) && !text.isEmpty()) {
					problems.add(new FieldProblem(record, this.headings.get(column), text,
							"单元格是数字格式，代码可能已被 Excel 改动（末几位变成 0 或成了科学计数法）。请把该列设为「文本」后重新输入")
						.message());
				}
				blank &= text.isEmpty();
				values.add(text);
			}
			if (!blank) {
				rows.add(new ReadRow(index + 1, this.headings, values, problems, false));
			}
		}
		return new Read(rows, cells.warnings(HEADING_ROW));
	}

	/**
	 * A file as read: its rows, and what it holds that is not imported or may be
	 * overlooked (hidden sheets, rows and columns), in Chinese.
	 */
	public record Read(List<ReadRow> rows, List<String> warnings) {

	}

	private void checkHeadings(Path file, SheetCells cells) {
		List<String> wrong = new ArrayList<>();
		for (int column = 0; column < this.headings.size(); column++) {
			String found = CellText.normalised(cells.cell(HEADING_ROW, column).text()).replace(" ", "");
			if (!found.equals(this.headings.get(column))) {
				wrong.add("%s 列应为「%s」，实为「%s」".formatted(CellReference.convertNumToColString(column),
						this.headings.get(column), found.isEmpty() ? "（空）" : FieldProblem.visible(found)));
			}
		}
		if (!wrong.isEmpty()) {
			throw new InvalidRequestException("%s 第 1 行的表头与「%s」模板不同：%s。没有导入任何行；请用 template 命令生成的模板填写，不要增删或调换列"
				.formatted(file.getFileName(), this.sheet, String.join("；", wrong)));
		}
	}

	/** Writes the empty template: the headings, codes as text, and the rules. */
	public void writeTemplate(OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet(this.sheet);
			CellStyle bold = SummaryTableWorkbooks.bold(workbook);
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			Row headingRow = sheet.createRow(HEADING_ROW);
			for (int column = 0; column < this.headings.size(); column++) {
				Cell cell = headingRow.createCell(column);
				cell.setCellValue(this.headings.get(column));
				cell.setCellStyle(bold);
				sheet.setColumnWidth(column, Math.max(12, this.headings.get(column).length() * 2 + 4) * 256);
				if (this.textColumns.contains(column)) {
					sheet.setDefaultColumnStyle(column, text);
					sheet.setColumnWidth(column, 22 * 256);
				}
			}
			sheet.createFreezePane(0, 1);
			Sheet rules = workbook.createSheet("填写说明");
			Cell title = rules.createRow(0).createCell(0);
			title.setCellValue("「%s」填写说明".formatted(this.sheet));
			title.setCellStyle(bold);
			for (int i = 0; i < this.rules.size(); i++) {
				rules.createRow(i + 1).createCell(0).setCellValue("%d. %s".formatted(i + 1, this.rules.get(i)));
			}
			rules.setColumnWidth(0, 120 * 256);
			workbook.write(out);
		}
	}

	/** Writes the rows not imported: their row number, values and reasons. */
	public void writeErrors(List<ImportReport.RejectedRow> rejected, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			Sheet sheet = workbook.createSheet("未导入的行");
			Row headingRow = sheet.createRow(0);
			headingRow.createCell(0).setCellValue("原行号");
			for (int i = 0; i < this.headings.size(); i++) {
				headingRow.createCell(i + 1).setCellValue(this.headings.get(i));
			}
			headingRow.createCell(this.headings.size() + 1).setCellValue("未导入原因");
			int index = 1;
			for (ImportReport.RejectedRow row : rejected) {
				Row out2 = sheet.createRow(index++);
				out2.createCell(0).setCellValue(row.rowNumber());
				for (int i = 0; i < row.values().size() && i < this.headings.size(); i++) {
					out2.createCell(i + 1)
						.setCellValue(
								SummaryTableWorkbooks.cellText(SummaryTableWorkbooks.neutralised(row.values().get(i))));
				}
				out2.createCell(this.headings.size() + 1)
					.setCellValue(SummaryTableWorkbooks.cellText(String.join("；", row.reasons())));
			}
			sheet.setColumnWidth(this.headings.size() + 1, 80 * 256);
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	/**
	 * Writes the error workbook atomically (or a text report when it cannot be).
	 * @throws InvalidRequestException when neither can be written: the import must then
	 * store nothing
	 */
	public Path writeErrorReport(Path file, List<ImportReport.RejectedRow> rejected, Path errorWorkbook) {
		try {
			return ImportReports.write(rejected, errorWorkbook, (out) -> writeErrors(rejected, out));
		}
		catch (ImportReports.NotWritten ex) {
			throw new InvalidRequestException(
					"%s：%s，本次没有导入任何行。请确认该位置可写（或用 --errors 指定别的文件）后重新导入".formatted(file.getFileName(), ex.getMessage()));
		}
	}

	/** A typed date (2024-03-05, 2024/3/5, 2024年3月5日), or null when it is none. */
	public static java.time.LocalDate date(String value) {
		return ImportDates.parse(value);
	}

}
