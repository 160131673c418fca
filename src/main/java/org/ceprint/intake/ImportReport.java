package org.ceprint.intake;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import did with a file: every data row is counted once, as imported, as already
 * imported before, or as rejected with its reasons.
 *
 * @param errorWorkbook the workbook of rejected rows, or null when there are none
 */
public record ImportReport(Path file, int rows, int imported, int alreadyImported, List<RejectedRow> rejected,
		Path errorWorkbook) {

	/**
	 * A row that was not imported: its number in the sheet (1-based, as a spreadsheet
	 * shows it), its values as read and why.
	 */
	public record RejectedRow(int rowNumber, List<String> values, List<String> reasons) {

	}

}
