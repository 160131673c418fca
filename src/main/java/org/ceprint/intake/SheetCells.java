package org.ceprint.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cells of a summary-table sheet that the import reads (the template's columns), as
 * text: each cell's value, or its formula when it has one (never evaluated). Rows are
 * indexed from 0, as in POI.
 */
final class SheetCells {

	/**
	 * A cell as read: its text, or the formula it holds (without the =); numeric when the
	 * spreadsheet stored a number (a typed 18-digit ID number has lost its last digits by
	 * then).
	 */
	record RawCell(String text, String formula, boolean numeric) {

		static final RawCell EMPTY = new RawCell("", null);

		RawCell(String text, String formula) {
			this(text, formula, false);
		}

		boolean isFormula() {
			return this.formula != null;
		}

	}

	private final int width;

	private final TreeMap<Integer, RawCell[]> rows = new TreeMap<>();

	/** What the file holds that is not imported, or not seen, named for the user. */
	private final List<String> warnings = new ArrayList<>();

	private final SortedSet<Integer> hiddenRows = new TreeSet<>();

	SheetCells(int width) {
		this.width = width;
	}

	int width() {
		return this.width;
	}

	void put(int row, int column, RawCell cell) {
		if (column < this.width) {
			this.rows.computeIfAbsent(row, (index) -> new RawCell[this.width])[column] = cell;
		}
	}

	RawCell cell(int row, int column) {
		RawCell[] cells = this.rows.get(row);
		RawCell cell = (cells != null && column < this.width) ? cells[column] : null;
		return (cell != null) ? cell : RawCell.EMPTY;
	}

	void warn(String warning) {
		this.warnings.add(warning);
	}

	List<String> warnings() {
		return this.warnings;
	}

	void hideRow(int row) {
		this.hiddenRows.add(row);
	}

	/** Hidden rows (from 0) that hold at least one cell of the template's columns. */
	SortedSet<Integer> hiddenRowsWithCells() {
		SortedSet<Integer> hidden = new TreeSet<>(this.hiddenRows);
		hidden.retainAll(this.rows.keySet());
		return hidden;
	}

	/** The rows after {@code row} that have at least one cell, in order. */
	Map<Integer, RawCell[]> rowsAfter(int row) {
		return this.rows.tailMap(row, false);
	}

}
