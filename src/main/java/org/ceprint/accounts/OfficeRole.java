package org.ceprint.accounts;

/**
 * What an account may do, always within its own office, organisation or department.
 */
public enum OfficeRole {

	/** 窗口经办人: looks people up, reissues and prints certificates. */
	CLERK("窗口经办人"),

	/** 科室负责人: everything a clerk may do, and the audit log with its Excel export. */
	SUPERVISOR("科室负责人"),

	/** 所在单位登记员: registers and submits a unit's entries (第十条). */
	UNIT_REGISTRAR("单位登记员"),

	/** 继续教育基地登记员: registers and submits a base's own courses straight to the office. */
	BASE_REGISTRAR("基地登记员"),

	/** 主管部门审核员: reviews the submissions of the units under its department (第十一条). */
	DEPT_REVIEWER("主管部门审核员"),

	/**
	 * 省级管理员: opens, disables and re-roles the other accounts; of the provincial office
	 * (360000) only, and sees no registry data by this role.
	 */
	ADMIN("省级管理员");

	/** The office of the administrators. */
	public static final String PROVINCE = "360000";

	private final String label;

	OfficeRole(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Registrars act for their unit or base and need it named. */
	public boolean needsOrganisation() {
		return this == UNIT_REGISTRAR || this == BASE_REGISTRAR;
	}

	/** An HRSS office's own staff: they work the counter and verify submissions. */
	public boolean hrssOffice() {
		return this == CLERK || this == SUPERVISOR;
	}

}
