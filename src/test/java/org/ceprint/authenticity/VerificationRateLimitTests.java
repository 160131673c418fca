package org.ceprint.authenticity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.ceprint.authenticity.internal.ScanLog;
import org.ceprint.demo.DemoRegistryGenerator;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The per-client limit of token checks (page and JSON API together, 60 a minute by
 * default) and of look-ups: the request over the limit gets 429 with Retry-After and a
 * Chinese reason, other clients are unaffected, and the client may go on once its bucket
 * has refilled. Time is a test clock, moved by hand.
 */
@SpringBootTest(properties = "ceprint.authenticity.lookups-per-minute=3")
@AutoConfigureMockMvc
class VerificationRateLimitTests {

	static final SettableClock clock = new SettableClock(Instant.parse("2026-07-01T02:00:00Z"),
			ZoneId.of("Asia/Shanghai"));

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ScanLog scans;

	@Autowired
	AuthenticityCodes codes;

	String token;

	@BeforeEach
	void registry() {
		this.generator.clearRegistry();
		this.generator.generate(11, 2, LocalDate.of(2026, 6, 30));
		// rows of earlier checks are written in the background: all in before emptying
		this.scans.flush();
		this.jdbc.sql("DELETE FROM verification_scan").update();
		Map<String, Object> holder = this.jdbc.sql("""
				SELECT c.certificate_no AS no, p.name AS name, p.id_number AS id, c.issue_date AS issued
				FROM certificate c JOIN person p ON p.id = c.person_id ORDER BY c.id
				""").query().listOfRows().get(0);
		this.token = AuthenticityCodes.tokenOf(this.codes.qrContent(SignedDocument.of(DocumentKind.CERTIFICATE,
				(String) holder.get("no"), (String) holder.get("name"), (String) holder.get("id"),
				((java.sql.Date) holder.get("issued")).toLocalDate(), new java.math.BigDecimal("96"))));
		// a fresh minute for every test: every bucket is full again
		clock.advance(Duration.ofHours(1));
	}

	@Test
	void theSixtyFirstCheckOfAMinuteIsRefusedWithRetryAfterOtherClientsGoOnAndItPassesOnceRefilled() throws Exception {
		for (int i = 0; i < 30; i++) {
			this.mvc.perform(verify("10.1.2.3"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.verdict").value("VALID"));
			// the page counts against the same limit; same /24 network, same client
			this.mvc.perform(get("/V/" + this.token).with(from("10.1.2.4"))).andExpect(status().isOk());
		}
		String body = this.mvc.perform(verify("10.1.2.3"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(jsonPath("$.genuine").value(false))
			.andExpect(jsonPath("$.verdict").value("RATE_LIMITED"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("查验过于频繁，请 1 秒后再试").doesNotContain(this.token);
		String page = this.mvc.perform(get("/v/" + this.token).with(from("10.1.2.3")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "1"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("查验过于频繁").doesNotContain("真实有效");

		this.mvc.perform(verify("10.9.9.9")).andExpect(status().isOk()).andExpect(jsonPath("$.verdict").value("VALID"));

		clock.advance(Duration.ofMinutes(1));
		for (int i = 0; i < 60; i++) {
			this.mvc.perform(verify("10.1.2.3")).andExpect(status().isOk());
		}
		this.mvc.perform(verify("10.1.2.3")).andExpect(status().isTooManyRequests());

		// 121 checks, 1 from another client; of the three refusals only the first of each
		// run
		// is logged, so a flood cannot fill the scan log
		this.scans.flush();
		List<String> outcomes = this.jdbc.sql("SELECT outcome FROM verification_scan ORDER BY id")
			.query(String.class)
			.list();
		assertThat(outcomes).filteredOn("VALID"::equals).hasSize(121);
		assertThat(outcomes).filteredOn("RATE_LIMITED"::equals).hasSize(2);
	}

	@Test
	void lookUpsHaveTheirOwnLimitAndARetryAfterFromTheBucket() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(lookup("10.1.2.3")).andExpect(status().isOk());
		}
		// 3 a minute: the next token comes 20 s after the bucket was emptied
		this.mvc.perform(lookup("10.1.2.3"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "20"))
			.andExpect(jsonPath("$.verdict").value("RATE_LIMITED"))
			.andExpect(jsonPath("$.headline").value("查询过于频繁，请 20 秒后再试"));
		this.mvc.perform(lookup("10.1.3.3")).andExpect(status().isOk());
		// token checks are counted apart
		this.mvc.perform(verify("10.1.2.3")).andExpect(status().isOk());
		clock.advance(Duration.ofSeconds(20));
		this.mvc.perform(lookup("10.1.2.3")).andExpect(status().isOk());
		this.mvc.perform(lookup("10.1.2.3")).andExpect(status().isTooManyRequests());
	}

	private MockHttpServletRequestBuilder verify(String address) {
		return get("/api/v1/verify/" + this.token).with(from(address));
	}

	private static MockHttpServletRequestBuilder lookup(String address) {
		return get("/api/v1/lookup").param("number", "36010020240000019").param("name", "张三").with(from(address));
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@TestConfiguration
	static class TestClock {

		@Bean
		@Primary
		Clock testClock() {
			return clock;
		}

	}

}
