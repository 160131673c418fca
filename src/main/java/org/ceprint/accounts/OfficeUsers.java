package org.ceprint.accounts;

import java.util.List;

import org.ceprint.accounts.internal.PasswordPolicy;
import org.ceprint.registry.Channels;
import org.ceprint.registry.Checked;
import org.ceprint.registry.RegistryDependents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/**
 * The office_user table.
 */
@Repository
public class OfficeUsers implements UserDetailsService, RegistryDependents {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Channels channels;

	OfficeUsers(JdbcClient jdbc, PasswordEncoder passwords, Channels channels) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.channels = channels;
	}

	@Override
	public OfficeUser loadUserByUsername(String username) {
		return this.jdbc.sql("""
				SELECT username, password_hash, display_name, role, office_channel, enabled, organisation_id,
				       department_id
				FROM office_user WHERE username = :username
				""")
			.param("username", username)
			.query((rs, row) -> new OfficeUser(rs.getString(1), rs.getString(2), rs.getString(3),
					OfficeRole.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6), rs.getObject(7, Long.class),
					rs.getObject(8, Long.class)))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	/**
	 * Creates an account an office asked for (the {@code account add} command): the
	 * password must meet the {@link PasswordPolicy}, the name must be new.
	 * @throws IllegalArgumentException with every reason, in Chinese, when it cannot be
	 * created; nothing is stored then
	 */
	public void add(String username, String password, String displayName, OfficeRole role, String officeChannel,
			Long organisationId, Long departmentId) {
		if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{2,39}")) {
			throw new IllegalArgumentException("账号名须为 3–40 个小写字母、数字、点、下划线或连字符，以字母或数字开头，实为「%s」".formatted(username));
		}
		Checked office = this.channels.check((officeChannel != null) ? officeChannel : "");
		if (!office.valid()) {
			throw new IllegalArgumentException(
					"账号 %s 的发证机关代码「%s」%s".formatted(username, officeChannel, office.problem()));
		}
		List<String> problems = PasswordPolicy.problems(username, password);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("账号 " + username + " 的密码不符合要求：" + String.join("；", problems));
		}
		if (exists(username)) {
			throw new IllegalArgumentException("账号 " + username + " 已存在");
		}
		create(username, password, displayName, role, office.value(), organisationId, departmentId);
	}

	public boolean exists(String username) {
		return this.jdbc.sql("SELECT COUNT(*) FROM office_user WHERE username = :username")
			.param("username", username)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Creates an HRSS office account; the password is stored hashed. Not checked against
	 * the password policy: for the demo accounts and tests; offices use {@link #add}.
	 */
	public void create(String username, String password, String displayName, OfficeRole role, String officeChannel) {
		create(username, password, displayName, role, officeChannel, null, null);
	}

	/**
	 * Creates an account; the password is stored hashed. Registrars need their
	 * organisation, reviewers their department. Not checked against the password policy:
	 * offices use {@link #add}.
	 */
	public void create(String username, String password, String displayName, OfficeRole role, String officeChannel,
			Long organisationId, Long departmentId) {
		if ((role == OfficeRole.UNIT_REGISTRAR || role == OfficeRole.BASE_REGISTRAR) && organisationId == null) {
			throw new IllegalArgumentException("账号 " + username + "：登记员须指定所属单位或基地（organisation_id）");
		}
		if (role == OfficeRole.DEPT_REVIEWER && departmentId == null) {
			throw new IllegalArgumentException("账号 " + username + "：审核员须指定所属主管部门（department_id）");
		}
		this.jdbc.sql("""
				INSERT INTO office_user (username, password_hash, display_name, role, office_channel, enabled,
				                         organisation_id, department_id)
				VALUES (:username, :hash, :name, :role, :office, TRUE, :organisation, :department)
				""")
			.param("organisation", organisationId)
			.param("department", departmentId)
			.param("username", username)
			.param("hash", this.passwords.encode(password))
			.param("name", displayName)
			.param("role", role.name())
			.param("office", officeChannel)
			.update();
	}

	/** Registrars and reviewers go with the organisations they act for. */
	@Override
	public void beforeRegistryCleared() {
		this.jdbc.sql("DELETE FROM office_user WHERE role IN ('UNIT_REGISTRAR', 'BASE_REGISTRAR', 'DEPT_REVIEWER')")
			.update();
		this.jdbc.sql("UPDATE office_user SET organisation_id = NULL, department_id = NULL").update();
	}

	public long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM office_user").query(Long.class).single();
	}

}
