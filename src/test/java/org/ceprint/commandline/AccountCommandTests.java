package org.ceprint.commandline;

import java.io.BufferedReader;
import java.io.StringReader;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.ceprint.accounts.OfficeAccounts;
import org.ceprint.accounts.OfficeUsers;
import org.ceprint.commandline.internal.AccountCommand;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code account}: an office opens an account only with a password the policy accepts,
 * the first administrator is opened once and never with a default password, accounts are
 * disabled, enabled and re-roled; every refusal says why, names the account and stores
 * nothing, and every change is in the account audit with its actor.
 */
@SpringBootTest(properties = "ceprint.accounts.demo-accounts=false")
@ExtendWith(OutputCaptureExtension.class)
class AccountCommandTests {

	static final String GOOD = "赣江春水向东流 2026";

	@Autowired
	OfficeAccounts accounts;

	@Autowired
	OfficeUsers users;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void noTestAccounts() {
		this.jdbc.sql("DELETE FROM office_user WHERE username LIKE 'cmd-%' OR role = 'ADMIN'").update();
		this.jdbc.sql("DELETE FROM account_audit").update();
	}

	@Test
	void opensAnAccountWithAGoodPasswordThatMustBeChangedAtFirstSignIn(CapturedOutput output) throws Exception {
		assertThat(add("cmd-nanchang", "CLERK", "360100", GOOD)).isZero();
		assertThat(output.getOut()).contains("已开设账号 cmd-nanchang（窗口经办人，360100）");
		String hash = this.jdbc.sql("SELECT password_hash FROM office_user WHERE username = 'cmd-nanchang'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain("赣江");
		assertThat(output.getAll()).doesNotContain("赣江春水");
		assertThat(this.users.mustChangePassword("cmd-nanchang")).isTrue();
		assertThat(audit("cmd-nanchang")).containsExactly("CREATE cli:tester CLERK 360100");
		// without --by, the operating system's user
		AccountCommand.Disable disable = new AccountCommand.Disable(this.accounts);
		disable.username = "cmd-nanchang";
		assertThat(disable.call()).isZero();
		assertThat(audit("cmd-nanchang")).last().isEqualTo("DISABLE cli:" + System.getProperty("user.name") + " null");
	}

	@Test
	void refusesWeakPasswordsBadNamesRolesAndOfficesAndStoresNothing(CapturedOutput output) throws Exception {
		assertThat(add("cmd-short", "CLERK", "360100", "short-pw")).isEqualTo(2);
		assertThat(add("cmd-jiujiang", "CLERK", "360400", "cmd-jiujiang-2026")).isEqualTo(2);
		assertThat(add("cmd-common", "CLERK", "360100", "Password2026!")).isEqualTo(2);
		assertThat(add("Cmd Upper", "CLERK", "360100", GOOD)).isEqualTo(2);
		assertThat(add("cmd-role", "ROOT", "360100", GOOD)).isEqualTo(2);
		assertThat(add("cmd-office", "CLERK", "999999", GOOD)).isEqualTo(2);
		assertThat(add("cmd-registrar", "UNIT_REGISTRAR", "360100", GOOD)).isEqualTo(2);
		assertThat(add("cmd-admin", "ADMIN", "360100", GOOD)).isEqualTo(2);
		assertThat(add("cmd-empty", "CLERK", "360100", "")).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM office_user WHERE username LIKE 'cmd-%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(output.getErr()).contains("至少 12 个字符", "不能包含账号名", "过于常见", "账号名须为", "角色须为", "999999", "登记员须指定所属单位",
				"账号 cmd-admin：省级管理员只属于省直发证机关 360000", "没有读到密码");
		assertThat(add("cmd-twice", "CLERK", "360100", GOOD)).isZero();
		assertThat(add("cmd-twice", "CLERK", "360100", "赣江春水向东流 2027")).isEqualTo(2);
		assertThat(output.getErr()).contains("账号 cmd-twice 已存在");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM account_audit").query(Long.class).single()).isOne();
	}

	@Test
	void theFirstAdministratorHasNoDefaultPasswordAndIsOpenedOnce(CapturedOutput output) throws Exception {
		assertThat(createAdmin("cmd-admin", "")).isEqualTo(2);
		assertThat(createAdmin("cmd-admin", "admin-2026")).isEqualTo(2);
		assertThat(output.getErr()).contains("没有读到密码", "账号 cmd-admin 的密码不符合要求");
		assertThat(this.users.exists("cmd-admin")).isFalse();

		assertThat(createAdmin("cmd-admin", GOOD)).isZero();
		assertThat(output.getOut()).contains("已开设省级管理员账号 cmd-admin（360000）");
		assertThat(this.users.loadUserByUsername("cmd-admin").role().name()).isEqualTo("ADMIN");
		assertThat(this.users.loadUserByUsername("cmd-admin").officeChannel()).isEqualTo("360000");
		assertThat(this.users.mustChangePassword("cmd-admin")).isFalse();
		assertThat(audit("cmd-admin")).containsExactly("CREATE_ADMIN cli:tester ADMIN 360000");

		assertThat(createAdmin("cmd-admin-2", GOOD)).isEqualTo(2);
		assertThat(output.getErr()).contains("账号 cmd-admin-2 未开设：已有启用的省级管理员", "account add cmd-admin-2 --role ADMIN");
		assertThat(this.users.exists("cmd-admin-2")).isFalse();
		// a second one through account add; the only enabled one cannot be disabled
		assertThat(add("cmd-admin-2", "ADMIN", "360000", GOOD)).isZero();
		assertThat(change(new AccountCommand.Disable(this.accounts), "cmd-admin")).isZero();
		assertThat(change(new AccountCommand.Disable(this.accounts), "cmd-admin-2")).isEqualTo(2);
		assertThat(output.getErr()).contains("账号 cmd-admin-2 是唯一启用的省级管理员，不能停用");
	}

	@Test
	void disablesEnablesAndReRolesAndAuditsEachChange(CapturedOutput output) throws Exception {
		assertThat(add("cmd-clerk", "CLERK", "360100", GOOD)).isZero();
		assertThat(change(new AccountCommand.Disable(this.accounts), "cmd-clerk")).isZero();
		assertThat(this.users.loadUserByUsername("cmd-clerk").isEnabled()).isFalse();
		assertThat(change(new AccountCommand.Disable(this.accounts), "cmd-clerk")).isEqualTo(2);
		assertThat(output.getErr()).contains("账号 cmd-clerk 已是停用状态");
		assertThat(change(new AccountCommand.Enable(this.accounts), "cmd-clerk")).isZero();
		assertThat(this.users.loadUserByUsername("cmd-clerk").isEnabled()).isTrue();
		assertThat(change(new AccountCommand.Enable(this.accounts), "cmd-nobody")).isEqualTo(2);
		assertThat(output.getErr()).contains("账号 cmd-nobody 不存在");

		assertThat(role("cmd-clerk", "UNIT_REGISTRAR", null)).isEqualTo(2);
		assertThat(output.getErr()).contains("账号 cmd-clerk：登记员须指定所属单位或基地");
		assertThat(role("cmd-clerk", "UNIT_REGISTRAR", 987654321L)).isEqualTo(2);
		assertThat(output.getErr()).contains("账号 cmd-clerk 的角色未改：单位或部门编号不在登记库中");
		assertThat(role("cmd-clerk", "SUPERVISOR", null)).isZero();
		assertThat(this.users.loadUserByUsername("cmd-clerk").role().name()).isEqualTo("SUPERVISOR");
		assertThat(output.getOut()).contains("账号 cmd-clerk 的角色已改为 科室负责人");

		assertThat(audit("cmd-clerk")).containsExactly("CREATE cli:tester CLERK 360100", "DISABLE cli:tester null",
				"ENABLE cli:tester null", "ROLE cli:tester CLERK -> SUPERVISOR 360100");
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM account_audit WHERE detail LIKE '%赣江%'").query(Long.class).single())
			.isZero();
	}

	@Test
	void listsAccountsWithoutHashes(CapturedOutput output) throws Exception {
		assertThat(add("cmd-lister", "CLERK", "360400", GOOD)).isZero();
		AccountCommand.ListAccounts list = new AccountCommand.ListAccounts(this.accounts);
		list.office = "360400";
		assertThat(list.call()).isZero();
		assertThat(output.getOut()).contains("账号\t姓名\t角色\t发证机关\t状态", "cmd-lister\t测试账号\t窗口经办人\t360400\t启用（待修改初始密码）")
			.doesNotContain("{bcrypt}");
	}

	private int add(String username, String role, String office, String password) throws Exception {
		AccountCommand.Add command = new AccountCommand.Add(this.accounts);
		command.username = username;
		command.role = role;
		command.office = office;
		command.name = "测试账号";
		command.by = "cli:tester";
		command.passwordStdin = true;
		command.input = new BufferedReader(new StringReader(password + "\n"));
		return command.call();
	}

	private int createAdmin(String username, String password) throws Exception {
		AccountCommand.CreateAdmin command = new AccountCommand.CreateAdmin(this.accounts);
		command.username = username;
		command.name = "省厅管理员";
		command.by = "cli:tester";
		command.passwordStdin = true;
		command.input = new BufferedReader(new StringReader(password + "\n"));
		return command.call();
	}

	private int role(String username, String role, Long organisation) throws Exception {
		AccountCommand.Role command = new AccountCommand.Role(this.accounts);
		command.role = role;
		command.organisation = organisation;
		return change(command, username);
	}

	private static int change(AccountCommand.Change command, String username) throws Exception {
		command.username = username;
		command.by = "cli:tester";
		return command.call();
	}

	private java.util.List<String> audit(String username) {
		return this.jdbc.sql("SELECT action, actor, detail FROM account_audit WHERE username = :username ORDER BY id")
			.param("username", username)
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list();
	}

}
