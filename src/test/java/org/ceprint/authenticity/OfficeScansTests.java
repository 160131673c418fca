package org.ceprint.authenticity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.authenticity.internal.ScanLog;
import org.ceprint.demo.DemoRegistryGenerator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An HRSS office sees how often its own documents were checked, per day, and never
 * another office's: a check is attributed, when it is made, to the channel of the
 * certificate it found.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OfficeScansTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuthenticityCodes codes;

	@Autowired
	ScanLog scans;

	@BeforeEach
	void registry() {
		this.generator.clearRegistry();
		this.generator.generate(11, 40, LocalDate.of(2026, 6, 30));
		// rows of earlier checks are written in the background: all in before emptying
		this.scans.flush();
		this.jdbc.sql("DELETE FROM verification_scan").update();
		this.jdbc.sql("DELETE FROM verification_scan_daily").update();
	}

	@Test
	void aClerkSeesTheChecksOfItsOwnOfficesDocumentsOnlyAndTheirPrunedDays() throws Exception {
		Map<String, Object> nanchang = certificateOf("360100");
		Map<String, Object> jiujiang = certificateOf("360400");
		for (int i = 0; i < 2; i++) {
			this.mvc.perform(get("/api/v1/verify/" + token(nanchang))).andExpect(jsonPath("$.verdict").value("VALID"));
		}
		this.mvc.perform(get("/V/" + token(jiujiang))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/lookup").param("number", (String) nanchang.get("no")).param("name", "张三"))
			.andExpect(jsonPath("$.verdict").value("NOT_FOUND"));
		this.scans.flush();
		assertThat(this.jdbc.sql("SELECT office_channel FROM verification_scan ORDER BY id").query(String.class).list())
			.containsExactly("360100", "360100", "360400", "360100");
		// a pruned day of the Nanchang certificate, kept as a count
		LocalDate pruned = LocalDate.of(2025, 3, 1);
		this.jdbc
			.sql("""
					INSERT INTO verification_scan_daily (office_channel, scan_date, document_kind, document_no, checks, failed)
					VALUES ('360100', :day, 'CERTIFICATE', :no, 7, 2)
					""")
			.param("day", pruned)
			.param("no", nanchang.get("no"))
			.update();

		OfficeUser clerk = new OfficeUser("nanchang", "-", "南昌窗口", OfficeRole.CLERK, "360100", true);
		String page = this.mvc.perform(get("/office/scans").with(user(clerk)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains((String) nanchang.get("no"), "继续教育证书", "共 3 次查验")
			.doesNotContain((String) jiujiang.get("no"))
			.doesNotContain("<style")
			.doesNotContain("<script")
			.doesNotContain("style=")
			.contains("/css/ceprint.css");
		this.mvc
			.perform(get("/office/scans.json").param("from", "2025-03-01").param("to", "2025-03-01").with(user(clerk)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].documentNo").value(nanchang.get("no")))
			.andExpect(jsonPath("$[0].checks").value(7))
			.andExpect(jsonPath("$[0].failed").value(2));

		OfficeUser supervisor = new OfficeUser("jiujiang-lead", "-", "九江科长", OfficeRole.SUPERVISOR, "360400", true);
		String jiujiangJson = this.mvc.perform(get("/office/scans.json").with(user(supervisor)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].checks").value(1))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(jiujiangJson).contains((String) jiujiang.get("no")).doesNotContain((String) nanchang.get("no"));
		assertThat(this.scans.dailyCounts("360000", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31))).isEmpty();
	}

	@Test
	void othersMayNotSeeTheCounts() throws Exception {
		this.mvc.perform(get("/office/scans")).andExpect(status().is3xxRedirection());
		OfficeUser registrar = new OfficeUser("unit", "-", "单位", OfficeRole.UNIT_REGISTRAR, "360100", true, 1L, null);
		this.mvc.perform(get("/office/scans.json").with(user(registrar))).andExpect(status().isForbidden());
		OfficeUser clerk = new OfficeUser("nanchang", "-", "南昌窗口", OfficeRole.CLERK, "360100", true);
		this.mvc.perform(get("/office/scans").param("from", "2024-01-01").param("to", "2026-01-01").with(user(clerk)))
			.andExpect(status().isBadRequest());
	}

	private Map<String, Object> certificateOf(String channel) {
		List<Map<String, Object>> rows = this.jdbc.sql("""
				SELECT c.certificate_no AS no, p.name AS name, p.id_number AS id, c.issue_date AS issued
				FROM certificate c JOIN person p ON p.id = c.person_id WHERE c.channel_code = :channel ORDER BY c.id
				""").param("channel", channel).query().listOfRows();
		assertThat(rows).as("certificates of %s", channel).isNotEmpty();
		return rows.get(0);
	}

	private String token(Map<String, Object> holder) {
		return AuthenticityCodes.tokenOf(this.codes.qrContent(SignedDocument.of(DocumentKind.CERTIFICATE,
				(String) holder.get("no"), (String) holder.get("name"), (String) holder.get("id"),
				((java.sql.Date) holder.get("issued")).toLocalDate(), new java.math.BigDecimal("96"))));
	}

}
