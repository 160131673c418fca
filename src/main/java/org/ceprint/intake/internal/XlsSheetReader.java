package org.ceprint.intake.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import org.ceprint.InvalidRequestException;

/**
 * Reads the summary-table sheet of an old .xls workbook, in memory: the format holds at
 * most 65,536 rows, so the whole workbook is small enough. The sheet is chosen as in
 * {@link XlsxSheetReader}.
 */
final class XlsSheetReader {

	private XlsSheetReader() {
	}

	/**
	 * @param maxRow the largest row index (from 0) accepted; a sheet reaching beyond is
	 * refused with {@code tooManyRows}
	 */
	static SheetCells read(Path file, int width, String preferredSheet, int maxRow, String tooManyRows)
			throws IOException {
		try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
			List<String> names = new ArrayList<>();
			for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
				names.add(workbook.getSheetName(i));
			}
			IntPredicate hidden = (i) -> workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i);
			Sheet sheet = workbook.getSheetAt(SheetCells.chooseSheet(names, hidden, preferredSheet));
			if (sheet.getLastRowNum() > maxRow) {
				throw new InvalidRequestException(tooManyRows);
			}
			SheetCells cells = new SheetCells(width, sheet.getSheetName());
			for (int i = 0; i < names.size(); i++) {
				if (hidden.test(i)) {
					cells.hideSheet(names.get(i));
				}
			}
			for (int column = 0; column < width; column++) {
				if (sheet.isColumnHidden(column)) {
					cells.hideColumn(column);
				}
			}
			for (Row row : sheet) {
				if (row.getZeroHeight()) {
					cells.hideRow(row.getRowNum());
				}
				for (int column = 0; column < width; column++) {
					Cell cell = row.getCell(column);
					if (cell != null) {
						cells.put(row.getRowNum(), column, raw(cell));
					}
				}
			}
			return cells;
		}
	}

	/** A formula as written, never evaluated; a number as the plain text of its value. */
	private static SheetCells.RawCell raw(Cell cell) {
		if (cell.getCellType() == CellType.FORMULA) {
			return new SheetCells.RawCell("", cell.getCellFormula());
		}
		return new SheetCells.RawCell(text(cell), null,
				cell.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell));
	}

	private static String text(Cell cell) {
		return switch (cell.getCellType()) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC ->
				DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
						: BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			default -> "";
		};
	}

}
