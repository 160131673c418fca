package org.ceprint.accounts;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ceprint.demo.DemoRegistryGenerator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The accounts through the real filter chains: a first password sends its holder to the
 * password page from every page until it is changed, a disabled account cannot sign in,
 * and only the provincial administrator opens {@code /admin/accounts}, where each change
 * needs the page's CSRF token and is audited with the administrator as actor.
 */
@SpringBootTest(properties = "ceprint.accounts.demo-accounts=false")
@AutoConfigureMockMvc
class AccountPagesTests {

	static final String FIRST = "赣江春水向东流 2026";

	static final String CHOSEN = "滕王阁序落霞孤鹜 1900";

	@Autowired
	MockMvc mvc;

	@Autowired
	OfficeAccounts accounts;

	@Autowired
	OfficeUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoRegistryGenerator generator;

	@BeforeEach
	void accounts() {
		if (this.jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single() == 0) {
			this.generator.generate(20, 40, LocalDate.of(2026, 6, 30));
		}
		this.jdbc.sql("DELETE FROM office_user WHERE username LIKE 'page-%'").update();
		this.jdbc.sql("DELETE FROM account_audit").update();
	}

	@Test
	void aFirstPasswordLeadsToThePasswordPageFromEveryPageUntilItIsChanged() throws Exception {
		this.accounts.add("cli:tester", "page-clerk", FIRST, "南昌窗口二", OfficeRole.CLERK, "360100", null, null);
		MockHttpSession session = signIn("page-clerk", FIRST);
		for (String page : new String[] { "/office", "/office/lookup", "/submissions", "/office/scans" }) {
			MvcResult result = this.mvc.perform(get(page).session(session)).andReturn();
			assertThat(result.getResponse().getRedirectedUrl()).as(page).isEqualTo("/account/password");
		}
		MvcResult api = this.mvc.perform(get("/api/v1/submissions").session(session)).andReturn();
		assertThat(api.getResponse().getStatus()).isEqualTo(403);
		assertThat(api.getResponse().getContentAsString()).contains("账号 page-clerk 须先在页面上修改初始密码");
		String form = this.mvc.perform(get("/account/password").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("首次登录须先修改发证机关给出的初始密码", "当前密码", "新密码", "再次输入");

		assertThat(change(session, "wrong password 2026", CHOSEN, CHOSEN)).contains("账号 page-clerk 的当前密码不正确");
		assertThat(change(session, FIRST, FIRST, FIRST)).contains("新密码不能与当前密码相同");
		assertThat(change(session, FIRST, "password", "password")).contains("密码不符合要求", "至少 12 个字符");
		assertThat(change(session, FIRST, CHOSEN, CHOSEN + "!")).contains("两次输入的新密码不一致");
		assertThat(this.users.mustChangePassword("page-clerk")).isTrue();

		MvcResult changed = this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("current", FIRST)
				.param("next", CHOSEN)
				.param("again", CHOSEN))
			.andReturn();
		assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/office");
		assertThat(this.mvc.perform(get("/office").session(session)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		assertThat(this.users.mustChangePassword("page-clerk")).isFalse();
		assertThat(audit("page-clerk")).containsExactly("CREATE cli:tester", "PASSWORD page-clerk");
		this.mvc.perform(formLogin("/login").user("page-clerk").password(FIRST)).andExpect(unauthenticated());
		signIn("page-clerk", CHOSEN);
	}

	@Test
	void aDisabledAccountCannotSignIn() throws Exception {
		this.users.create("page-gone", FIRST, "已停用", OfficeRole.CLERK, "360100");
		MockHttpSession open = signIn("page-gone", FIRST);
		this.mvc.perform(get("/office").session(open)).andExpect(status().isOk());
		this.accounts.disable("cli:tester", "page-gone");
		// the session it had ends at its next request, not when it expires
		MvcResult ended = this.mvc.perform(get("/office").session(open)).andReturn();
		assertThat(ended.getResponse().getRedirectedUrl()).isEqualTo("/login?changed");
		assertThat(open.isInvalid()).isTrue();
		MvcResult refused = this.mvc.perform(formLogin("/login").user("page-gone").password(FIRST))
			.andExpect(unauthenticated())
			.andReturn();
		// like a wrong password: nothing tells that the account exists
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM sign_in_event WHERE username = 'page-gone' AND outcome = 'FAILED'")
					.query(Long.class)
					.single())
			.isOne();
		this.accounts.enable("cli:tester", "page-gone");
		signIn("page-gone", FIRST);
	}

	@Test
	void onlyTheAdministratorOpensTheAccountsPage() throws Exception {
		this.users.create("page-lead", FIRST, "南昌科长", OfficeRole.SUPERVISOR, "360100");
		this.users.create("page-admin", FIRST, "省厅管理员", OfficeRole.ADMIN, OfficeRole.PROVINCE);
		assertThat(this.mvc.perform(get("/admin/accounts")).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
		MockHttpSession lead = signIn("page-lead", FIRST);
		assertThat(this.mvc.perform(get("/admin/accounts").session(lead)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(this.mvc.perform(post("/admin/accounts/page-admin/disable").session(lead).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);

		MockHttpSession admin = signIn("page-admin", FIRST);
		assertThat(this.mvc.perform(get("/submissions").session(admin)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		String page = this.mvc.perform(get("/admin/accounts").session(admin))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("账号管理", "page-lead", "南昌科长", "科室负责人", "省级管理员").doesNotContain("{bcrypt}");
	}

	@Test
	void theAdministratorOpensDisablesAndReRolesAccountsAndEachChangeIsAudited() throws Exception {
		this.users.create("page-admin", FIRST, "省厅管理员", OfficeRole.ADMIN, OfficeRole.PROVINCE);
		MockHttpSession admin = signIn("page-admin", FIRST);
		String unitCode = this.jdbc
			.sql("SELECT credit_code FROM organisation WHERE kind = 'UNIT' AND channel_code = '360100' ORDER BY id")
			.query(String.class)
			.list()
			.get(0);
		String baseCode = this.jdbc.sql("SELECT credit_code FROM organisation WHERE kind = 'BASE' ORDER BY id")
			.query(String.class)
			.list()
			.get(0);

		// without the page's token nothing happens
		assertThat(this.mvc
			.perform(post("/admin/accounts").session(admin)
				.param("username", "page-unit")
				.param("displayName", "单位登记员")
				.param("role", "UNIT_REGISTRAR")
				.param("office", "360100")
				.param("creditCode", unitCode)
				.param("password", FIRST))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(this.users.exists("page-unit")).isFalse();

		assertThat(create(admin, "page-unit", "UNIT_REGISTRAR", "")).contains("账号 page-unit：登记员须指定所属单位或基地");
		assertThat(create(admin, "page-unit", "UNIT_REGISTRAR", baseCode)).contains("单位登记员须属于所在单位");
		assertThat(create(admin, "page-unit", "UNIT_REGISTRAR", unitCode)).contains("已开设账号 page-unit");
		OfficeUser unit = this.users.loadUserByUsername("page-unit");
		assertThat(unit.organisationId()).isNotNull();
		assertThat(this.users.mustChangePassword("page-unit")).isTrue();

		this.mvc.perform(post("/admin/accounts/page-unit/disable").session(admin).with(csrf()));
		assertThat(this.users.loadUserByUsername("page-unit").isEnabled()).isFalse();
		this.mvc.perform(post("/admin/accounts/page-unit/enable").session(admin).with(csrf()));
		this.mvc.perform(post("/admin/accounts/page-unit/role").session(admin)
			.with(csrf())
			.param("role", "CLERK")
			.param("office", "360100"));
		assertThat(this.users.loadUserByUsername("page-unit").role()).isEqualTo(OfficeRole.CLERK);
		assertThat(audit("page-unit")).containsExactly("CREATE page-admin", "DISABLE page-admin", "ENABLE page-admin",
				"ROLE page-admin");
	}

	private String create(MockHttpSession admin, String username, String role, String creditCode) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/admin/accounts").session(admin)
				.with(csrf())
				.param("username", username)
				.param("displayName", "测试账号")
				.param("role", role)
				.param("office", "360100")
				.param("creditCode", creditCode)
				.param("password", FIRST))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/accounts");
		return this.mvc.perform(get("/admin/accounts").session(admin).flashAttrs(result.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String change(MockHttpSession session, String current, String next, String again) throws Exception {
		return this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("current", current)
				.param("next", next)
				.param("again", again))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpSession signIn(String username, String password) throws Exception {
		MvcResult signedIn = this.mvc.perform(formLogin("/login").user(username).password(password))
			.andExpect(authenticated().withUsername(username))
			.andReturn();
		return (MockHttpSession) signedIn.getRequest().getSession(false);
	}

	private java.util.List<String> audit(String username) {
		return this.jdbc.sql("SELECT action, actor FROM account_audit WHERE username = :username ORDER BY id")
			.param("username", username)
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2))
			.list();
	}

}
