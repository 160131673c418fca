package org.ceprint.intake.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of the summary table (登记汇总表, 第九、十二条) in their order, A to L: the one
 * definition of the layout that the template, the exports, the error workbook and the
 * import all follow. A column's heading is also the field's name in every message about
 * it.
 */
public enum SummaryTableColumn {

	NAME("姓名", 14), ID_NUMBER("身份证件号码", 22), PROJECT("项目名称", 28), CONTENT("学习内容", 28), FORM("学习形式", 14),
	SUBJECT("科目类别", 14), START_DATE("开始日期", 14), END_DATE("结束日期", 14), HOURS("学时", 14),

	/** Optional from here on: may be blank, or left out of an older template. */
	RESULT("考试考核成绩", 14), OUTCOME("继续教育成果", 14),

	/**
	 * The item of the hours-crediting standard the row claims; with 学时 blank, the
	 * standard credits the hours.
	 */
	CREDIT_ITEM("折算项目", 14);

	public static final SummaryTableColumn FIRST_OPTIONAL = RESULT;

	private static final List<String> HEADINGS = Arrays.stream(values()).map(SummaryTableColumn::heading).toList();

	private final String heading;

	private final int width;

	SummaryTableColumn(String heading, int width) {
		this.heading = heading;
		this.width = width;
	}

	public String heading() {
		return this.heading;
	}

	/** In characters of the default font, as a spreadsheet counts a column's width. */
	public int width() {
		return this.width;
	}

	/** From 0, as POI counts columns. */
	public int index() {
		return ordinal();
	}

	boolean optional() {
		return ordinal() >= FIRST_OPTIONAL.ordinal();
	}

	public static List<String> headings() {
		return HEADINGS;
	}

	static int count() {
		return HEADINGS.size();
	}

}
