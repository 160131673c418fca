package org.ceprint.accounts;

/**
 * What an office account may do, always within its own office.
 */
public enum OfficeRole {

	/** 窗口经办人: looks people up, reissues and prints certificates. */
	CLERK("窗口经办人"),

	/** 科室负责人: everything a clerk may do, and the audit log with its Excel export. */
	SUPERVISOR("科室负责人");

	private final String label;

	OfficeRole(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
