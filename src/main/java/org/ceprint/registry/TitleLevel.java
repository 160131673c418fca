package org.ceprint.registry;

/**
 * Level of a professional title; 未定级 is assessed as junior by default (docs/domain.md).
 */
public enum TitleLevel {

	SENIOR("高级"), INTERMEDIATE("中级"), JUNIOR("初级"), UNRATED("未定级");

	private final String label;

	TitleLevel(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
