package org.ceprint.accounts;

/**
 * An account as the administrators see it: never its password hash.
 */
public record OfficeAccount(String username, String displayName, OfficeRole role, String officeChannel, boolean enabled,
		boolean mustChangePassword, Long organisationId, Long departmentId) {

	/** 启用 or 停用, and whether the first password still waits to be changed. */
	public String status() {
		return (this.enabled ? "启用" : "停用") + (this.mustChangePassword ? "（待修改初始密码）" : "");
	}

}
