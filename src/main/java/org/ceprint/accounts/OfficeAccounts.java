package org.ceprint.accounts;

import java.util.List;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.NotFoundException;
import org.ceprint.accounts.internal.AccountAudit;
import org.ceprint.accounts.internal.AccountAudit.Action;
import org.ceprint.accounts.internal.PasswordPolicy;
import org.ceprint.registry.Channels;
import org.ceprint.registry.Checked;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening and changing accounts, by the command line and the administrators' page: each
 * change is checked, refused with a Chinese reason naming the account
 * ({@link InvalidRequestException}, {@link ConflictException}, {@link NotFoundException};
 * nothing is stored then), and written to the account audit with its actor. Passwords
 * must meet the {@link PasswordPolicy}; a first password given by an office must be
 * changed at the first sign-in.
 */
@Service
@Transactional
public class OfficeAccounts {

	private final OfficeUsers users;

	private final Channels channels;

	private final AccountAudit audit;

	OfficeAccounts(OfficeUsers users, Channels channels, AccountAudit audit) {
		this.users = users;
		this.channels = channels;
		this.audit = audit;
	}

	/**
	 * Opens an account with the first password the office gives its holder, who must
	 * change it at the first sign-in.
	 */
	public void add(String actor, String username, String password, String displayName, OfficeRole role,
			String officeChannel, Long organisationId, Long departmentId) {
		checkName(username);
		String office = checkScope(username, role, officeChannel, organisationId, departmentId);
		checkPassword(username, password);
		if (this.users.exists(username)) {
			throw new ConflictException("账号 " + username + " 已存在");
		}
		insert(username, password, displayName, role, office, organisationId, departmentId, true);
		this.audit.record(actor, Action.CREATE, username,
				OfficeUsers.scope(role, office, organisationId, departmentId));
	}

	/**
	 * Opens the first provincial administrator, at installation: only while there is no
	 * enabled one; further administrators are opened with {@link #add}. Its holder chose
	 * the password, so it need not be changed.
	 */
	public void createAdmin(String actor, String username, String password, String displayName) {
		checkName(username);
		if (this.users.enabledAdmins() > 0) {
			throw new ConflictException("账号 " + username + " 未开设：已有启用的省级管理员；再开设管理员请用 account add " + username
					+ " --role ADMIN --office " + OfficeRole.PROVINCE + "，或由管理员在「账号管理」页面开设");
		}
		checkPassword(username, password);
		if (this.users.exists(username)) {
			throw new ConflictException("账号 " + username + " 已存在");
		}
		insert(username, password, displayName, OfficeRole.ADMIN, OfficeRole.PROVINCE, null, null, false);
		this.audit.record(actor, Action.CREATE_ADMIN, username,
				OfficeUsers.scope(OfficeRole.ADMIN, OfficeRole.PROVINCE, null, null));
	}

	public void disable(String actor, String username) {
		OfficeUser account = find(username);
		if (!account.enabled()) {
			throw new ConflictException("账号 " + username + " 已是停用状态");
		}
		if (account.role() == OfficeRole.ADMIN && this.users.enabledAdmins() <= 1) {
			throw new ConflictException("账号 " + username + " 是唯一启用的省级管理员，不能停用：请先开设另一个管理员");
		}
		this.users.setEnabled(username, false);
		this.audit.record(actor, Action.DISABLE, username, null);
	}

	public void enable(String actor, String username) {
		if (find(username).enabled()) {
			throw new ConflictException("账号 " + username + " 已是启用状态");
		}
		this.users.setEnabled(username, true);
		this.audit.record(actor, Action.ENABLE, username, null);
	}

	/**
	 * Gives an account another role; a null office keeps its office. Registrars need
	 * their organisation, reviewers their department.
	 */
	public void changeRole(String actor, String username, OfficeRole role, String officeChannel, Long organisationId,
			Long departmentId) {
		OfficeUser account = find(username);
		String office = checkScope(username, role, (officeChannel != null) ? officeChannel : account.officeChannel(),
				organisationId, departmentId);
		if (account.role() == OfficeRole.ADMIN && role != OfficeRole.ADMIN && account.enabled()
				&& this.users.enabledAdmins() <= 1) {
			throw new ConflictException("账号 " + username + " 是唯一启用的省级管理员，不能改为其他角色：请先开设另一个管理员");
		}
		try {
			this.users.setRole(username, role, office, organisationId, departmentId);
		}
		catch (DataIntegrityViolationException ex) {
			throw new InvalidRequestException("账号 " + username + " 的角色未改：单位或部门编号不在登记库中", ex);
		}
		this.audit.record(actor, Action.ROLE, username,
				account.role().name() + " -> " + OfficeUsers.scope(role, office, organisationId, departmentId));
	}

	/**
	 * The holder changes their own password: the current one must be right, the new one
	 * must meet the policy and differ from it. Clears the demand to change it.
	 */
	public void changePassword(String username, String current, String newPassword) {
		OfficeUser user = find(username);
		if (current == null || !this.users.matches(current, user.passwordHash())) {
			throw new InvalidRequestException("账号 " + username + " 的当前密码不正确，密码未修改");
		}
		if (current.equals(newPassword)) {
			throw new InvalidRequestException("账号 " + username + " 的新密码不能与当前密码相同");
		}
		checkPassword(username, newPassword);
		this.users.setPassword(username, newPassword);
		this.audit.record(username, Action.PASSWORD, username, null);
	}

	@Transactional(readOnly = true)
	public List<OfficeAccount> list(String officeChannel) {
		return this.users.list(officeChannel);
	}

	private OfficeUser find(String username) {
		try {
			return this.users.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException ex) {
			throw new NotFoundException("账号 " + username + " 不存在");
		}
	}

	private void insert(String username, String password, String displayName, OfficeRole role, String office,
			Long organisationId, Long departmentId, boolean mustChange) {
		if (displayName == null || displayName.isBlank() || displayName.length() > 40) {
			throw new InvalidRequestException("账号 " + username + " 的显示名须为 1–40 个字符");
		}
		try {
			this.users.insert(username, password, displayName.strip(), role, office, organisationId, departmentId,
					mustChange);
		}
		catch (DataIntegrityViolationException ex) {
			throw new InvalidRequestException("账号 " + username + " 未能开设：发证机关代码、单位或部门编号不在登记库中", ex);
		}
	}

	private static void checkName(String username) {
		if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{2,39}")) {
			throw new InvalidRequestException("账号名须为 3–40 个小写字母、数字、点、下划线或连字符，以字母或数字开头，实为「%s」".formatted(username));
		}
	}

	private static void checkPassword(String username, String password) {
		List<String> problems = PasswordPolicy.problems(username, password);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException("账号 " + username + " 的密码不符合要求：" + String.join("；", problems));
		}
	}

	/** The office code, normalised, when the role fits it and its organisation. */
	private String checkScope(String username, OfficeRole role, String officeChannel, Long organisationId,
			Long departmentId) {
		Checked office = this.channels.check((officeChannel != null) ? officeChannel : "");
		if (!office.valid()) {
			throw new InvalidRequestException(
					"账号 %s 的发证机关代码「%s」%s".formatted(username, officeChannel, office.problem()));
		}
		if (role == OfficeRole.ADMIN
				&& (!office.value().equals(OfficeRole.PROVINCE) || organisationId != null || departmentId != null)) {
			throw new InvalidRequestException(
					"账号 " + username + "：省级管理员只属于省直发证机关 " + OfficeRole.PROVINCE + "，不属于单位或部门");
		}
		if (role.needsOrganisation() && organisationId == null) {
			throw new InvalidRequestException("账号 " + username + "：登记员须指定所属单位或基地（organisation_id）");
		}
		if (role == OfficeRole.DEPT_REVIEWER && departmentId == null) {
			throw new InvalidRequestException("账号 " + username + "：审核员须指定所属主管部门（department_id）");
		}
		return office.value();
	}

}
