package org.ceprint.intake.internal;

import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import org.ceprint.intake.SummaryTableWorkbooks;
import org.ceprint.registry.Hours;

/** How the exports write their cells: text kept text, hours as numbers. */
public final class ExportCells {

	private ExportCells() {
	}

	static void headings(Sheet sheet, CellStyle bold, List<String> headings, int rowIndex) {
		Row row = sheet.createRow(rowIndex);
		for (int i = 0; i < headings.size(); i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(headings.get(i));
			cell.setCellStyle(bold);
		}
	}

	/** Column widths from A on, in characters of the default font. */
	static void widths(Sheet sheet, int... characters) {
		for (int i = 0; i < characters.length; i++) {
			sheet.setColumnWidth(i, characters[i] * 256);
		}
	}

	public static void text(Row row, int column, String value) {
		row.createCell(column).setCellValue(SummaryTableWorkbooks.neutralised(value));
	}

	static void number(Row row, int column, BigDecimal hours) {
		row.createCell(column).setCellValue(Hours.of(hours).value().doubleValue());
	}

}
