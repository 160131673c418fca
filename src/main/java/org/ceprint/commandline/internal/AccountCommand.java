package org.ceprint.commandline.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUsers;

/**
 * {@code account}: the office accounts of the pages and the submission API.
 */
@Command(name = "account", mixinStandardHelpOptions = true, description = "办事账号：为发证机关、单位、基地或主管部门开设登录账号",
		subcommands = { AccountCommand.Add.class })
public class AccountCommand {

	@Command(name = "add", mixinStandardHelpOptions = true,
			description = "开设账号；密码在终端输入两次（不回显），或用 --password-stdin 从标准输入读一行。密码至少 12 个字符，不含账号名，不在常见密码表中")
	public static class Add implements Callable<Integer>, StartChecks {

		private final OfficeUsers users;

		@Parameters(index = "0", paramLabel = "账号名", description = "3–40 个小写字母、数字、点、下划线或连字符")
		public String username;

		@Option(names = "--role", required = true, paramLabel = "角色",
				description = "CLERK 窗口经办人、SUPERVISOR 科室负责人、UNIT_REGISTRAR 单位登记员、BASE_REGISTRAR 基地登记员、DEPT_REVIEWER 主管部门审核员")
		public String role;

		@Option(names = "--office", required = true, paramLabel = "代码", description = "所属发证机关代码（如 360100，省直 360000）")
		public String office;

		@Option(names = "--name", required = true, paramLabel = "名称", description = "显示名称（如 南昌窗口一）")
		public String name;

		@Option(names = "--organisation", paramLabel = "单位编号", description = "登记员所属单位或基地的编号（登记员必填）")
		Long organisation;

		@Option(names = "--department", paramLabel = "部门编号", description = "审核员所属主管部门的编号（审核员必填）")
		Long department;

		@Option(names = "--password-stdin", description = "从标准输入读取密码（一行），供脚本使用")
		public boolean passwordStdin;

		/** Where a password comes from when there is no terminal; tests set it. */
		public BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

		public Add(OfficeUsers users) {
			this.users = users;
		}

		@Override
		public OptionalInt refusal() {
			if (Arrays.stream(OfficeRole.values()).noneMatch((known) -> known.name().equals(typedRole()))) {
				System.err.println("角色须为 " + Arrays.stream(OfficeRole.values())
					.map((known) -> known.name() + " " + known.label())
					.collect(Collectors.joining("、")) + "，实为「" + this.role + "」");
				return OptionalInt.of(2);
			}
			return OptionalInt.empty();
		}

		private String typedRole() {
			return this.role.strip().toUpperCase(Locale.ROOT);
		}

		@Override
		public Integer call() throws IOException {
			OptionalInt refused = refusal();
			if (refused.isPresent()) {
				return refused.getAsInt();
			}
			OfficeRole officeRole = OfficeRole.valueOf(typedRole());
			String password = password();
			if (password == null) {
				return 2;
			}
			try {
				this.users.add(this.username, password, this.name, officeRole, this.office, this.organisation,
						this.department);
			}
			catch (IllegalArgumentException ex) {
				System.err.println(ex.getMessage());
				return 2;
			}
			catch (org.springframework.dao.DataIntegrityViolationException ex) {
				System.err.println("账号 " + this.username + " 未能开设：发证机关代码、单位或部门编号不在登记库中");
				return 2;
			}
			System.out.println("已开设账号 " + this.username + "（" + officeRole.label() + "，" + this.office + "）");
			return 0;
		}

		private String password() throws IOException {
			Console console = System.console();
			if (this.passwordStdin || console == null) {
				String line = this.input.readLine();
				if (line == null || line.isEmpty()) {
					System.err.println("没有读到密码：请在标准输入给出一行密码");
					return null;
				}
				return line;
			}
			char[] first = console.readPassword("密码：");
			char[] second = console.readPassword("再输入一次：");
			if (first == null || second == null || !Arrays.equals(first, second)) {
				System.err.println("两次输入的密码不一致，账号未开设");
				return null;
			}
			return new String(first);
		}

	}

}
