package org.ceprint.commandline;

import java.io.BufferedReader;
import java.io.StringReader;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.ceprint.accounts.OfficeUsers;
import org.ceprint.commandline.internal.AccountCommand;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code account add}: an office opens an account only with a password the policy
 * accepts; every refusal says why and stores nothing.
 */
@SpringBootTest(properties = "ceprint.accounts.demo-accounts=false")
@ExtendWith(OutputCaptureExtension.class)
class AccountCommandTests {

	@Autowired
	OfficeUsers users;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void noTestAccounts() {
		this.jdbc.sql("DELETE FROM office_user WHERE username LIKE 'cmd-%'").update();
	}

	@Test
	void opensAnAccountWithAGoodPassword(CapturedOutput output) throws Exception {
		assertThat(add("cmd-nanchang", "CLERK", "360100", "赣江春水向东流 2026")).isZero();
		assertThat(output.getOut()).contains("已开设账号 cmd-nanchang（窗口经办人，360100）");
		String hash = this.jdbc.sql("SELECT password_hash FROM office_user WHERE username = 'cmd-nanchang'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain("赣江");
		assertThat(output.getAll()).doesNotContain("赣江春水");
	}

	@Test
	void refusesWeakPasswordsBadNamesRolesAndOfficesAndStoresNothing(CapturedOutput output) throws Exception {
		assertThat(add("cmd-short", "CLERK", "360100", "short-pw")).isEqualTo(2);
		assertThat(add("cmd-jiujiang", "CLERK", "360400", "cmd-jiujiang-2026")).isEqualTo(2);
		assertThat(add("cmd-common", "CLERK", "360100", "Password2026!")).isEqualTo(2);
		assertThat(add("Cmd Upper", "CLERK", "360100", "赣江春水向东流 2026")).isEqualTo(2);
		assertThat(add("cmd-role", "ROOT", "360100", "赣江春水向东流 2026")).isEqualTo(2);
		assertThat(add("cmd-office", "CLERK", "999999", "赣江春水向东流 2026")).isEqualTo(2);
		assertThat(add("cmd-registrar", "UNIT_REGISTRAR", "360100", "赣江春水向东流 2026")).isEqualTo(2);
		assertThat(add("cmd-empty", "CLERK", "360100", "")).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM office_user WHERE username LIKE 'cmd-%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(output.getErr()).contains("至少 12 个字符", "不能包含账号名", "过于常见", "账号名须为", "角色须为", "999999", "登记员须指定所属单位",
				"没有读到密码");
		assertThat(add("cmd-twice", "CLERK", "360100", "赣江春水向东流 2026")).isZero();
		assertThat(add("cmd-twice", "CLERK", "360100", "赣江春水向东流 2027")).isEqualTo(2);
		assertThat(output.getErr()).contains("账号 cmd-twice 已存在");
	}

	private int add(String username, String role, String office, String password) throws Exception {
		AccountCommand.Add command = new AccountCommand.Add(this.users);
		command.username = username;
		command.role = role;
		command.office = office;
		command.name = "测试账号";
		command.passwordStdin = true;
		command.input = new BufferedReader(new StringReader(password + "\n"));
		return command.call();
	}

}
