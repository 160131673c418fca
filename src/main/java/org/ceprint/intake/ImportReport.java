package org.ceprint.intake;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import did with a file: every data row is counted once, as imported, as already
 * imported before, or as rejected with its reasons.
 *
 * @param errorWorkbook the workbook of rejected rows, or null when there are none
 * @param bodyCode the submitting body's credit code, from the file
 * @param entryIds the registry's entries for the valid rows, imported now or before, in
 * the order of the rows
 * @param warnings what the file holds that was not imported or may be overlooked (hidden
 * sheets, rows and columns, macros, external links), in Chinese
 */
public record ImportReport(Path file, int rows, int imported, int alreadyImported, List<RejectedRow> rejected,
		Path errorWorkbook, String bodyCode, List<Long> entryIds, List<String> warnings) {

	/**
	 * A row that was not imported: its number in the sheet (1-based, as a spreadsheet
	 * shows it), its values as read and why.
	 */
	public record RejectedRow(int rowNumber, List<String> values, List<String> reasons) {

		/**
		 * Ids and numbers only: no name or ID number may reach a log or an exception
		 * message.
		 */
		@Override
		public String toString() {
			return "RejectedRow[rowNumber=%d]".formatted(this.rowNumber);
		}

	}

}
