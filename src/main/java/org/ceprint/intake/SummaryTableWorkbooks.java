package org.ceprint.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ceprint.hours.CreditItem;
import org.ceprint.registry.FieldLengths;

/**
 * The layout of the summary-table workbook (登记汇总表, 第十二条) that units and bases fill in:
 * the title, the submitting body's credit code in B2, the headings in row 3 and one entry
 * a row from row 4.
 */
public final class SummaryTableWorkbooks {

	static final String SHEET = "登记汇总表";

	static final int CREDIT_CODE_ROW = 1;

	static final int HEADING_ROW = 2;

	static final List<String> HEADINGS = List.of("姓名", "身份证件号码", "项目名称", "学习内容", "学习形式", "科目类别", "开始日期", "结束日期", "学时",
			"考试考核成绩", "继续教育成果", "折算项目");

	/**
	 * Optional: the item of the hours-crediting standard the row claims; with 学时 blank,
	 * the standard credits the hours.
	 */
	static final int CREDIT_ITEM_COLUMN = 11;

	/** 考试考核成绩, 继续教育成果 and 折算项目 may be blank, or left out of an older template. */
	static final int FIRST_OPTIONAL_COLUMN = 9;

	private SummaryTableWorkbooks() {
	}

	/** Writes the empty template a unit or base fills in. */
	public static void writeTemplate(OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet(SHEET);
			layOut(sheet, bold(workbook), "专业技术人员继续教育情况登记汇总表", "");
			// ID numbers and codes typed into a number cell lose their last digits
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			sheet.setDefaultColumnStyle(1, text);
			sheet.getRow(CREDIT_CODE_ROW).getCell(1).setCellStyle(text);
			workbook.write(out);
		}
	}

	/**
	 * Lays out a summary-table sheet: the title, the credit code in B2 and the headings
	 * in row 3, so that the template and every exported table read back alike.
	 */
	static void layOut(Sheet sheet, CellStyle bold, String title, String creditCode) {
		Cell titleCell = sheet.createRow(0).createCell(0);
		titleCell.setCellValue(title);
		titleCell.setCellStyle(bold);
		Row code = sheet.createRow(CREDIT_CODE_ROW);
		code.createCell(0).setCellValue("报送单位统一社会信用代码");
		code.createCell(1).setCellValue(creditCode);
		code.createCell(3)
			.setCellValue("学习形式：面授培训、学术会议、资格考试、进修、自学、学历学位教育、远程教育、业绩成果折算；科目类别：公需科目或专业科目；日期如 2024-03-05；"
					+ "折算项目（可不填；填写且学时空白时按学时登记标准折算）：" + CreditItem.labels()
					+ "；项目名称不超过 %d 字，学习内容不超过 %d 字，考试考核成绩不超过 %d 字，继续教育成果不超过 %d 字；身份证件号码列须为文本格式；不能含表情符号、控制字符等无法打印的字符"
						.formatted(FieldLengths.PROJECT_NAME, FieldLengths.CONTENT, FieldLengths.RESULT,
								FieldLengths.OUTCOME));
		Row headings = sheet.createRow(HEADING_ROW);
		for (int i = 0; i < HEADINGS.size(); i++) {
			Cell cell = headings.createCell(i);
			cell.setCellValue(HEADINGS.get(i));
			cell.setCellStyle(bold);
			sheet.setColumnWidth(i, ((i == 2 || i == 3) ? 28 : 14) * 256);
		}
		sheet.setColumnWidth(1, 22 * 256);
	}

	static CellStyle bold(Workbook workbook) {
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
	static void writeErrors(List<ImportReport.RejectedRow> rejected, OutputStream out) throws IOException {
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
	static String cellText(String value) {
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
	static String neutralised(String value) {
		if (value != null && !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
			return "'" + value;
		}
		return (value != null) ? value : "";
	}

}
