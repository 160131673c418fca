package org.ceprint.accounts.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUsers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the embedded default, creates the documented demo accounts that do not exist yet
 * (README, "Counter"), the demo administrator among them; never in the mariadb profile,
 * where accounts are made on purpose. Runs before any command, so that a command finds
 * them, and again from the demo's own accounts: whichever comes first, all of them exist.
 * Their passwords are documented, so they need not be changed at the first sign-in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DemoAccounts implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DemoAccounts.class);

	/** username, password, name, role, office */
	static final List<String[]> ACCOUNTS = List.of(
			new String[] { "nanchang", "demo-nanchang", "南昌窗口", "CLERK", "360100" },
			new String[] { "nanchang-lead", "demo-nanchang-lead", "南昌科长", "SUPERVISOR", "360100" },
			new String[] { "jiujiang", "demo-jiujiang", "九江窗口", "CLERK", "360400" },
			new String[] { "shengzhi", "demo-shengzhi", "省直窗口", "CLERK", "360000" },
			new String[] { "admin", "demo-admin", "演示管理员", "ADMIN", "360000" });

	private final OfficeUsers users;

	private final boolean enabled;

	DemoAccounts(OfficeUsers users, @Value("${ceprint.accounts.demo-accounts:true}") boolean enabled) {
		this.users = users;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> created = ensure();
		if (!created.isEmpty()) {
			logger.info("已创建演示账号（见 README「Counter」）：" + String.join("、", created));
		}
	}

	/** Creates the demo accounts missing; returns their names. */
	public List<String> ensure() {
		List<String> created = new ArrayList<>();
		if (!this.enabled) {
			return created;
		}
		for (String[] account : ACCOUNTS) {
			if (!this.users.exists(account[0])) {
				this.users.create(account[0], account[1], account[2], OfficeRole.valueOf(account[3]), account[4]);
				created.add(account[0]);
			}
		}
		return created;
	}

	/** Each account as the console shows it: name / password, role, office. */
	public static List<String> lines() {
		return ACCOUNTS.stream()
			.map((account) -> "%s / %s　%s（%s）".formatted(account[0], account[1], OfficeRole.valueOf(account[3]).label(),
					account[4]))
			.toList();
	}

}
