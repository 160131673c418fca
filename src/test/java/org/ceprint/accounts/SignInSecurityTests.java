package org.ceprint.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.ceprint.testsupport.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Sign-in throttling through the real filter chains, on a clock moved by hand: the form
 * and HTTP Basic share one count per account name, a lock holds even against the right
 * password, an address that tries many names is locked, and every try is in the sign-in
 * log.
 */
// the shipped defaults (test application.properties relaxes them for every other test)
@SpringBootTest(properties = { "ceprint.accounts.demo-accounts=false", "ceprint.accounts.sign-in.free-failures=3",
		"ceprint.accounts.sign-in.first-delay=2s", "ceprint.accounts.sign-in.lock-after=5",
		"ceprint.accounts.sign-in.address-lock-after=20", "ceprint.accounts.sign-in.lock-for=15m" })
@AutoConfigureMockMvc
class SignInSecurityTests {

	static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-03-02T01:00:00Z"),
			ZoneId.of("Asia/Shanghai"));

	static final String PASSWORD = "赣江春水向东流 2026";

	@TestConfiguration(proxyBeanMethods = false)
	static class HandMovedClock {

		@Bean
		@Primary
		SettableClock handMovedClock() {
			return CLOCK;
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	OfficeUsers users;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void accounts() {
		// a day later than any earlier test of this class: nothing they counted still
		// counts
		CLOCK.advance(Duration.ofDays(1));
		this.jdbc.sql("DELETE FROM sign_in_event").update();
		this.jdbc.sql("DELETE FROM office_user WHERE username LIKE 'throttle-%'").update();
		this.users.create("throttle-clerk", PASSWORD, "限速测试", OfficeRole.CLERK, "360100");
		this.users.create("throttle-other", PASSWORD, "限速测试二", OfficeRole.CLERK, "360100");
	}

	@Test
	void theFormDelaysThenLocksAndTheRightPasswordWaitsOutTheLock() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(form("throttle-clerk", "wrong-" + i, "10.1.1.1")).isEqualTo("/login?error");
		}
		assertThat(form("throttle-clerk", PASSWORD, "10.1.1.1")).as("a try within the wait")
			.isEqualTo("/login?locked=2");
		CLOCK.advance(Duration.ofSeconds(2));
		assertThat(form("throttle-clerk", "wrong-3", "10.1.1.1")).isEqualTo("/login?error");
		CLOCK.advance(Duration.ofSeconds(4));
		assertThat(form("throttle-clerk", "wrong-4", "10.1.1.1")).isEqualTo("/login?error");
		assertThat(form("throttle-clerk", PASSWORD, "10.1.1.1")).isEqualTo("/login?locked=900");
		assertThat(form("throttle-clerk", PASSWORD, "10.9.9.9")).as("from another address too")
			.isEqualTo("/login?locked=900");
		CLOCK.advance(Duration.ofMinutes(15).minusSeconds(1));
		assertThat(form("throttle-clerk", PASSWORD, "10.1.1.1")).isEqualTo("/login?locked=1");
		CLOCK.advance(Duration.ofSeconds(1));
		assertThat(form("throttle-clerk", PASSWORD, "10.1.1.1")).isEqualTo("/office");

		assertThat(this.jdbc
			.sql("SELECT outcome, COUNT(*) FROM sign_in_event WHERE username = 'throttle-clerk'"
					+ " GROUP BY outcome ORDER BY outcome")
			.query((rs, row) -> rs.getString(1) + "=" + rs.getInt(2))
			.list()).containsExactly("FAILED=4", "LOCKED=1", "REFUSED=4", "SIGNED_IN=1");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM sign_in_event WHERE client_address = '10.9.9.9'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void httpBasicCountsWithTheFormAndAnswers429WithRetryAfter() throws Exception {
		for (int i = 0; i < 3; i++) {
			form("throttle-clerk", "wrong-" + i, "10.1.1.2");
		}
		MvcResult refused = this.mvc
			.perform(get("/api/v1/submissions").with(httpBasic("throttle-clerk", PASSWORD)).with(from("10.1.1.2")))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("2");
		assertThat(refused.getResponse().getContentAsString()).contains("登录失败次数较多", "2 秒");
		CLOCK.advance(Duration.ofSeconds(2));
		MvcResult wrong = this.mvc
			.perform(get("/api/v1/submissions").with(httpBasic("throttle-clerk", "wrong")).with(from("10.1.1.2")))
			.andReturn();
		assertThat(wrong.getResponse().getStatus()).isEqualTo(401);
		assertThat(wrong.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(wrong.getResponse().getContentAsString()).contains("用户名或密码不正确").doesNotContain("Bad credentials");
		CLOCK.advance(Duration.ofSeconds(4));
		assertThat(this.mvc
			.perform(get("/api/v1/submissions").with(httpBasic("throttle-clerk", PASSWORD)).with(from("10.1.1.2")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	@Test
	void anAddressTryingManyNamesIsLockedForEveryName() throws Exception {
		for (int i = 0; i < 20; i++) {
			assertThat(form("throttle-spray-" + i, "password-" + i, "10.2.2.2")).isEqualTo("/login?error");
		}
		assertThat(form("throttle-other", PASSWORD, "10.2.2.2")).isEqualTo("/login?locked=900");
		assertThat(form("throttle-other", PASSWORD, "10.2.2.3")).isEqualTo("/office");
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM sign_in_event WHERE outcome = 'LOCKED'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void theSignInLogNeverHoldsAPassword() throws Exception {
		form("throttle-clerk", "my-secret-typo", "10.3.3.3");
		form("throttle-clerk", PASSWORD, "10.3.3.3");
		String everything = String.join("|",
				this.jdbc.sql("SELECT * FROM sign_in_event")
					.query((rs, row) -> rs.getString(2) + rs.getString(3) + rs.getString(4) + rs.getString(5))
					.list());
		assertThat(everything).contains("throttle-clerk").doesNotContain("my-secret-typo", PASSWORD);
	}

	private String form(String username, String password, String address) throws Exception {
		return this.mvc.perform(
				post("/login").param("username", username).param("password", password).with(csrf()).with(from(address)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
