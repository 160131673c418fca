package org.ceprint.reissue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.accounts.OfficeUsers;
import org.ceprint.demo.DemoRegistryGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The counter pages with every role and none: sign-in with the demo accounts, what each
 * role may open, and that a clerk of one city can neither see nor reissue another city's
 * certificates; the audit and its Excel export for supervisors.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CounterPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	OfficeUsers users;

	@Autowired
	JdbcClient jdbc;

	OfficeUser nanchangClerk;

	OfficeUser nanchangLead;

	OfficeUser jiujiangClerk;

	String number;

	@org.springframework.beans.factory.annotation.Value("${ceprint.printing.output-dir}")
	java.nio.file.Path outputDir;

	@BeforeEach
	void registry() {
		this.generator.clearRegistry();
		this.jdbc.sql("DELETE FROM reissue").update();
		this.jdbc.sql("DELETE FROM audit_log").update();
		this.generator.generate(31, 60, LocalDate.of(2026, 6, 30));
		this.nanchangClerk = this.users.loadUserByUsername("nanchang");
		this.nanchangLead = this.users.loadUserByUsername("nanchang-lead");
		this.jiujiangClerk = this.users.loadUserByUsername("jiujiang");
		this.number = this.jdbc
			.sql("SELECT MIN(certificate_no) FROM certificate WHERE channel_code = '360100' AND status = 'VALID'")
			.query(String.class)
			.single();
	}

	@Test
	void theDemoAccountsSignInWithTheirPasswordsOnly() throws Exception {
		this.mvc.perform(formLogin("/login").user("nanchang").password("demo-nanchang"))
			.andExpect(authenticated().withUsername("nanchang"))
			.andExpect((result) -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/office"));
		this.mvc.perform(formLogin("/login").user("nanchang").password("wrong")).andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user("nobody").password("demo-nanchang")).andExpect(unauthenticated());
		assertThat(this.jdbc.sql("SELECT password_hash FROM office_user WHERE username = 'nanchang'")
			.query(String.class)
			.single()).startsWith("{bcrypt}").doesNotContain("demo-nanchang");
	}

	@Test
	void everyCounterPathWithEveryRoleAndNone() throws Exception {
		String[][] expectations = {
				// path, anonymous, clerk, supervisor
				{ "GET /office", "302", "200", "200" },
				{ "GET /office/lookup?number=" + this.number, "302", "200", "200" },
				{ "GET /office/audit", "302", "403", "200" }, { "GET /office/audit.xlsx", "302", "403", "200" },
				{ "GET /office/pdf/" + this.number, "302", "404", "404" },
				{ "POST /office/reissue", "302", "400", "400" },
				{ "GET /office/exports/assessments.xlsx?year=2025", "302", "200", "200" },
				{ "GET /office/exports/summary-tables.xlsx?year=2025", "302", "200", "200" } };
		for (String[] expectation : expectations) {
			assertThat(status(expectation[0], null)).as("%s anonymous", expectation[0]).isEqualTo(expectation[1]);
			assertThat(status(expectation[0], this.nanchangClerk)).as("%s clerk", expectation[0])
				.isEqualTo(expectation[2]);
			assertThat(status(expectation[0], this.nanchangLead)).as("%s supervisor", expectation[0])
				.isEqualTo(expectation[3]);
		}
		// a form post without its CSRF token is refused even when signed in
		assertThat(this.mvc
			.perform(post("/office/reissue").param("number", this.number)
				.param("reason", "damaged")
				.with(user(this.nanchangClerk)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM reissue").query(Long.class).single()).isZero();
	}

	@Test
	void aClerkOfAnotherCityNeitherSeesNorReissuesNorDownloads() throws Exception {
		String lookup = page(get("/office/lookup").param("number", this.number), this.jiujiangClerk);
		assertThat(lookup).contains("未查到本机关发证的相关人员");
		String refused = page(
				post("/office/reissue").param("number", this.number).param("reason", "damaged").with(csrf()),
				this.jiujiangClerk);
		assertThat(refused).contains("只能由该发证机关换发");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM reissue").query(Long.class).single()).isZero();
		assertThat(status("GET /office/pdf/" + this.number, this.jiujiangClerk)).isEqualTo("403");
	}

	@Test
	void theCounterFlowReissuesPrintsAndIsAuditedForTheSupervisor() throws Exception {
		Map<String, Object> holder = this.jdbc.sql("""
				SELECT p.name AS name, p.id_number AS id FROM person p JOIN certificate c ON c.person_id = p.id
				WHERE c.certificate_no = :no
				""").param("no", this.number).query().singleRow();
		String lookup = page(
				get("/office/lookup").param("idNumber", (String) holder.get("id")).param("purpose", "持证人咨询"),
				this.nanchangClerk);
		assertThat(lookup).contains((String) holder.get("name")).contains(this.number).contains("换发并打印");

		String done = page(post("/office/reissue").param("number", this.number)
			.param("reason", "lost")
			.param("declaration", "洪报 2026-118")
			.with(csrf()), this.nanchangClerk);
		String newNumber = this.jdbc.sql("SELECT new_certificate_no FROM reissue WHERE old_certificate_no = :no")
			.param("no", this.number)
			.query(String.class)
			.single();
		assertThat(done).contains("已换发（遗失）", newNumber, "/office/pdf/" + newNumber);

		byte[] pdf = this.mvc.perform(get("/office/pdf/" + newNumber).with(user(this.nanchangClerk)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains(newNumber)
				.contains((String) holder.get("name"));
		}

		// a typed value that a spreadsheet would run stays text in the export
		this.jdbc.sql("""
				INSERT INTO audit_log (at, clerk, office_channel, action, subject, detail)
				VALUES (TIMESTAMP '2026-01-01 00:00:00', '南昌窗口', '360100', 'LOOKUP', '=1+2', '@SUM(A1)')
				""").update();
		String audit = page(get("/office/audit"), this.nanchangLead);
		assertThat(audit).contains("LOOKUP", "REISSUE", "PRINT", newNumber, "南昌窗口（nanchang）", "事由：持证人咨询");
		byte[] excel = this.mvc.perform(get("/office/audit.xlsx").with(user(this.nanchangLead)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(excel))) {
			Sheet sheet = workbook.getSheet("审计日志");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("时间");
			long rows = this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE office_channel = '360100'")
				.query(Long.class)
				.single();
			assertThat(sheet.getLastRowNum()).isEqualTo((int) rows).isGreaterThanOrEqualTo(3);
			// newest first: the row inserted above, then the print of the reissue
			Row inserted = sheet.getRow(1);
			assertThat(inserted.getCell(4).getStringCellValue()).isEqualTo("'=1+2");
			assertThat(inserted.getCell(5).getStringCellValue()).isEqualTo("'@SUM(A1)");
			assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("PRINT");
		}
	}

	@Test
	void aReissueThatCannotBePrintedSaysWhichRunWithoutAServerPath() throws Exception {
		// the registry is generated again for each test, so the new number may have been
		// printed by an earlier test's reissue: its PDF must not pass for this one's
		this.jdbc.sql("DELETE FROM print_document").update();
		// a character no shipped font has (CJK Extension G): the new booklet is set aside
		assertThat(this.jdbc.sql("""
				UPDATE person SET name = :name
				WHERE id = (SELECT person_id FROM certificate WHERE certificate_no = :no)
				""").param("name", "王" + Character.toString(0x30EDE)).param("no", this.number).update()).isEqualTo(1);

		String page = page(post("/office/reissue").param("number", this.number).param("reason", "damaged").with(csrf()),
				this.nanchangClerk);

		Map<String, Object> run = this.jdbc.sql("""
				SELECT r.new_certificate_no AS no, MAX(p.id) AS run FROM reissue r, print_run p
				WHERE r.old_certificate_no = :no GROUP BY r.new_certificate_no
				""").param("no", this.number).query().singleRow();
		String problem = page.replaceAll("(?s).*<p[^>]*id=\"problem\"[^>]*>([^<]*)</p>.*", "$1");
		assertThat(problem).isEqualTo("新证书 %s 已生效，但未能打印：原因记在打印批次 %d（%s）的未打印清单中，请打印室查看后重印", run.get("no"),
				((Number) run.get("run")).longValue(), runFolder(((Number) run.get("run")).longValue()));
		assertThat(problem).doesNotContain("/", "print-batches");
		assertThat(page).doesNotContain(this.outputDir.toAbsolutePath().toString(), "rejects.csv");
	}

	private String runFolder(long runId) {
		return this.jdbc.sql("SELECT folder FROM print_run WHERE id = :id")
			.param("id", runId)
			.query(String.class)
			.single();
	}

	private String status(String request, OfficeUser as) throws Exception {
		String[] parts = request.split(" ", 2);
		MockHttpServletRequestBuilder builder = parts[0].equals("GET") ? get(parts[1]) : post(parts[1]).with(csrf());
		if (as != null) {
			builder = builder.with(user(as));
		}
		return String.valueOf(this.mvc.perform(builder).andReturn().getResponse().getStatus());
	}

	private String page(MockHttpServletRequestBuilder request, OfficeUser as) throws Exception {
		RequestBuilder signed = request.with(user(as));
		return this.mvc.perform(signed).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
