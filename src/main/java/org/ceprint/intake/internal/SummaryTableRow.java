package org.ceprint.intake.internal;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One row of the summary table, each field by its column, as text: as read from a file
 * (normalised, a formula written out), or as an export writes it. {@code problems} are
 * what reading found wrong with the cells themselves (a formula, a number typed where an
 * ID number goes).
 *
 * @param rowNumber 1-based, as a spreadsheet shows it; 0 for a row not read from a file
 */
public record SummaryTableRow(int rowNumber, String name, String idNumber, String project, String content, String form,
		String subject, String startDate, String endDate, String hours, String result, String outcome,
		String creditItem, List<String> problems) {

	public SummaryTableRow {
		problems = List.copyOf(problems);
	}

	/** The row whose cell in each column is {@code cell}'s answer for that column. */
	static SummaryTableRow of(int rowNumber, Function<SummaryTableColumn, String> cell, List<String> problems) {
		return new SummaryTableRow(rowNumber, cell.apply(SummaryTableColumn.NAME),
				cell.apply(SummaryTableColumn.ID_NUMBER), cell.apply(SummaryTableColumn.PROJECT),
				cell.apply(SummaryTableColumn.CONTENT), cell.apply(SummaryTableColumn.FORM),
				cell.apply(SummaryTableColumn.SUBJECT), cell.apply(SummaryTableColumn.START_DATE),
				cell.apply(SummaryTableColumn.END_DATE), cell.apply(SummaryTableColumn.HOURS),
				cell.apply(SummaryTableColumn.RESULT), cell.apply(SummaryTableColumn.OUTCOME),
				cell.apply(SummaryTableColumn.CREDIT_ITEM), problems);
	}

	public String get(SummaryTableColumn column) {
		return switch (column) {
			case NAME -> this.name;
			case ID_NUMBER -> this.idNumber;
			case PROJECT -> this.project;
			case CONTENT -> this.content;
			case FORM -> this.form;
			case SUBJECT -> this.subject;
			case START_DATE -> this.startDate;
			case END_DATE -> this.endDate;
			case HOURS -> this.hours;
			case RESULT -> this.result;
			case OUTCOME -> this.outcome;
			case CREDIT_ITEM -> this.creditItem;
		};
	}

	/** The fields in column order, as the error workbook repeats them. */
	List<String> values() {
		return Arrays.stream(SummaryTableColumn.values()).map(this::get).toList();
	}

	boolean isBlank() {
		return values().stream().allMatch((value) -> value == null || value.isEmpty());
	}

	/** How messages name the row: 第 5 行. */
	String record() {
		return "第 %d 行".formatted(this.rowNumber);
	}

	/**
	 * Ids and numbers only: no name or ID number may reach a log or an exception message.
	 */
	@Override
	public String toString() {
		return "SummaryTableRow[rowNumber=%d]".formatted(this.rowNumber);
	}

}
