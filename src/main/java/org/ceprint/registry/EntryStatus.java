package org.ceprint.registry;

/**
 * Where a registration entry stands in verification by the HRSS office (第十一至十三条).
 */
public enum EntryStatus {

	PENDING("待验证"), VERIFIED("已验证"), REJECTED("未通过验证");

	private final String label;

	EntryStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
