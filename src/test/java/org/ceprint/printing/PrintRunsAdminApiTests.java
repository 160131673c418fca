package org.ceprint.printing;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.ceprint.demo.DemoRegistryGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
			.andExpect(header().string("WWW-Authenticate", "Bearer"));
		this.mvc.perform(get("/admin/print-runs").header("Authorization", "Bearer wrong"))
			.andExpect(status().isUnauthorized());
		long runs = this.jdbc.sql("SELECT COUNT(*) FROM print_run").query(Long.class).single();
		this.mvc
			.perform(post("/admin/print-runs").header("Authorization", TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"job\":\"diplomas\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("diplomas")));
		this.mvc
			.perform(post("/admin/print-runs").header("Authorization", TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"job\":\"certificates\",\"city\":\"999999\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("999999")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM print_run").query(Long.class).single()).isEqualTo(runs);
		this.mvc.perform(get("/admin/print-runs/987654").header("Authorization", TOKEN))
			.andExpect(status().isNotFound());
	}

}
