package org.ceprint.registry;

/**
 * Sex as recorded in the registry ({@code M}/{@code F}) and printed
 * ({@code 男}/{@code 女}).
 */
public enum Sex {

	M("男"), F("女");

	private final String label;

	Sex(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
