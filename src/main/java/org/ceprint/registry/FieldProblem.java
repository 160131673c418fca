package org.ceprint.registry;

/**
 * One invalid value, named so that an office clerk can find and fix it: which record,
 * which field, what value, and why it is wrong, in Chinese.
 *
 * @param record the record, e.g. {@code 人员「张三」} or {@code 第 12 行}
 * @param field the field's Chinese label, e.g. {@code 身份证件号码}
 */
public record FieldProblem(String record, String field, String value, String reason) {

	public String message() {
		String shown = (this.value == null || this.value.isEmpty()) ? "（空）" : this.value;
		return "%s的「%s」(%s)：%s".formatted(this.record, this.field, shown, this.reason);
	}

}
