package org.ceprint.accounts;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After demo data is generated, the accounts to try the submission workflow in 南昌: the
 * registrar of the unit with the most pending entries, its department's reviewer, and the
 * registrar of the busiest base. The HRSS side is the demo account {@code nanchang}.
 * Never in the mariadb profile.
 */
@Component
public class DemoWorkflowAccounts {

	private final JdbcClient jdbc;

	private final OfficeUsers users;

	private final boolean enabled;

	DemoWorkflowAccounts(JdbcClient jdbc, OfficeUsers users,
			@Value("${ceprint.accounts.demo-accounts:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.users = users;
		this.enabled = enabled;
	}

	/**
	 * Creates the accounts that do not exist yet; returns a line for each, for the
	 * console.
	 */
	public List<String> create() {
		List<String> lines = new ArrayList<>();
		if (!this.enabled) {
			return lines;
		}
		busiest("UNIT").ifPresent((unit) -> {
			add(lines, "unit-demo", "demo-unit", "单位登记员", OfficeRole.UNIT_REGISTRAR, unit.id(), null, unit.name());
			if (unit.departmentId() != null) {
				add(lines, "dept-demo", "demo-dept", "主管部门审核员", OfficeRole.DEPT_REVIEWER, null, unit.departmentId(),
						unit.name() + " 的主管部门");
			}
		});
		busiest("BASE").ifPresent((base) -> add(lines, "base-demo", "demo-base", "基地登记员", OfficeRole.BASE_REGISTRAR,
				base.id(), null, base.name()));
		return lines;
	}

	private record Body(long id, String name, Long departmentId) {
	}

	private java.util.Optional<Body> busiest(String kind) {
		return this.jdbc.sql("""
				SELECT o.id, o.name, o.department_id FROM organisation o
				JOIN registration_entry e ON e.registered_by_id = o.id
				WHERE o.kind = :kind AND o.channel_code = '360100' AND e.status = 'PENDING'
				GROUP BY o.id, o.name, o.department_id ORDER BY COUNT(*) DESC, o.id
				""")
			.param("kind", kind)
			.query((rs, row) -> new Body(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class)))
			.list()
			.stream()
			.findFirst();
	}

	private void add(List<String> lines, String username, String password, String name, OfficeRole role,
			Long organisationId, Long departmentId, String scope) {
		boolean exists = this.jdbc.sql("SELECT COUNT(*) FROM office_user WHERE username = :u")
			.param("u", username)
			.query(Integer.class)
			.single() > 0;
		if (!exists) {
			this.users.create(username, password, name, role, "360100", organisationId, departmentId);
		}
		lines.add("%s / %s　%s（%s）".formatted(username, password, role.label(), scope));
	}

}
