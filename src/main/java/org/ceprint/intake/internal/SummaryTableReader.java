package org.ceprint.intake.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.util.CellReference;

import org.ceprint.InvalidRequestException;
import org.ceprint.intake.SummaryTableWorkbooks;
import org.ceprint.registry.FieldProblem;

/**
 * Reads a summary table's cells into typed rows, column by column as
 * {@link SummaryTableColumn} lays them out, once the heading row has been found to be the
 * template's.
 */
public final class SummaryTableReader {

	private SummaryTableReader() {
	}

	/**
	 * The heading row must be the template's, column by column, before any row is read:
	 * with columns moved, every row would be checked against the wrong heading.
	 * @throws InvalidRequestException naming every column that differs, in Chinese
	 */
	public static void checkLayout(Path file, SheetCells sheet) {
		List<String> wrong = new ArrayList<>();
		for (SummaryTableColumn column : SummaryTableColumn.values()) {
			String found = CellText.normalised(sheet.cell(SummaryTableWorkbooks.HEADING_ROW, column.index()).text())
				.replace(" ", "");
			// the optional last columns may be left out of an older template, as long as
			// no row fills them
			boolean leftOut = found.isEmpty() && column.optional() && isEmptyColumn(sheet, column.index());
			if (!found.equals(column.heading()) && !leftOut) {
				wrong.add("%s 列应为「%s」，实为「%s」".formatted(CellReference.convertNumToColString(column.index()),
						column.heading(), found.isEmpty() ? "（空）" : FieldProblem.visible(found)));
			}
		}
		if (!wrong.isEmpty()) {
			throw new InvalidRequestException("%s 第 %d 行的表头与登记汇总表模板不同：%s。没有导入任何行；请用 import --template 生成的模板填写，不要增删或调换列"
				.formatted(file.getFileName(), SummaryTableWorkbooks.HEADING_ROW + 1, String.join("；", wrong)));
		}
	}

	private static boolean isEmptyColumn(SheetCells sheet, int column) {
		return sheet.rowsAfter(SummaryTableWorkbooks.HEADING_ROW)
			.keySet()
			.stream()
			.allMatch((row) -> sheet.cell(row, column).text().isBlank() && !sheet.cell(row, column).isFormula());
	}

	/** The submitting body's code as typed in B2, upper case. */
	public static String bodyCode(SheetCells sheet) {
		return CellText.normalised(sheet.cell(SummaryTableWorkbooks.CREDIT_CODE_ROW, 1).text())
			.toUpperCase(java.util.Locale.ROOT);
	}

	/**
	 * The data rows of the sheet, from row 4, blank rows left out; a formula is kept as
	 * written and reported, as is an ID number stored as a number.
	 */
	public static List<SummaryTableRow> rows(SheetCells sheet) {
		List<SummaryTableRow> rows = new ArrayList<>();
		for (int index : sheet.rowsAfter(SummaryTableWorkbooks.HEADING_ROW).keySet()) {
			String record = "第 %d 行".formatted(index + 1);
			Map<SummaryTableColumn, String> values = new EnumMap<>(SummaryTableColumn.class);
			List<String> problems = new ArrayList<>();
			for (SummaryTableColumn column : SummaryTableColumn.values()) {
				SheetCells.RawCell cell = sheet.cell(index, column.index());
				if (cell.isFormula()) {
					values.put(column, SummaryTableWorkbooks.neutralised("=" + cell.formula()));
					problems.add(new FieldProblem(record, column.heading(), "=" + cell.formula(), "单元格是公式，不予导入（请粘贴为数值）")
						.message());
					continue;
				}
				values.put(column, CellText.normalised(cell.text()));
				if (cell.numeric() && column == SummaryTableColumn.ID_NUMBER) {
					problems.add(new FieldProblem(record, column.heading(), cell.text(),
							"单元格是数字格式：Excel 把 18 位号码存成只有 15 位有效数字的数，末几位已经丢失。请把该列设为「文本」格式后重新输入号码")
						.message());
				}
			}
			SummaryTableRow row = SummaryTableRow.of(index + 1, values::get, problems);
			if (!row.isBlank()) {
				rows.add(row);
			}
		}
		return rows;
	}

}
