package org.ceprint.intake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;

import org.apache.poi.ss.util.CellReference;

import org.ceprint.InvalidRequestException;

/**
 * The cells of a summary-table sheet that the import reads (the template's columns), as
 * text: each cell's value, or its formula when it has one (never evaluated). Rows are
 * indexed from 0, as in POI.
 */
public final class SheetCells {

	/**
	 * A cell as read: its text, or the formula it holds (without the =); numeric when the
	 * spreadsheet stored a number (a typed 18-digit ID number has lost its last digits by
	 * then).
	 */
	public record RawCell(String text, String formula, boolean numeric) {

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

	/**
	 * What the file holds that is not imported or may be overlooked, named for the user.
	 */
	private final List<String> warnings = new ArrayList<>();

	private final List<String> hiddenSheets = new ArrayList<>();

	private final SortedSet<Integer> hiddenColumns = new TreeSet<>();

	private final SortedSet<Integer> hiddenRows = new TreeSet<>();

	/** The sheet read, for a workbook. */
	private final String sheetName;

	SheetCells(int width) {
		this(width, null);
	}

	SheetCells(int width, String sheetName) {
		this.width = width;
		this.sheetName = sheetName;
	}

	/**
	 * The index of the sheet to import: the one named {@code preferred}, or else the
	 * first visible one. A hidden sheet of the template's name is refused: a visible
	 * decoy sheet beside it is how hidden rows would slip in.
	 */
	static int chooseSheet(List<String> names, IntPredicate hidden, String preferred) {
		int named = names.indexOf(preferred);
		if (named >= 0) {
			if (hidden.test(named)) {
				throw new InvalidRequestException(
						"工作表「%s」被隐藏：隐藏的内容不予导入。请在 Excel 中取消隐藏该工作表、核对其中的每一行后重新导入".formatted(preferred));
			}
			return named;
		}
		for (int i = 0; i < names.size(); i++) {
			if (!hidden.test(i)) {
				return i;
			}
		}
		throw new InvalidRequestException("工作簿中没有可见的工作表");
	}

	int width() {
		return this.width;
	}

	void put(int row, int column, RawCell cell) {
		if (column < this.width) {
			this.rows.computeIfAbsent(row, (index) -> new RawCell[this.width])[column] = cell;
		}
	}

	public RawCell cell(int row, int column) {
		RawCell[] cells = this.rows.get(row);
		RawCell cell = (cells != null && column < this.width) ? cells[column] : null;
		return (cell != null) ? cell : RawCell.EMPTY;
	}

	/** Something else the file holds that is not imported (macros, external links). */
	void warn(String warning) {
		this.warnings.add(warning);
	}

	void hideSheet(String name) {
		this.hiddenSheets.add(name);
	}

	/** Column {@code column} (from 0) is hidden; only the template's columns count. */
	void hideColumn(int column) {
		if (column < this.width) {
			this.hiddenColumns.add(column);
		}
	}

	void hideRow(int row) {
		this.hiddenRows.add(row);
	}

	/**
	 * What the user should know about the file: hidden sheets (not imported), what else
	 * it holds that is not imported, and hidden columns and the hidden rows after
	 * {@code headingRow} that hold cells (imported like the others, so to be checked).
	 */
	public List<String> warnings(int headingRow) {
		List<String> all = new ArrayList<>();
		this.hiddenSheets
			.forEach((hidden) -> all.add("工作表「%s」被隐藏，其内容没有导入（只导入工作表「%s」）".formatted(hidden, this.sheetName)));
		all.addAll(this.warnings);
		if (!this.hiddenColumns.isEmpty()) {
			all.add("第 %s 列被隐藏：隐藏列中的内容照常检查、导入，请核对".formatted(
					String.join("、", this.hiddenColumns.stream().map(CellReference::convertNumToColString).toList())));
		}
		List<String> rows = this.hiddenRows.stream()
			.filter((row) -> row > headingRow && this.rows.containsKey(row))
			.map((row) -> String.valueOf(row + 1))
			.toList();
		if (!rows.isEmpty()) {
			all.add("第 %s 行被隐藏：隐藏行照常检查、导入，请核对".formatted(String.join("、", rows)));
		}
		return all;
	}

	/** The rows after {@code row} that have at least one cell, in order. */
	Map<Integer, RawCell[]> rowsAfter(int row) {
		return this.rows.tailMap(row, false);
	}

}
