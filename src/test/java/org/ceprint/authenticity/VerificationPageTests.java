package org.ceprint.authenticity;

import org.ceprint.demo.DemoRegistryGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public verification page shows whether a certificate is genuine and current, with
 * masked personal data only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class VerificationPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DocumentVerifier verifier;

	String certificateNo;

	String holderName;

	String idNumber;

	@BeforeEach
	void registry() {
		this.generator.clearRegistry();
		this.generator.generate(11, 5, java.time.LocalDate.of(2026, 6, 30));
		this.jdbc.sql("""
				SELECT c.certificate_no, p.name, p.id_number FROM certificate c JOIN person p ON p.id = c.person_id
				ORDER BY c.id
				""").query((rs, row) -> {
			this.certificateNo = rs.getString(1);
			this.holderName = rs.getString(2);
			this.idNumber = rs.getString(3);
			return null;
		}).list();
	}

	@Test
	void aValidCertificateIsGenuineAndShowsOnlyMaskedPersonalData() throws Exception {
		String page = this.mvc.perform(get("/v/c/" + this.certificateNo))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

		assertThat(page).contains("真实有效").contains(this.certificateNo).contains(Masking.name(this.holderName));
		assertThat(page).doesNotContain(this.holderName).doesNotContain(this.idNumber);
		assertThat(page).contains(this.idNumber.substring(0, 4) + "************" + this.idNumber.substring(16));
	}

	@Test
	void verifiedHoursPerYearAreTheRegistrysSumsOfVerifiedEntries() throws Exception {
		var expected = this.jdbc.sql("""
				SELECT YEAR(e.start_date) AS y,
				       SUM(CASE WHEN e.subject_type = 'PUBLIC' THEN e.hours ELSE 0 END) AS public_hours,
				       SUM(CASE WHEN e.subject_type = 'PROFESSIONAL' THEN e.hours ELSE 0 END) AS professional_hours
				FROM registration_entry e JOIN certificate c ON c.person_id = e.person_id
				WHERE c.certificate_no = :no AND e.status = 'VERIFIED'
				GROUP BY YEAR(e.start_date) ORDER BY y
				""")
			.param("no", this.certificateNo)
			.query((rs, row) -> new VerificationResult.YearHours(rs.getInt(1), rs.getBigDecimal(2),
					rs.getBigDecimal(3)))
			.list();
		assertThat(expected).isNotEmpty();

		VerificationResult result = this.verifier.verify(DocumentKind.CERTIFICATE, this.certificateNo);

		assertThat(result.verifiedHours()).hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			assertThat(result.verifiedHours().get(i).year()).isEqualTo(expected.get(i).year());
			assertThat(result.verifiedHours().get(i).publicHours()).isEqualByComparingTo(expected.get(i).publicHours());
			assertThat(result.verifiedHours().get(i).professionalHours())
				.isEqualByComparingTo(expected.get(i).professionalHours());
		}
	}

	@Test
	void anUnknownNumberIsNotGenuine() throws Exception {
		this.mvc.perform(get("/v/c/36010020249999995"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("未查到该文件")));
	}

	@Test
	void aSupersededCertificateSaysSo() throws Exception {
		this.jdbc
			.sql("UPDATE certificate SET status = 'SUPERSEDED', current_holder_id = NULL WHERE certificate_no = :no")
			.param("no", this.certificateNo)
			.update();

		this.mvc.perform(get("/api/verifications/c/" + this.certificateNo))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.genuine").value(true))
			.andExpect(jsonPath("$.current").value(false))
			.andExpect(jsonPath("$.status").value("已换发"));
	}

	@Test
	void anUnknownDocumentKindIsNotFound() throws Exception {
		this.mvc.perform(get("/v/x/123")).andExpect(status().isNotFound());
	}

}
