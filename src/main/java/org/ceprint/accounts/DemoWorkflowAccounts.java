package org.ceprint.accounts;

import java.util.ArrayList;
import java.util.List;

import org.ceprint.accounts.internal.DemoAccounts;
import org.ceprint.registry.BusiestRegistrars;
import org.ceprint.registry.Organisation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * After demo data is generated, the accounts to try the submission workflow in 南昌: the
 * registrar of the unit with the most pending entries, its department's reviewer, and the
 * registrar of the busiest base; and the offices' demo accounts, which the console lists
 * beside them. The HRSS side is the demo account {@code nanchang}. Never in the mariadb
 * profile.
 */
@Component
public class DemoWorkflowAccounts {

	private static final String NANCHANG = "360100";

	private final BusiestRegistrars registrars;

	private final OfficeUsers users;

	private final DemoAccounts offices;

	private final boolean enabled;

	DemoWorkflowAccounts(BusiestRegistrars registrars, OfficeUsers users, DemoAccounts offices,
			@Value("${ceprint.accounts.demo-accounts:true}") boolean enabled) {
		this.registrars = registrars;
		this.users = users;
		this.offices = offices;
		this.enabled = enabled;
	}

	/**
	 * Creates the accounts that do not exist yet, the offices' demo accounts and the
	 * administrator included; returns a line for each, for the console.
	 */
	public List<String> create() {
		List<String> lines = new ArrayList<>();
		if (!this.enabled) {
			return lines;
		}
		this.offices.ensure();
		lines.addAll(DemoAccounts.lines());
		this.registrars.withMostPendingEntries(Organisation.Kind.UNIT, NANCHANG).ifPresent((unit) -> {
			add(lines, "unit-demo", "demo-unit", "单位登记员", OfficeRole.UNIT_REGISTRAR, unit.id(), null, unit.name());
			if (unit.departmentId() != null) {
				add(lines, "dept-demo", "demo-dept", "主管部门审核员", OfficeRole.DEPT_REVIEWER, null, unit.departmentId(),
						unit.name() + " 的主管部门");
			}
		});
		this.registrars.withMostPendingEntries(Organisation.Kind.BASE, NANCHANG)
			.ifPresent((base) -> add(lines, "base-demo", "demo-base", "基地登记员", OfficeRole.BASE_REGISTRAR, base.id(),
					null, base.name()));
		return lines;
	}

	private void add(List<String> lines, String username, String password, String name, OfficeRole role,
			Long organisationId, Long departmentId, String scope) {
		if (!this.users.exists(username)) {
			this.users.create(username, password, name, role, NANCHANG, organisationId, departmentId);
		}
		lines.add("%s / %s　%s（%s）".formatted(username, password, role.label(), scope));
	}

}
