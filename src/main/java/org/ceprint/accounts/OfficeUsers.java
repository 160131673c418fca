package org.ceprint.accounts;

import java.util.List;

import org.ceprint.InvalidRequestException;
import org.ceprint.accounts.internal.AccountAudit;
import org.ceprint.accounts.internal.AccountAudit.Action;
import org.ceprint.registry.RegistryDependents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/**
 * The office_user table. Accounts are opened and changed through {@link OfficeAccounts},
 * which checks and audits; {@link #create} is for the demo accounts and tests.
 */
@Repository
public class OfficeUsers implements UserDetailsService, RegistryDependents {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final AccountAudit audit;

	OfficeUsers(JdbcClient jdbc, PasswordEncoder passwords, AccountAudit audit) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.audit = audit;
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

	public boolean exists(String username) {
		return this.jdbc.sql("SELECT COUNT(*) FROM office_user WHERE username = :username")
			.param("username", username)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Creates an HRSS office account; the password is stored hashed. Not checked against
	 * the password policy: for the demo accounts and tests; offices use
	 * {@link OfficeAccounts#add}.
	 */
	public void create(String username, String password, String displayName, OfficeRole role, String officeChannel) {
		create(username, password, displayName, role, officeChannel, null, null);
	}

	/**
	 * Creates an account; the password is stored hashed, and need not be changed at the
	 * first sign-in. Registrars need their organisation, reviewers their department. Not
	 * checked against the password policy: for the documented demo accounts and tests;
	 * offices use {@link OfficeAccounts#add}. Audited as done by {@code demo}.
	 */
	public void create(String username, String password, String displayName, OfficeRole role, String officeChannel,
			Long organisationId, Long departmentId) {
		if ((role == OfficeRole.UNIT_REGISTRAR || role == OfficeRole.BASE_REGISTRAR) && organisationId == null) {
			throw new InvalidRequestException("账号 " + username + "：登记员须指定所属单位或基地（organisation_id）");
		}
		if (role == OfficeRole.DEPT_REVIEWER && departmentId == null) {
			throw new InvalidRequestException("账号 " + username + "：审核员须指定所属主管部门（department_id）");
		}
		insert(username, password, displayName, role, officeChannel, organisationId, departmentId, false);
		this.audit.record("demo", Action.CREATE, username, scope(role, officeChannel, organisationId, departmentId));
	}

	void insert(String username, String password, String displayName, OfficeRole role, String officeChannel,
			Long organisationId, Long departmentId, boolean mustChangePassword) {
		this.jdbc.sql("""
				INSERT INTO office_user (username, password_hash, display_name, role, office_channel, enabled,
				                         organisation_id, department_id, must_change_password)
				VALUES (:username, :hash, :name, :role, :office, TRUE, :organisation, :department, :mustChange)
				""")
			.param("organisation", organisationId)
			.param("department", departmentId)
			.param("username", username)
			.param("hash", this.passwords.encode(password))
			.param("name", displayName)
			.param("role", role.name())
			.param("office", officeChannel)
			.param("mustChange", mustChangePassword)
			.update();
	}

	/** Whether the account still has the first password an office gave it. */
	/**
	 * Whether a signed-in session's account is still what it signed in as: enabled, with
	 * the same role and scope. A disabled or re-roled account's sessions end at their
	 * next request. (Accounts are never deleted; a name the table does not hold, as a
	 * test's made-up principal, has nothing that changed.)
	 */
	public boolean stillAsSignedIn(OfficeUser session) {
		return this.jdbc.sql("""
				SELECT enabled, role, office_channel, organisation_id, department_id FROM office_user
				WHERE username = :username
				""")
			.param("username", session.username())
			.query((rs, row) -> rs.getBoolean(1) && session.role().name().equals(rs.getString(2))
					&& session.officeChannel().equals(rs.getString(3))
					&& java.util.Objects.equals(session.organisationId(), rs.getObject(4, Long.class))
					&& java.util.Objects.equals(session.departmentId(), rs.getObject(5, Long.class)))
			.optional()
			.orElse(true);
	}

	public boolean mustChangePassword(String username) {
		return this.jdbc.sql("SELECT must_change_password FROM office_user WHERE username = :username")
			.param("username", username)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** The accounts of one office, or of all when {@code officeChannel} is null. */
	public List<OfficeAccount> list(String officeChannel) {
		return this.jdbc.sql("""
				SELECT username, display_name, role, office_channel, enabled, must_change_password, organisation_id,
				       department_id
				FROM office_user WHERE :office IS NULL OR office_channel = :office ORDER BY office_channel, username
				""")
			.param("office", officeChannel)
			.query((rs, row) -> new OfficeAccount(rs.getString(1), rs.getString(2), OfficeRole.valueOf(rs.getString(3)),
					rs.getString(4), rs.getBoolean(5), rs.getBoolean(6), rs.getObject(7, Long.class),
					rs.getObject(8, Long.class)))
			.list();
	}

	long enabledAdmins() {
		return this.jdbc.sql("SELECT COUNT(*) FROM office_user WHERE role = :admin AND enabled = TRUE")
			.param("admin", OfficeRole.ADMIN.name())
			.query(Long.class)
			.single();
	}

	void setEnabled(String username, boolean enabled) {
		this.jdbc.sql("UPDATE office_user SET enabled = :enabled WHERE username = :username")
			.param("enabled", enabled)
			.param("username", username)
			.update();
	}

	void setRole(String username, OfficeRole role, String officeChannel, Long organisationId, Long departmentId) {
		this.jdbc.sql("""
				UPDATE office_user SET role = :role, office_channel = :office, organisation_id = :organisation,
				                       department_id = :department
				WHERE username = :username
				""")
			.param("role", role.name())
			.param("office", officeChannel)
			.param("organisation", organisationId)
			.param("department", departmentId)
			.param("username", username)
			.update();
	}

	void setPassword(String username, String password) {
		this.jdbc.sql(
				"UPDATE office_user SET password_hash = :hash, must_change_password = FALSE WHERE username = :username")
			.param("hash", this.passwords.encode(password))
			.param("username", username)
			.update();
	}

	boolean matches(String password, String hash) {
		return this.passwords.matches(password, hash);
	}

	/** The role and scope of an account for the audit: never a password. */
	static String scope(OfficeRole role, String officeChannel, Long organisationId, Long departmentId) {
		return role.name() + " " + officeChannel + ((organisationId != null) ? " organisation=" + organisationId : "")
				+ ((departmentId != null) ? " department=" + departmentId : "");
	}

	/** Registrars and reviewers go with the organisations they act for. */
	@Override
	public void beforeRegistryCleared() {
		this.jdbc.sql("DELETE FROM office_user WHERE role IN (:roles)")
			.param("roles",
					List.of(OfficeRole.UNIT_REGISTRAR.name(), OfficeRole.BASE_REGISTRAR.name(),
							OfficeRole.DEPT_REVIEWER.name()))
			.update();
		this.jdbc.sql("UPDATE office_user SET organisation_id = NULL, department_id = NULL").update();
	}

	public long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM office_user").query(Long.class).single();
	}

}
