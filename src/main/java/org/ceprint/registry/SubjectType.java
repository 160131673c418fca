package org.ceprint.registry;

/**
 * 公需科目 or 专业科目 (第四条).
 */
public enum SubjectType {

	PUBLIC("公需科目"), PROFESSIONAL("专业科目");

	private final String label;

	SubjectType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
