package org.ceprint.accounts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ceprint.demo.DemoRegistryGenerator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

/**
 * Every account the demo prints on the console exists and signs in with the printed
 * password, without being sent to change it: whether the start-up made the offices'
 * accounts first or the demo's workflow accounts come first on a database without any.
 */
// a context (and so an in-memory database) of its own: the test empties office_user
@SpringBootTest(properties = { "ceprint.accounts.demo-accounts=true", "ceprint.accounts.demo-accounts-test=true" })
@AutoConfigureMockMvc
class DemoAccountsTests {

	@Autowired
	DemoWorkflowAccounts workflow;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	OfficeUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void everyAccountTheDemoPrintsExistsAndSignsIn() throws Exception {
		// the start-up made the documented accounts of README "Counter" and the
		// administrator
		assertThat(this.users.list(null).stream().map(OfficeAccount::username)).contains("nanchang", "nanchang-lead",
				"jiujiang", "shengzhi", "admin");
		// the order that used to leave them out: a database without accounts, the
		// demo's data, then the demo's accounts
		this.jdbc.sql("DELETE FROM office_user").update();
		if (this.jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single() == 0) {
			this.generator.generate(2012, 300, LocalDate.of(2026, 6, 30));
		}
		List<String> lines = this.workflow.create();
		Map<String, String> printed = new LinkedHashMap<>();
		for (String line : lines) {
			String[] parts = line.split("[ 　]");
			assertThat(parts[1]).as(line).isEqualTo("/");
			printed.put(parts[0], parts[2]);
		}
		assertThat(printed.keySet()).containsExactlyInAnyOrder("nanchang", "nanchang-lead", "jiujiang", "shengzhi",
				"admin", "unit-demo", "dept-demo", "base-demo");
		assertThat(this.workflow.create()).isEqualTo(lines);
		assertThat(this.users.count()).isEqualTo(printed.size());
		for (Map.Entry<String, String> account : printed.entrySet()) {
			this.mvc.perform(formLogin("/login").user(account.getKey()).password(account.getValue()))
				.andExpect(authenticated().withUsername(account.getKey()));
			assertThat(this.users.mustChangePassword(account.getKey())).as(account.getKey()).isFalse();
		}
		assertThat(this.users.loadUserByUsername("admin").role()).isEqualTo(OfficeRole.ADMIN);
	}

}
