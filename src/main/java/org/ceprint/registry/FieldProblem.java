package org.ceprint.registry;

/**
 * One invalid value, named so that an office clerk can find and fix it: which record,
 * which field, what value, and why it is wrong, in Chinese.
 *
 * @param record the record, e.g. {@code 人员「张三」} or {@code 第 12 行}
 * @param field the field's Chinese label, e.g. {@code 身份证件号码}
 */
public record FieldProblem(String record, String field, String value, String reason) {

	/** Values are shown up to this many characters. */
	static final int SHOWN_LENGTH = 40;

	public String message() {
		String shown = (this.value == null || this.value.isEmpty()) ? "（空）" : visible(this.value);
		return "%s的「%s」(%s)：%s".formatted(this.record, this.field, shown, this.reason);
	}

	/**
	 * The value as a message may show it: characters that would not show or would garble
	 * the message (controls, zero-width, direction overrides) written as ⟨U+XXXX⟩, and a
	 * long value cut with its length given.
	 */
	public static String visible(String value) {
		StringBuilder shown = new StringBuilder();
		int[] codePoints = value.codePoints().toArray();
		for (int i = 0; i < codePoints.length && i < SHOWN_LENGTH; i++) {
			int c = codePoints[i];
			int type = Character.getType(c);
			if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
					|| type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR) {
				shown.append("⟨U+%04X⟩".formatted(c));
			}
			else {
				shown.appendCodePoint(c);
			}
		}
		if (codePoints.length > SHOWN_LENGTH) {
			shown.append("…（共 %d 字）".formatted(codePoints.length));
		}
		return shown.toString();
	}

}
