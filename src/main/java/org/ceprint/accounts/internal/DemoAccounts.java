package org.ceprint.accounts.internal;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUsers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the embedded default, creates the documented demo accounts when there are none
 * (README, "Counter"); never in the mariadb profile, where accounts are made on purpose.
 */
@Component
class DemoAccounts implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DemoAccounts.class);

	/** username, password, name, role, office */
	static final List<String[]> ACCOUNTS = List.of(
			new String[] { "nanchang", "demo-nanchang", "南昌窗口", "CLERK", "360100" },
			new String[] { "nanchang-lead", "demo-nanchang-lead", "南昌科长", "SUPERVISOR", "360100" },
			new String[] { "jiujiang", "demo-jiujiang", "九江窗口", "CLERK", "360400" },
			new String[] { "shengzhi", "demo-shengzhi", "省直窗口", "CLERK", "360000" });

	private final OfficeUsers users;

	private final boolean enabled;

	DemoAccounts(OfficeUsers users, @Value("${ceprint.accounts.demo-accounts:true}") boolean enabled) {
		this.users = users;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled || this.users.count() > 0) {
			return;
		}
		for (String[] account : ACCOUNTS) {
			this.users.create(account[0], account[1], account[2], OfficeRole.valueOf(account[3]), account[4]);
		}
		logger.info("已创建演示账号（见 README「Counter」）：nanchang、nanchang-lead、jiujiang、shengzhi");
	}

}
