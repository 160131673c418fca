package org.ceprint.printing;

import java.util.LinkedHashMap;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.printing.internal.PrintingProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin API starts a print run in the background and lets a client watch it to the
 * end; it refuses requests without the admin token and bad requests with a reason.
 */
@SpringBootTest(properties = { "ceprint.admin.token=s3cret-token", "ceprint.printing.documents-per-file=8" })
@AutoConfigureMockMvc
class PrintRunsAdminApiTests {

	private static final String TOKEN = "Bearer s3cret-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PrintRuns printRuns;

	@Autowired
	PrintingProperties printing;

	@BeforeEach
	void registry() {
		this.generator.clearRegistry();
		this.generator.generate(5, 30);
	}

	@Test
	void startsARunAndReportsItsProgressToTheEnd() throws Exception {
		String city = this.jdbc.sql("SELECT channel_code FROM certificate GROUP BY channel_code ORDER BY COUNT(*) DESC")
			.query(String.class)
			.list()
			.get(0);
		long ofCity = this.jdbc.sql("SELECT COUNT(*) FROM certificate WHERE channel_code = :city")
			.param("city", city)
			.query(Long.class)
			.single();

		MvcResult started = this.mvc
			.perform(post("/admin/print-runs").header("Authorization", TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"job\":\"certificates\",\"city\":\"" + city + "\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.planned").value((int) ofCity))
			.andReturn();
		int runId = JsonPath.read(started.getResponse().getContentAsString(), "$.runId");
		assertThat(started.getResponse().getHeader("Location")).isEqualTo("/admin/print-runs/" + runId);

		Map<String, Object> progress = null;
		for (int i = 0; i < 600; i++) {
			String body = this.mvc.perform(get("/admin/print-runs/" + runId).header("Authorization", TOKEN))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			progress = JsonPath.read(body, "$");
			if (Boolean.TRUE.equals(progress.get("complete"))) {
				break;
			}
			Thread.sleep(100);
		}
		assertThat(progress).containsEntry("complete", true)
			.containsEntry("state", "COMPLETED")
			.containsEntry("printed", (int) ofCity)
			.containsEntry("done", (int) ofCity)
			.containsEntry("secondsLeft", 0);
		// complete by its files, not only by the API's word
		assertThat(PrintRunContract.numbersOf(
				RunFolderAudit.of(this.printing.outputDir().resolve((String) progress.get("folder"))).complete(),
				"CERTIFICATE"))
			.hasSize((int) ofCity);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM print_document WHERE run_id = :run")
			.param("run", runId)
			.query(Long.class)
			.single()).isEqualTo(ofCity);

		this.mvc.perform(get("/admin/print-runs").header("Authorization", TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].runId").value(runId));
	}

	@Test
	void refusesRequestsWithoutTheTokenAndBadRequestsWithTheReason() throws Exception {
		this.mvc.perform(get("/admin/print-runs"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		this.mvc.perform(get("/admin/print-runs").header("Authorization", "Bearer wrong"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/admin/print-runs").header("Authorization", "Bearer s3cret-token-and-more"))
			.andExpect(status().isUnauthorized());
		long runs = this.jdbc.sql("SELECT COUNT(*) FROM print_run").query(Long.class).single();
		int latest = this.jdbc.sql("SELECT MAX(EXTRACT(YEAR FROM start_date)) FROM registration_entry")
			.query(Integer.class)
			.single();
		long unit = this.jdbc.sql("SELECT MIN(id) FROM organisation").query(Long.class).single();
		String otherCity = this.jdbc
			.sql("SELECT MIN(code) FROM channel WHERE code <> (SELECT channel_code FROM"
					+ " organisation WHERE id = :unit)")
			.param("unit", unit)
			.query(String.class)
			.single();
		// body → a word the refusal must contain
		Map<String, String> refused = new LinkedHashMap<>();
		refused.put("{\"job\":\"diplomas\"}", "diplomas");
		refused.put("{}", "job");
		refused.put("{\"job\":\"certificates\",\"city\":\"999999\"}", "999999");
		refused.put("{\"job\":\"all\",\"year\":-5}", "year");
		refused.put("{\"job\":\"all\",\"year\":99999}", "99999");
		refused.put("{\"job\":\"all\",\"year\":" + (latest + 1) + "}", "year");
		refused.put("{\"job\":\"all\",\"year\":\"abc\"}", "year");
		refused.put("{\"job\":\"all\",\"yaer\":2020}", "yaer");
		refused.put("{\"job\":\"all\",\"unit\":987654321}", "987654321");
		refused.put("{\"job\":\"all\",\"unit\":" + unit + ",\"city\":\"" + otherCity + "\"}", otherCity);
		refused.put("{\"job\":\"certificates\",\"numbers\":[\"36010020140000012\"]}", "36010020140000012");
		refused.put("{\"job\":\"certificates\",\"numbers\":[]}", "numbers");
		refused.put("{\"job\":\"certificates\",\"printer\":\"no-such-printer\"}", "no-such-printer");
		refused.put("{\"job\":", "JSON");
		for (Map.Entry<String, String> request : refused.entrySet()) {
			MvcResult result = this.mvc
				.perform(post("/admin/print-runs").header("Authorization", TOKEN)
					.contentType(MediaType.APPLICATION_JSON)
					.content(request.getKey()))
				.andReturn();
			String body = result.getResponse().getContentAsString();
			assertThat(result.getResponse().getStatus()).as(request.getKey()).isEqualTo(400);
			assertThat(result.getResponse().getContentType()).as(request.getKey())
				.startsWith("application/problem+json");
			String detail = JsonPath.read(body, "$.detail");
			assertThat(detail).as(request.getKey()).contains(request.getValue()).containsPattern("\\p{IsHan}");
			assertThat(body).as(request.getKey())
				.doesNotContain("Exception", "jackson", "java.", "tools.", "For input string", "Cannot deserialize");
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM print_run").query(Long.class).single()).isEqualTo(runs);
		this.mvc.perform(get("/admin/print-runs/987654").header("Authorization", TOKEN))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("987654")));
		this.mvc.perform(get("/admin/print-runs/abc").header("Authorization", TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("abc")));
	}

	@Test
	void resumingACompletedRunIsAConflictAndTheFolderIsNoServerPath() throws Exception {
		String number = this.jdbc.sql("SELECT certificate_no FROM certificate ORDER BY certificate_no")
			.query(String.class)
			.list()
			.get(0);
		PrintRunResult done = this.printRuns
			.run(PrintRequest.certificates(java.util.List.of(number), true, PrintStyle.DEFAULT));
		PrintRunContract.audited(done);
		this.mvc.perform(post("/admin/print-runs/" + done.runId() + "/resume").header("Authorization", TOKEN))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("已完成")));
		String body = this.mvc.perform(get("/admin/print-runs/" + done.runId()).header("Authorization", TOKEN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(body, "$.folder")).isEqualTo(done.folder().getFileName().toString())
			.doesNotContain("/");
	}

}
