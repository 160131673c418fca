package org.ceprint.intake.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.ceprint.registry.CsvFiles;

/**
 * The summary table saved as CSV from Excel or WPS (另存为 CSV): the same rows as the
 * template's sheet, one record a row. Excel on a Chinese Windows writes GB18030 (GBK),
 * others UTF-8 with or without a byte-order mark; the bytes decide which (see
 * {@link CsvFiles}).
 */
final class CsvTables {

	private CsvTables() {
	}

	/**
	 * The file's fields as the cells of a sheet, record by record; a field starting with
	 * = is taken as the formula a spreadsheet would run on opening, and refused as one.
	 * @throws org.ceprint.InvalidRequestException when the file has more than
	 * {@code maxLines} records or ends inside a quoted field, in Chinese
	 */
	static SheetCells read(Path file, int width, int maxLines) throws IOException {
		SheetCells cells = new SheetCells(width);
		CsvFiles.read(file, maxLines, (number, fields) -> {
			int row = (int) number - 1;
			for (int column = 0; column < Math.min(fields.size(), width); column++) {
				String value = fields.get(column);
				cells.put(row, column, value.startsWith("=") ? new SheetCells.RawCell("", value.substring(1))
						: new SheetCells.RawCell(value, null));
			}
		});
		return cells;
	}

}
