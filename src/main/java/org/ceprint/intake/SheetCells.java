package org.ceprint.intake;

import java.util.Map;
import java.util.TreeMap;

/**
 * The cells of a summary-table sheet that the import reads (the template's columns), as
 * text: each cell's value, or its formula when it has one (never evaluated). Rows are
 * indexed from 0, as in POI.
 */
final class SheetCells {

	/** A cell as read: its text, or the formula it holds (without the =). */
	record RawCell(String text, String formula) {

		static final RawCell EMPTY = new RawCell("", null);

		boolean isFormula() {
			return this.formula != null;
		}

	}

	private final int width;

	private final TreeMap<Integer, RawCell[]> rows = new TreeMap<>();

	SheetCells(int width) {
		this.width = width;
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

	/** The rows after {@code row} that have at least one cell, in order. */
	Map<Integer, RawCell[]> rowsAfter(int row) {
		return this.rows.tailMap(row, false);
	}

}
