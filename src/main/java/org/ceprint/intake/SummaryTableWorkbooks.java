package org.ceprint.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.ceprint.hours.CreditItem;
import org.ceprint.intake.internal.SummaryTableColumn;
import org.ceprint.intake.internal.SummaryTableRow;
import org.ceprint.registry.FieldLengths;
import org.ceprint.registry.RegistrationChecks;

/**
 * The layout of the summary-table workbook (登记汇总表, 第十二条) that units and bases fill in:
 * the title, the submitting body's credit code in B2, the headings in row 3 and one entry
 * a row from row 4.
 */
public final class SummaryTableWorkbooks {

	public static final String SHEET = "登记汇总表";

	public static final int CREDIT_CODE_ROW = 1;

	public static final int HEADING_ROW = 2;

	/** The columns' headings, A to L (see {@link SummaryTableColumn}). */
	static final List<String> HEADINGS = SummaryTableColumn.headings();

	static final int CREDIT_ITEM_COLUMN = SummaryTableColumn.CREDIT_ITEM.index();

	static final int FIRST_OPTIONAL_COLUMN = SummaryTableColumn.FIRST_OPTIONAL.index();

	private SummaryTableWorkbooks() {
	}

	/** The sheet of the template that states the rules, one a row. */
	static final String INSTRUCTIONS_SHEET = "填写说明";

	/**
	 * Writes the empty template a unit or base fills in: the table, and after it the
	 * rules the import applies.
	 */
	public static void writeTemplate(OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet(SHEET);
			CellStyle bold = bold(workbook);
			layOut(sheet, bold, "专业技术人员继续教育情况登记汇总表", "", "填写前请阅读工作表「%s」；从第 4 行起每行一条登记".formatted(INSTRUCTIONS_SHEET));
			// ID numbers and codes typed into a number cell lose their last digits
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			sheet.setDefaultColumnStyle(1, text);
			sheet.getRow(CREDIT_CODE_ROW).getCell(1).setCellStyle(text);
			writeInstructions(workbook.createSheet(INSTRUCTIONS_SHEET), bold);
			workbook.write(out);
		}
	}

	/** The rules the import applies, as the user reads them, one a row. */
	static List<String> instructions() {
		return List.of("不要增删、调换或改名「%s」的列；第 2 行 B 列填报送单位（单位或基地）的 18 位统一社会信用代码；从第 4 行起每行一条登记".formatted(SHEET),
				"身份证件号码：18 位居民身份证号码。该列已设为文本格式，请直接输入或粘贴为文本：设为数字的单元格会丢失末几位",
				"学习形式：面授培训、学术会议、资格考试、进修、自学、学历学位教育、远程教育、业绩成果折算", "科目类别：公需科目或专业科目",
				"开始日期、结束日期：如 2024-03-05、2024/3/5 或 2024年3月5日；结束日期不早于开始日期",
				"学时：大于 0、不超过 %s 的数，最多一位小数；填写了折算项目而学时空白时，按学时登记标准折算".formatted(RegistrationChecks.MAX_HOURS),
				"折算项目（可不填）：" + CreditItem.labels(),
				"字数：项目名称不超过 %d 字，学习内容不超过 %d 字，考试考核成绩不超过 %d 字，继续教育成果不超过 %d 字（扩展区生僻字每字按 2 字计）".formatted(
						FieldLengths.PROJECT_NAME, FieldLengths.CONTENT, FieldLengths.RESULT, FieldLengths.OUTCOME),
				"不能含表情符号、控制字符、零宽字符、文字方向控制符或字库中没有的字符：这些字符无法打印，所在行不予导入；换行会改为空格",
				"公式不会计算，含公式的单元格不予导入；隐藏的工作表不导入，隐藏的行和列照常导入（导入时会提示）",
				"同一条登记再次导入不会重复：未导入的行连同原因写入「…-未导入.xlsx」，在原文件中改正后重新导入即可");
	}

	private static void writeInstructions(Sheet sheet, CellStyle bold) {
		Cell title = sheet.createRow(0).createCell(0);
		title.setCellValue("登记汇总表填写说明");
		title.setCellStyle(bold);
		CellStyle wrapped = sheet.getWorkbook().createCellStyle();
		wrapped.setWrapText(true);
		wrapped.setVerticalAlignment(VerticalAlignment.TOP);
		List<String> rules = instructions();
		for (int i = 0; i < rules.size(); i++) {
			String rule = "%d. %s".formatted(i + 1, rules.get(i));
			Row row = sheet.createRow(i + 1);
			Cell cell = row.createCell(0);
			cell.setCellValue(rule);
			cell.setCellStyle(wrapped);
			// spreadsheets do not grow a row for wrapped text written by a program: as
			// many
			// lines as the text needs, a Chinese character two columns wide
			int columns = rule.codePoints().map((c) -> (c < 0x2E80) ? 1 : 2).sum();
			row.setHeightInPoints(16 * (1 + (columns - 1) / (INSTRUCTION_COLUMNS - 8)));
		}
		sheet.setColumnWidth(0, INSTRUCTION_COLUMNS * 256);
		// printed on one page's width
		sheet.setAutobreaks(true);
		sheet.setFitToPage(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 0);
	}

	/** The instruction column's width, in characters of the default font. */
	private static final int INSTRUCTION_COLUMNS = 80;

	/**
	 * Lays out a summary-table sheet: the title, the credit code in B2, a one-line note
	 * in D2 and the headings in row 3, so that the template and every exported table read
	 * back alike.
	 */
	static void layOut(Sheet sheet, CellStyle bold, String title, String creditCode, String note) {
		Cell titleCell = sheet.createRow(0).createCell(0);
		titleCell.setCellValue(title);
		titleCell.setCellStyle(bold);
		Row code = sheet.createRow(CREDIT_CODE_ROW);
		code.createCell(0).setCellValue("报送单位统一社会信用代码");
		code.createCell(1).setCellValue(creditCode);
		code.createCell(3).setCellValue(note);
		Row headings = sheet.createRow(HEADING_ROW);
		for (SummaryTableColumn column : SummaryTableColumn.values()) {
			Cell cell = headings.createCell(column.index());
			cell.setCellValue(column.heading());
			cell.setCellStyle(bold);
			sheet.setColumnWidth(column.index(), column.width() * 256);
		}
	}

	/**
	 * Writes a row of the table, each field in its column: text kept text (see
	 * {@link #neutralised(String)}), 学时 as a number so that a spreadsheet adds it up.
	 */
	static void writeRow(Row row, SummaryTableRow values) {
		for (SummaryTableColumn column : SummaryTableColumn.values()) {
			String value = values.get(column);
			if (column == SummaryTableColumn.HOURS && value != null && !value.isEmpty()) {
				row.createCell(column.index()).setCellValue(Double.parseDouble(value));
			}
			else {
				row.createCell(column.index()).setCellValue(neutralised(value));
			}
		}
	}

	public static CellStyle bold(Workbook workbook) {
		CellStyle bold = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		bold.setFont(font);
		return bold;
	}

	/**
	 * Writes the rows that were not imported, each with its values as read and the
	 * reasons, in Chinese, in a last column. Values that a spreadsheet would run as a
	 * formula are written as text with a leading apostrophe.
	 */
	public static void writeErrors(List<ImportReport.RejectedRow> rejected, OutputStream out) throws IOException {
		// streamed: a file of 100,000 refused rows is written in constant memory
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			Sheet sheet = workbook.createSheet("未导入的行");
			Row headings = sheet.createRow(0);
			headings.createCell(0).setCellValue("原行号");
			for (int i = 0; i < HEADINGS.size(); i++) {
				headings.createCell(i + 1).setCellValue(HEADINGS.get(i));
			}
			headings.createCell(HEADINGS.size() + 1).setCellValue("未导入原因");
			int index = 1;
			for (ImportReport.RejectedRow row : rejected) {
				Row out2 = sheet.createRow(index++);
				out2.createCell(0).setCellValue(row.rowNumber());
				for (int i = 0; i < row.values().size() && i < HEADINGS.size(); i++) {
					out2.createCell(i + 1).setCellValue(cellText(neutralised(row.values().get(i))));
				}
				out2.createCell(HEADINGS.size() + 1).setCellValue(cellText(String.join("；", row.reasons())));
			}
			sheet.setColumnWidth(HEADINGS.size() + 1, 80 * 256);
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	/** Excel's limit for the text of one cell. */
	static final int MAX_CELL_TEXT = 32_767;

	/**
	 * Text as a cell can hold it: a value longer than Excel's limit (it was refused for
	 * its length) is cut, and says so.
	 */
	public static String cellText(String value) {
		if (value.length() <= MAX_CELL_TEXT) {
			return value;
		}
		String note = "…（原文共 %d 字，已截断）".formatted(value.length());
		int end = MAX_CELL_TEXT - note.length();
		if (Character.isHighSurrogate(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(0, end) + note;
	}

	/**
	 * A value starting with = + - @ would be a formula in a spreadsheet: keep it text.
	 */
	public static String neutralised(String value) {
		if (value != null && !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
			return "'" + value;
		}
		return (value != null) ? value : "";
	}

}
