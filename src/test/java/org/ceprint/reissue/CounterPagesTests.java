package org.ceprint.reissue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.accounts.OfficeUsers;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.registry.Hours;
import org.ceprint.registry.LearningForm;
import org.ceprint.rendering.PdfAValidation;
import org.ceprint.testsupport.EventPublications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
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

	@Autowired
	JdbcTemplate jdbcTemplate;

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
		// a regenerated registry numbers its certificates afresh: a print of the same
		// number
		// by another test of this context (a reissue, a print run) must not pass for this
		// one's
		this.jdbc.sql("DELETE FROM print_document").update();
		this.generator.generate(31, 60, LocalDate.of(2026, 6, 30));
		this.nanchangClerk = this.users.loadUserByUsername("nanchang");
		this.nanchangLead = this.users.loadUserByUsername("nanchang-lead");
		this.jiujiangClerk = this.users.loadUserByUsername("jiujiang");
		this.number = this.jdbc
			.sql("SELECT MIN(certificate_no) FROM certificate WHERE channel_code = '360100' AND status = 'VALID'")
			.query(String.class)
			.single();
	}

	/** No booklet of this test prints on while the next one empties the registry. */
	@AfterEach
	void bookletsPrinted() {
		EventPublications.awaitCompletion(this.jdbcTemplate);
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

	/**
	 * Who calls, in the order of the status columns of
	 * {@link #everyCounterPathWithEveryRoleAndNone}: the anonymous, each of the five
	 * roles in 南昌, and a clerk and a supervisor of 九江.
	 */
	enum Caller {

		ANONYMOUS, CLERK, SUPERVISOR, UNIT_REGISTRAR, BASE_REGISTRAR, DEPT_REVIEWER, OTHER_CITY_CLERK,
		OTHER_CITY_SUPERVISOR

	}

	/**
	 * Every counter path with real records, as every role and none, and what each got.
	 * Who reaches which controller is also checked, for every endpoint with sample values
	 * that name no record, by {@code EndpointSecurityTests}; here the answer is checked
	 * too (the person shown or not, the certificate reissued or not, whose PDF, whose
	 * audit), and what the refused callers left behind (no reissue, no certificate, no
	 * audit row).
	 */
	@Test
	void everyCounterPathWithEveryRoleAndNone() throws Exception {
		Map<Caller, OfficeUser> callers = callers();
		String holder = this.jdbc.sql("""
				SELECT p.name FROM person p JOIN certificate c ON c.person_id = p.id WHERE c.certificate_no = :no
				""").param("no", this.number).query(String.class).single();
		String nanchangUnit = this.jdbc
			.sql("SELECT MIN(credit_code) FROM organisation WHERE kind = 'UNIT' AND channel_code = '360100'")
			.query(String.class)
			.single();
		List<String> wrong = new ArrayList<>();
		// path, then the status for each caller in the order of Caller
		String[][] reads = { { "GET /office", "302 200 200 403 403 403 200 200" },
				{ "GET /office/lookup?number=" + this.number, "302 200 200 403 403 403 200 200" },
				{ "GET /office/scans", "302 200 200 403 403 403 200 200" },
				{ "GET /office/scans.json", "302 200 200 403 403 403 200 200" },
				{ "GET /office/exports/assessments.xlsx?year=2025", "302 200 200 403 403 403 200 200" },
				{ "GET /office/exports/summary-tables.xlsx?year=2025", "302 200 200 403 403 403 200 200" },
				{ "GET /office/exports/assessments.xlsx?year=2025&unit=" + nanchangUnit,
						"302 200 200 403 403 403 403 403" },
				{ "POST /office/reissue", "302 400 400 403 403 403 400 400" } };
		for (String[] read : reads) {
			for (Caller caller : Caller.values()) {
				MockHttpServletResponse response = call(read[0], callers.get(caller));
				expectStatus(wrong, read[0], caller, response, read[1]);
				String page = response.getContentAsString(StandardCharsets.UTF_8);
				if (read[0].startsWith("GET /office/lookup") && response.getStatus() == 200) {
					boolean ownCity = caller == Caller.CLERK || caller == Caller.SUPERVISOR;
					if (ownCity != page.contains(holder) || ownCity == page.contains("id=\"none\"")) {
						wrong.add(read[0] + " as " + caller + ": the holder " + (ownCity ? "not shown" : "shown"));
					}
				}
				if (read[0].equals("GET /office/scans") && response.getStatus() == 200
						&& !page.contains(">" + callers.get(caller).officeChannel() + "</span>")) {
					wrong.add(read[0] + " as " + caller + ": not the counts of its own office");
				}
			}
		}

		// reissues: the refused first, and nothing changes; then the clerk and the
		// supervisor each replace one certificate
		String second = this.jdbc.sql("""
				SELECT MIN(certificate_no) FROM certificate
				WHERE channel_code = '360100' AND status = 'VALID' AND certificate_no > :no
				""").param("no", this.number).query(String.class).single();
		long certificates = count("SELECT COUNT(*) FROM certificate");
		for (Caller caller : List.of(Caller.ANONYMOUS, Caller.UNIT_REGISTRAR, Caller.BASE_REGISTRAR,
				Caller.DEPT_REVIEWER, Caller.OTHER_CITY_CLERK, Caller.OTHER_CITY_SUPERVISOR)) {
			MockHttpServletResponse response = reissue(this.number, callers.get(caller));
			expectStatus(wrong, "POST /office/reissue " + this.number, caller, response, "302 - - 403 403 403 200 200");
			if (response.getStatus() == 200
					&& !response.getContentAsString(StandardCharsets.UTF_8).contains("只能由该发证机关换发")) {
				wrong.add("POST /office/reissue as " + caller + ": 200 without 「只能由该发证机关换发」");
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(count("SELECT COUNT(*) FROM reissue")).as("reissues by callers who may not").isZero();
		assertThat(count("SELECT COUNT(*) FROM certificate")).isEqualTo(certificates);
		assertThat(reissue(this.number, callers.get(Caller.CLERK)).getContentAsString(StandardCharsets.UTF_8))
			.contains("已换发（损毁）");
		assertThat(reissue(second, callers.get(Caller.SUPERVISOR)).getContentAsString(StandardCharsets.UTF_8))
			.contains("已换发（损毁）");
		List<Map<String, Object>> reissued = this.jdbc
			.sql("SELECT old_certificate_no, new_certificate_no, clerk, office_channel FROM reissue ORDER BY id")
			.query()
			.listOfRows();
		assertThat(reissued)
			.extracting(
					(row) -> row.get("old_certificate_no") + " " + row.get("clerk") + " " + row.get("office_channel"))
			.containsExactly(this.number + " 南昌窗口（nanchang） 360100", second + " 南昌科长（nanchang-lead） 360100");
		assertThat(count("SELECT COUNT(*) FROM certificate")).isEqualTo(certificates + 2);
		String renewed = (String) reissued.get(0).get("new_certificate_no");
		// the booklets print once the reissues have committed
		EventPublications.awaitCompletion(this.jdbcTemplate);

		// the reissue's page with its booklet's progress, and the new booklet's PDF: for
		// the office's clerk and supervisor only
		for (Caller caller : Caller.values()) {
			MockHttpServletResponse response = call("GET /office/reissued/" + renewed, callers.get(caller));
			expectStatus(wrong, "GET /office/reissued/" + renewed, caller, response, "302 200 200 403 403 403 403 403");
			if (response.getStatus() == 200
					&& !response.getContentAsString(StandardCharsets.UTF_8).contains("/office/pdf/" + renewed)) {
				wrong.add("GET /office/reissued/" + renewed + " as " + caller + ": no link to the printed booklet");
			}
		}
		// the booklet as printed, and its PDF/A archive copy
		for (String pdf : List.of("GET /office/pdf/" + renewed, "GET /office/pdf/" + renewed + "?archive=true")) {
			for (Caller caller : Caller.values()) {
				MockHttpServletResponse response = call(pdf, callers.get(caller));
				expectStatus(wrong, pdf, caller, response, "302 200 200 403 403 403 403 403");
				if (response.getStatus() == 200) {
					try (PDDocument document = Loader.loadPDF(response.getContentAsByteArray())) {
						if (!new PDFTextStripper().getText(document).contains(renewed)) {
							wrong.add(pdf + " as " + caller + ": another certificate's PDF");
						}
					}
				}
			}
		}
		expectStatus(wrong, "GET /office/pdf/36010020990000011 (never printed)", Caller.CLERK,
				call("GET /office/pdf/36010020990000011", callers.get(Caller.CLERK)), "- 404 - - - - - -");
		expectStatus(wrong, "GET /office/pdf/36010020990000011?archive=true (never printed)", Caller.CLERK,
				call("GET /office/pdf/36010020990000011?archive=true", callers.get(Caller.CLERK)), "- 404 - - - - - -");

		// the audit and its export: for supervisors only, each of their own office
		for (String path : List.of("GET /office/audit", "GET /office/audit.xlsx")) {
			for (Caller caller : Caller.values()) {
				MockHttpServletResponse response = call(path, callers.get(caller));
				expectStatus(wrong, path, caller, response, "302 403 200 403 403 403 403 200");
				if (response.getStatus() == 200 && !ownAudit(path, response, caller, renewed)) {
					wrong.add(path + " as " + caller + ": not the audit of its own office only");
				}
			}
		}
		assertThat(wrong).isEmpty();
		// only the counter staff's look-ups and reissues were audited
		assertThat(this.jdbc.sql("SELECT DISTINCT clerk FROM audit_log").query(String.class).list())
			.containsExactlyInAnyOrder("南昌窗口（nanchang）", "南昌科长（nanchang-lead）", "九江窗口（jiujiang）",
					"九江科长（jiujiang-lead）");

		// a form post without its CSRF token is refused even when signed in
		assertThat(this.mvc
			.perform(post("/office/reissue").param("number", second)
				.param("reason", "damaged")
				.with(user(this.nanchangClerk)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(count("SELECT COUNT(*) FROM reissue")).isEqualTo(2);
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
		// the holder's entries with their hours as documents print them (8, not the 8.0
		// the column stores)
		List<Map<String, Object>> entries = this.jdbc.sql("""
				SELECT e.project_name AS project, e.learning_form AS form, e.hours AS hours
				FROM registration_entry e JOIN certificate c ON c.person_id = e.person_id
				WHERE c.certificate_no = :no
				""").param("no", this.number).query().listOfRows();
		assertThat(entries).isNotEmpty();
		String cells = lookup.replaceAll(">\\s+<", "><");
		for (Map<String, Object> entry : entries) {
			assertThat(cells).contains("<td>%s</td><td>%s</td><td>%s</td>".formatted(entry.get("project"),
					LearningForm.valueOf((String) entry.get("form")).label(),
					Hours.of((java.math.BigDecimal) entry.get("hours"))));
		}
		assertThat(cells).doesNotContainPattern("<td>\\d+\\.0</td>");

		String posted = page(post("/office/reissue").param("number", this.number)
			.param("reason", "lost")
			.param("declaration", "洪报 2026-118")
			.with(csrf()), this.nanchangClerk);
		String newNumber = this.jdbc.sql("SELECT new_certificate_no FROM reissue WHERE old_certificate_no = :no")
			.param("no", this.number)
			.query(String.class)
			.single();
		// the request returns once the reissue is stored and, within two seconds, its
		// booklet printed; else the page follows the booklet
		assertThat(posted).contains("已换发（遗失）", newNumber)
			.containsAnyOf("/office/reissued/" + newNumber, "/office/pdf/" + newNumber);
		EventPublications.awaitCompletion(this.jdbcTemplate);
		String done = page(get("/office/reissued/" + newNumber), this.nanchangClerk);
		assertThat(done).doesNotContain("证书打印中");
		assertThat(done).contains("已换发（遗失）", newNumber, "/office/pdf/" + newNumber);

		byte[] pdf = this.mvc.perform(get("/office/pdf/" + newNumber).with(user(this.nanchangClerk)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains(newNumber)
				.contains((String) holder.get("name"));
		}
		// the archive copy for the personal file: the same booklet, PDF/A-2b by veraPDF
		assertThat(done).contains("下载存档版（PDF/A）", "/office/pdf/" + newNumber + "?archive=true");
		MockHttpServletResponse archived = this.mvc
			.perform(get("/office/pdf/" + newNumber).param("archive", "true").with(user(this.nanchangClerk)))
			.andReturn()
			.getResponse();
		assertThat(archived.getHeader("Content-Disposition")).contains("certificate-" + newNumber + "-pdfa.pdf");
		assertThat(PdfAValidation.failedRules(archived.getContentAsByteArray())).as("veraPDF PDF/A-2b failed rules")
			.isEmpty();
		try (PDDocument document = Loader.loadPDF(archived.getContentAsByteArray())) {
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
		// a character no shipped font has (CJK Extension G): the new booklet is set aside
		assertThat(this.jdbc.sql("""
				UPDATE person SET name = :name
				WHERE id = (SELECT person_id FROM certificate WHERE certificate_no = :no)
				""").param("name", "王" + Character.toString(0x30EDE)).param("no", this.number).update()).isEqualTo(1);

		page(post("/office/reissue").param("number", this.number).param("reason", "damaged").with(csrf()),
				this.nanchangClerk);
		EventPublications.awaitCompletion(this.jdbcTemplate);
		String renewed = this.jdbc.sql("SELECT new_certificate_no FROM reissue WHERE old_certificate_no = :no")
			.param("no", this.number)
			.query(String.class)
			.single();
		String page = page(get("/office/reissued/" + renewed), this.nanchangClerk);

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

	/**
	 * The callers of the matrix: the demo accounts, registrars of 南昌's first unit and
	 * base, a reviewer of its first department, and a supervisor of 九江.
	 */
	private Map<Caller, OfficeUser> callers() {
		long unit = count("SELECT MIN(id) FROM organisation WHERE kind = 'UNIT' AND channel_code = '360100'");
		long base = count("SELECT MIN(id) FROM organisation WHERE kind = 'BASE' AND channel_code = '360100'");
		long department = count("SELECT MIN(id) FROM department WHERE channel_code = '360100'");
		Map<Caller, OfficeUser> callers = new EnumMap<>(Caller.class);
		callers.put(Caller.CLERK, this.nanchangClerk);
		callers.put(Caller.SUPERVISOR, this.nanchangLead);
		callers.put(Caller.UNIT_REGISTRAR,
				new OfficeUser("unit", "-", "单位登记员", OfficeRole.UNIT_REGISTRAR, "360100", true, unit, null));
		callers.put(Caller.BASE_REGISTRAR,
				new OfficeUser("base", "-", "基地登记员", OfficeRole.BASE_REGISTRAR, "360100", true, base, null));
		callers.put(Caller.DEPT_REVIEWER,
				new OfficeUser("dept", "-", "主管部门审核员", OfficeRole.DEPT_REVIEWER, "360100", true, null, department));
		callers.put(Caller.OTHER_CITY_CLERK, this.jiujiangClerk);
		callers.put(Caller.OTHER_CITY_SUPERVISOR,
				new OfficeUser("jiujiang-lead", "-", "九江科长", OfficeRole.SUPERVISOR, "360400", true));
		return callers;
	}

	/**
	 * Adds to {@code wrong} unless the status is the caller's column of {@code statuses}
	 * ({@code -} for a caller not asked), and a redirect goes to the sign-in form.
	 */
	private static void expectStatus(List<String> wrong, String request, Caller caller,
			MockHttpServletResponse response, String statuses) {
		String expected = statuses.split(" ")[caller.ordinal()];
		if (!expected.equals(String.valueOf(response.getStatus()))) {
			wrong.add("%s as %s: %d, expected %s".formatted(request, caller, response.getStatus(), expected));
		}
		if (expected.equals("302") && !String.valueOf(response.getRedirectedUrl()).endsWith("/login")) {
			wrong.add("%s as %s: redirected to %s".formatted(request, caller, response.getRedirectedUrl()));
		}
	}

	/**
	 * Whether an audit page or export shows the supervisor's own office: 南昌's shows its
	 * clerk and the reissue, 九江's its own clerk's look-up, neither the other's.
	 */
	private static boolean ownAudit(String path, MockHttpServletResponse response, Caller caller, String renewed)
			throws Exception {
		if (path.endsWith(".xlsx")) {
			List<String> offices = new ArrayList<>();
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
				Sheet sheet = workbook.getSheet("审计日志");
				for (int row = 1; row <= sheet.getLastRowNum(); row++) {
					offices.add(sheet.getRow(row).getCell(2).getStringCellValue());
				}
			}
			String own = (caller == Caller.SUPERVISOR) ? "360100" : "360400";
			return !offices.isEmpty() && offices.stream().allMatch(own::equals);
		}
		String page = response.getContentAsString(StandardCharsets.UTF_8);
		return (caller == Caller.SUPERVISOR)
				? page.contains("南昌窗口（nanchang）") && page.contains(renewed) && !page.contains("（jiujiang")
				: page.contains("九江窗口（jiujiang）") && !page.contains("（nanchang");
	}

	private MockHttpServletResponse reissue(String number, OfficeUser as) throws Exception {
		MockHttpServletRequestBuilder request = post("/office/reissue").param("number", number)
			.param("reason", "damaged")
			.with(csrf());
		return this.mvc.perform((as != null) ? request.with(user(as)) : request).andReturn().getResponse();
	}

	private MockHttpServletResponse call(String request, OfficeUser as) throws Exception {
		String[] parts = request.split(" ", 2);
		MockHttpServletRequestBuilder builder = parts[0].equals("GET") ? get(parts[1]) : post(parts[1]).with(csrf());
		if (as != null) {
			builder = builder.with(user(as));
		}
		return this.mvc.perform(builder).andReturn().getResponse();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private String page(MockHttpServletRequestBuilder request, OfficeUser as) throws Exception {
		RequestBuilder signed = request.with(user(as));
		return this.mvc.perform(signed).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
