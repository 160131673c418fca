package org.ceprint.submission;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUsers;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.registry.Hours;
import org.ceprint.registry.SubjectType;
import org.ceprint.testsupport.EventPublications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The submission API as a province's platform calls it, with HTTP Basic and JSON: a
 * base's batch from draft to the printed summary table, and the refusals with their
 * status codes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SubmissionApiTests {

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

	long baseId;

	String channel;

	@org.springframework.beans.factory.annotation.Value("${ceprint.printing.output-dir}")
	java.nio.file.Path outputDir;

	List<Long> entries;

	@BeforeEach
	void registry() {
		this.generator.clearRegistry();
		this.jdbc.sql("DELETE FROM office_user WHERE username LIKE 'hrss-%'").update();
		this.generator.generate(35, 80, LocalDate.of(2026, 6, 30));
		Map<String, Object> base = this.jdbc.sql("""
				SELECT o.id, o.channel_code AS channel FROM organisation o
				JOIN registration_entry e ON e.registered_by_id = o.id
				WHERE o.kind = 'BASE' AND e.status = 'PENDING'
				GROUP BY o.id, o.channel_code HAVING COUNT(*) >= 2 ORDER BY COUNT(*) DESC, o.id
				""").query().listOfRows().get(0);
		this.baseId = ((Number) base.get("id")).longValue();
		this.channel = (String) base.get("channel");
		this.entries = this.jdbc.sql("""
				SELECT id FROM registration_entry WHERE registered_by_id = :base AND status = 'PENDING'
				ORDER BY person_id, start_date, id
				""").param("base", this.baseId).query(Long.class).list().subList(0, 2);
		this.users.create("base-api", "pw-base", "基地接口", OfficeRole.BASE_REGISTRAR, this.channel, this.baseId, null);
		this.users.create("hrss-api", "pw-hrss", "人社接口", OfficeRole.CLERK, this.channel, null, null);
		this.users.create("hrss-elsewhere", "pw-else", "外市接口", OfficeRole.CLERK,
				this.channel.equals("360100") ? "360400" : "360100", null, null);
	}

	@Test
	void aPlatformSubmitsAndTheOfficeVerifiesAndClosesOverJson() throws Exception {
		MvcResult drafted = call(post("/api/v1/submissions"), "base-api:pw-base",
				"{\"entryIds\": [" + this.entries.get(0) + ", " + this.entries.get(1) + "]}", 201);
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(drafted.getResponse().getContentAsString(),
				"$.submission.id"))
			.longValue();
		assertThat(drafted.getResponse().getHeader("Location")).isEqualTo("/api/v1/submissions/" + id);
		call(post("/api/v1/submissions/" + id + "/submit"), "base-api:pw-base", null, 200);

		String batchNo = com.jayway.jsonpath.JsonPath.read(drafted.getResponse().getContentAsString(),
				"$.submission.batchNo");
		for (MockHttpServletRequestBuilder elsewhere : List.of(post("/api/v1/submissions/" + id + "/receive"),
				get("/api/v1/submissions/" + id), get("/api/v1/submissions/" + id + "/history"))) {
			String refusal = call(elsewhere, "hrss-elsewhere:pw-else", null, 403).getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(refusal).as("another city's clerk learns nothing of the batch")
				.contains("报送批次 #" + id)
				.doesNotContain(batchNo, "已报送", "人力资源和社会保障局");
		}
		call(put("/api/v1/submissions/" + id + "/entries/" + this.entries.get(0) + "/decision"), "base-api:pw-base",
				"{\"decision\": \"verified\"}", 403);
		call(put("/api/v1/submissions/" + id + "/entries/" + this.entries.get(0) + "/decision"), "hrss-api:pw-hrss",
				"{\"decision\": \"verified\"}", 409);
		call(post("/api/v1/submissions/" + id + "/receive"), "hrss-api:pw-hrss", null, 200);
		call(put("/api/v1/submissions/" + id + "/entries/" + this.entries.get(1) + "/decision"), "hrss-api:pw-hrss",
				"{\"decision\": \"rejected\"}", 400);
		call(put("/api/v1/submissions/" + id + "/entries/" + this.entries.get(0) + "/decision"), "hrss-api:pw-hrss",
				"{\"decision\": \"verified\"}", 200);
		MvcResult decided = call(put("/api/v1/submissions/" + id + "/entries/" + this.entries.get(1) + "/decision"),
				"hrss-api:pw-hrss", "{\"decision\": \"rejected\", \"reason\": \"DUPLICATE\", \"note\": \"与2025年登记重复\"}",
				200);
		assertThat(decided.getResponse().getContentAsString()).contains("\"reason\":\"DUPLICATE\"");
		MvcResult closed = call(post("/api/v1/submissions/" + id + "/close"), "hrss-api:pw-hrss", "{}", 200);
		assertThat(closed.getResponse().getContentAsString()).contains("\"status\":\"CLOSED\"");
		// the answer comes once the decisions are stored; the papers print after it
		EventPublications.awaitCompletion(this.jdbcTemplate);
		String body = call(get("/api/v1/submissions/" + id), "hrss-api:pw-hrss", null, 200).getResponse()
			.getContentAsString();
		assertThat(body).contains("\"status\":\"CLOSED\"", "\"SUMMARY_TABLE\"", "\"papersDone\":true");
		// each paper's run by its folder's name and download link: no server path
		assertThat(body).doesNotContain(this.outputDir.toAbsolutePath().toString(), "\"folder\":\"/");
		Map<String, Object> summaryRun = com.jayway.jsonpath.JsonPath.read(body, "$.papers.SUMMARY_TABLE");
		assertThat((String) summaryRun.get("folder")).doesNotContain("/", "\\")
			.isEqualTo(this.jdbc.sql("SELECT folder FROM print_run WHERE id = :id")
				.param("id", summaryRun.get("runId"))
				.query(String.class)
				.single());
		assertThat(summaryRun.get("download")).isEqualTo("/api/v1/submissions/" + id + "/papers/SUMMARY_TABLE");
		call(post("/api/v1/submissions/" + id + "/close"), "hrss-api:pw-hrss", "{}", 409);

		MvcResult table = call(get("/api/v1/submissions/" + id + "/papers/SUMMARY_TABLE"), "base-api:pw-base", null,
				200);
		assertThat(table.getResponse().getContentType()).isEqualTo("application/pdf");
		try (PDDocument document = Loader.loadPDF(table.getResponse().getContentAsByteArray())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("继续教育基地直接报送", "序号 2 与已验证的登记重复");
		}
		MvcResult history = call(get("/api/v1/submissions/" + id + "/history"), "base-api:pw-base", null, 200);
		assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(history.getResponse().getContentAsString(),
				"$[*].action"))
			.containsExactly("DRAFT", "SUBMIT", "RECEIVE", "DECIDE", "DECIDE", "CLOSE");
		call(get("/api/v1/submissions/999999"), "hrss-api:pw-hrss", null, 404);
		call(get("/api/v1/submissions/" + id), null, null, 401);

		// a last try that stopped with a paper unprinted, as SubmissionPapers records it:
		// the batch says why, and its page stops waiting for it
		assertThat(body).contains("\"papersFailure\":null");
		this.jdbc.sql("DELETE FROM submission_output WHERE submission_id = :id AND output_kind = 'REGISTER_CARDS'")
			.param("id", id)
			.update();
		String reason = "报送批次 #%d 的登记卡未能打印（打印批次 99）".formatted(id);
		this.jdbc.sql("""
				INSERT INTO submission_papers_failure (submission_id, failed_at, reason)
				VALUES (:id, CURRENT_TIMESTAMP, :reason)
				""").param("id", id).param("reason", reason).update();
		String failed = call(get("/api/v1/submissions/" + id), "hrss-api:pw-hrss", null, 200).getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(failed).contains("\"papersDone\":false", "\"papersFailure\":\"" + reason + "\"");
		String page = this.mvc.perform(get("/submissions/" + id).with(user(this.users.loadUserByUsername("hrss-api"))))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"papers-failed\"", "文书未能全部打印：<span>" + reason + "</span>")
			.doesNotContain("http-equiv=\"refresh\"", "id=\"papers-printing\"");
	}

	/**
	 * The clerk's verification page writes each entry's hours, the standard's limit and
	 * the year's verified and required hours as documents print them (12.5, 16, never
	 * 16.0): the values the JSON gives as numbers.
	 */
	@Test
	void theVerificationPageWritesTheHoursTheJsonGivesAsNumbers() throws Exception {
		this.jdbc.sql("UPDATE registration_entry SET hours = 12.5 WHERE id = :id")
			.param("id", this.entries.get(0))
			.update();
		MvcResult drafted = call(post("/api/v1/submissions"), "base-api:pw-base",
				"{\"entryIds\": [" + this.entries.get(0) + ", " + this.entries.get(1) + "]}", 201);
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(drafted.getResponse().getContentAsString(),
				"$.submission.id"))
			.longValue();
		call(post("/api/v1/submissions/" + id + "/submit"), "base-api:pw-base", null, 200);
		call(post("/api/v1/submissions/" + id + "/receive"), "hrss-api:pw-hrss", null, 200);

		String json = call(get("/api/v1/submissions/" + id), "hrss-api:pw-hrss", null, 200).getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String page = this.mvc
			.perform(get("/submissions/" + id + "/verify").with(user(this.users.loadUserByUsername("hrss-api"))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)
			.replaceAll(">\\s+<", "><");

		List<Map<String, Object>> entries = com.jayway.jsonpath.JsonPath.read(json, "$.entries");
		assertThat(entries).hasSize(2);
		for (Map<String, Object> entry : entries) {
			assertThat(entry.get("hours")).isInstanceOf(Number.class);
			assertThat(entry.get("yearVerifiedHours")).isInstanceOf(Number.class);
			assertThat(entry.get("yearRequiredHours")).isInstanceOf(Number.class);
			Matcher row = Pattern.compile("data-entry=\"" + entry.get("entryId") + "\">(.*?)</tr>").matcher(page);
			assertThat(row.find()).as("the row of entry %s", entry.get("entryId")).isTrue();
			List<String> cells = Pattern.compile("<td[^>]*>(.*?)</td>")
				.matcher(row.group(1))
				.results()
				.map((cell) -> cell.group(1))
				.toList();
			assertThat(cells.get(6)).isEqualTo(plain(entry.get("hours")) + "（"
					+ SubjectType.valueOf((String) entry.get("subjectType")).label() + "）");
			assertThat(cells.get(7))
				.isEqualTo((entry.get("allowedHours") != null) ? plain(entry.get("allowedHours")) : "按核定");
			assertThat(cells.get(8))
				.isEqualTo(plain(entry.get("yearVerifiedHours")) + " / " + plain(entry.get("yearRequiredHours")));
			assertThat(cells.subList(6, 9)).allSatisfy((cell) -> assertThat(cell).doesNotContainPattern("\\.0(?!\\d)"));
		}
		assertThat(page).contains(">12.5（");
	}

	/** A number of the JSON as documents print it. */
	private static String plain(Object number) {
		return Hours.of(new BigDecimal(number.toString())).toString();
	}

	private MvcResult call(MockHttpServletRequestBuilder request, String credentials, String json, int status)
			throws Exception {
		if (credentials != null) {
			String[] parts = credentials.split(":");
			request.with(httpBasic(parts[0], parts[1]));
		}
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
		return result;
	}

}
