package org.ceprint.commandline.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.ceprint.NotFoundException;
import org.ceprint.RefusedException;
import org.ceprint.accounts.OfficeAccount;
import org.ceprint.accounts.OfficeAccounts;
import org.ceprint.accounts.OfficeRole;

/**
 * {@code account}: the office accounts of the pages and the submission API. Every change
 * is audited with its actor: {@code --by}, else {@code cli:} and the operating system's
 * user. Each refusal names the account and exits with code 2.
 */
@Command(name = "account", mixinStandardHelpOptions = true, description = "办事账号：开设、停用、启用、改角色和列出登录账号",
		subcommands = { AccountCommand.CreateAdmin.class, AccountCommand.Add.class, AccountCommand.Disable.class,
				AccountCommand.Enable.class, AccountCommand.Role.class, AccountCommand.ListAccounts.class })
public class AccountCommand {

	static final String ROLES = "CLERK 窗口经办人、SUPERVISOR 科室负责人、UNIT_REGISTRAR 单位登记员、BASE_REGISTRAR 基地登记员、DEPT_REVIEWER 主管部门审核员、ADMIN 省级管理员";

	/** A change of an account: who made it goes to the audit. */
	public abstract static class Change implements Callable<Integer>, StartChecks {

		final OfficeAccounts accounts;

		@Parameters(index = "0", paramLabel = "账号名", description = "3–40 个小写字母、数字、点、下划线或连字符")
		public String username;

		@Option(names = "--by", paramLabel = "操作人", description = "记入账号审计的操作人（默认 cli:当前系统用户）")
		public String by;

		Change(OfficeAccounts accounts) {
			this.accounts = accounts;
		}

		String actor() {
			return (this.by != null && !this.by.isBlank()) ? this.by.strip() : "cli:" + System.getProperty("user.name");
		}

		@Override
		public Integer call() throws IOException {
			OptionalInt refused = refusal();
			if (refused.isPresent()) {
				return refused.getAsInt();
			}
			try {
				return change();
			}
			catch (RefusedException | NotFoundException ex) {
				System.err.println(ex.getMessage());
				return OptionRefusals.EXIT_CODE;
			}
		}

		abstract int change() throws IOException;

	}

	/** A change that sets a password: typed twice without echo, or one line of stdin. */
	public abstract static class WithPassword extends Change {

		@Option(names = "--password-stdin", description = "从标准输入读取密码（一行），供脚本使用")
		public boolean passwordStdin;

		/** Where a password comes from when there is no terminal; tests set it. */
		public BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

		WithPassword(OfficeAccounts accounts) {
			super(accounts);
		}

		/** The password, or null (its reason printed) when none was given. */
		String password() throws IOException {
			Console console = System.console();
			if (this.passwordStdin || console == null) {
				String line = this.input.readLine();
				if (line == null || line.isEmpty()) {
					System.err.println("没有读到密码：请在标准输入给出一行密码，账号 " + this.username + " 未开设");
					return null;
				}
				return line;
			}
			char[] first = console.readPassword("密码：");
			char[] second = console.readPassword("再输入一次：");
			if (first == null || second == null || !Arrays.equals(first, second)) {
				System.err.println("两次输入的密码不一致，账号 " + this.username + " 未开设");
				return null;
			}
			return new String(first);
		}

	}

	@Command(name = "create-admin", mixinStandardHelpOptions = true,
			description = "安装时开设第一个省级管理员（发证机关 360000）；已有启用的管理员时拒绝。没有默认密码：密码在终端输入两次（不回显），或用 --password-stdin 从标准输入读一行")
	public static class CreateAdmin extends WithPassword {

		@Option(names = "--name", required = true, paramLabel = "名称", description = "显示名称（如 省厅管理员）")
		public String name;

		public CreateAdmin(OfficeAccounts accounts) {
			super(accounts);
		}

		@Override
		int change() throws IOException {
			String password = password();
			if (password == null) {
				return OptionRefusals.EXIT_CODE;
			}
			this.accounts.createAdmin(actor(), this.username, password, this.name);
			System.out.println("已开设省级管理员账号 " + this.username + "（" + OfficeRole.PROVINCE + "）");
			return 0;
		}

	}

	@Command(name = "add", mixinStandardHelpOptions = true,
			description = "开设账号，给出初始密码；持有人首次登录时须修改密码。密码在终端输入两次（不回显），或用 --password-stdin 从标准输入读一行。密码至少 12 个字符，不含账号名，不在常见密码表中")
	public static class Add extends WithPassword {

		@Option(names = "--role", required = true, paramLabel = "角色", description = ROLES)
		public String role;

		@Option(names = "--office", required = true, paramLabel = "代码", description = "所属发证机关代码（如 360100，省直 360000）")
		public String office;

		@Option(names = "--name", required = true, paramLabel = "名称", description = "显示名称（如 南昌窗口一）")
		public String name;

		@Option(names = "--organisation", paramLabel = "单位编号", description = "登记员所属单位或基地的编号（登记员必填）")
		public Long organisation;

		@Option(names = "--department", paramLabel = "部门编号", description = "审核员所属主管部门的编号（审核员必填）")
		public Long department;

		public Add(OfficeAccounts accounts) {
			super(accounts);
		}

		@Override
		public OptionalInt refusal() {
			return roleRefusal(this.role);
		}

		@Override
		int change() throws IOException {
			OfficeRole officeRole = role(this.role);
			String password = password();
			if (password == null) {
				return OptionRefusals.EXIT_CODE;
			}
			this.accounts.add(actor(), this.username, password, this.name, officeRole, this.office, this.organisation,
					this.department);
			System.out
				.println("已开设账号 " + this.username + "（" + officeRole.label() + "，" + this.office + "）；首次登录时须修改初始密码");
			return 0;
		}

	}

	@Command(name = "disable", mixinStandardHelpOptions = true, description = "停用账号：不能再登录，记录保留")
	public static class Disable extends Change {

		public Disable(OfficeAccounts accounts) {
			super(accounts);
		}

		@Override
		int change() {
			this.accounts.disable(actor(), this.username);
			System.out.println("已停用账号 " + this.username);
			return 0;
		}

	}

	@Command(name = "enable", mixinStandardHelpOptions = true, description = "重新启用已停用的账号")
	public static class Enable extends Change {

		public Enable(OfficeAccounts accounts) {
			super(accounts);
		}

		@Override
		int change() {
			this.accounts.enable(actor(), this.username);
			System.out.println("已启用账号 " + this.username);
			return 0;
		}

	}

	@Command(name = "role", mixinStandardHelpOptions = true, description = "改变账号的角色（及发证机关、所属单位或部门）")
	public static class Role extends Change {

		@Option(names = "--role", required = true, paramLabel = "角色", description = ROLES)
		public String role;

		@Option(names = "--office", paramLabel = "代码", description = "新的发证机关代码（默认不变）")
		public String office;

		@Option(names = "--organisation", paramLabel = "单位编号", description = "登记员所属单位或基地的编号（登记员必填）")
		public Long organisation;

		@Option(names = "--department", paramLabel = "部门编号", description = "审核员所属主管部门的编号（审核员必填）")
		public Long department;

		public Role(OfficeAccounts accounts) {
			super(accounts);
		}

		@Override
		public OptionalInt refusal() {
			return roleRefusal(this.role);
		}

		@Override
		int change() {
			OfficeRole officeRole = role(this.role);
			this.accounts.changeRole(actor(), this.username, officeRole, this.office, this.organisation,
					this.department);
			System.out.println("账号 " + this.username + " 的角色已改为 " + officeRole.label());
			return 0;
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "列出账号：账号、姓名、角色、发证机关、状态（不显示密码）")
	public static class ListAccounts implements Callable<Integer>, StartChecks {

		private final OfficeAccounts accounts;

		@Option(names = "--office", paramLabel = "代码", description = "只列出这一发证机关的账号")
		public String office;

		public ListAccounts(OfficeAccounts accounts) {
			this.accounts = accounts;
		}

		@Override
		public Integer call() {
			List<OfficeAccount> rows = this.accounts.list(this.office);
			System.out.println(String.join("\t", "账号", "姓名", "角色", "发证机关", "状态"));
			rows.forEach((row) -> System.out.println(String.join("\t", row.username(), row.displayName(),
					row.role().label(), row.officeChannel(), row.status())));
			System.out.println("共 " + rows.size() + " 个账号");
			return 0;
		}

	}

	static OptionalInt roleRefusal(String typed) {
		if (Arrays.stream(OfficeRole.values()).noneMatch((known) -> known.name().equals(normalised(typed)))) {
			System.err.println("角色须为 " + Arrays.stream(OfficeRole.values())
				.map((known) -> known.name() + " " + known.label())
				.collect(Collectors.joining("、")) + "，实为「" + typed + "」");
			return OptionalInt.of(OptionRefusals.EXIT_CODE);
		}
		return OptionalInt.empty();
	}

	static OfficeRole role(String typed) {
		return OfficeRole.valueOf(normalised(typed));
	}

	private static String normalised(String typed) {
		return (typed != null) ? typed.strip().toUpperCase(Locale.ROOT) : "";
	}

}
