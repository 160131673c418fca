package org.ceprint.accounts;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ceprint.accounts.internal.SecurityHeaders;
import org.ceprint.authenticity.AuthenticityCodes;
import org.ceprint.authenticity.DocumentKind;
import org.ceprint.authenticity.SignedDocument;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.submission.Submissions;
import org.ceprint.submission.internal.Submission;
import org.ceprint.testsupport.EventPublications;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of response of a running server carries the Content-Security-Policy,
 * Referrer-Policy and Permissions-Policy headers: each page as the role that may open it,
 * the public and the submission JSON API, the admin API, static files, a redirect to
 * sign-in, a 401, a 403 from a role and from a missing CSRF token, and Boot's error page
 * for a 404. A real server, not MockMvc, so that the error page is Tomcat's dispatch to
 * {@code /error}, as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "ceprint.admin.token=headers-token")
class SecurityHeadersIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	OfficeUsers users;

	@Autowired
	Submissions submissions;

	@Autowired
	AuthenticityCodes codes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	/** What was asked, with the status it answered, for the failure message. */
	final Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();

	@BeforeEach
	void registry() {
		this.generator.clearRegistry();
		this.jdbc.sql("DELETE FROM reissue").update();
		this.jdbc.sql("DELETE FROM office_user WHERE username LIKE 'hdr-%'").update();
		this.generator.generate(31, 60, LocalDate.of(2026, 6, 30));
	}

	/**
	 * The reissue's booklet prints after the request: not on while the next test runs.
	 */
	@AfterEach
	void bookletsPrinted() {
		EventPublications.awaitCompletion(this.jdbcTemplate);
	}

	@Test
	void everyKindOfResponseCarriesTheSecurityHeaders() throws Exception {
		Map<String, Object> holder = this.jdbc.sql("""
				SELECT c.certificate_no AS no, p.name AS name, p.id_number AS id, c.issue_date AS issued
				FROM certificate c JOIN person p ON p.id = c.person_id
				WHERE c.channel_code = '360100' AND c.status = 'VALID' ORDER BY c.id
				""").query().listOfRows().get(0);
		String number = (String) holder.get("no");
		String qr = this.codes.qrContent(SignedDocument.of(DocumentKind.CERTIFICATE, number,
				(String) holder.get("name"), (String) holder.get("id"),
				((java.sql.Date) holder.get("issued")).toLocalDate(), new BigDecimal("96")));
		String token = qr.substring(qr.lastIndexOf('/') + 1);
		long submission = receivedSubmission();

		HttpClient anonymous = client();
		expect(anonymous, get("/login"), 200, "text/html");
		expect(anonymous, get("/v/lookup"), 200, "text/html");
		expect(anonymous, form("/v/lookup", Map.of("number", number, "name", "某某")), 200, "text/html");
		expect(anonymous, get("/V/" + token), 200, "text/html");
		expect(anonymous, get("/V/" + "A".repeat(token.length())), 200, "text/html");
		expect(anonymous, get("/api/v1/verify/" + token), 200, "application/json");
		expect(anonymous, get("/api/v1/lookup?number=" + number + "&name=x"), 200, "application/json");
		expect(anonymous, get("/css/ceprint.css"), 200, "text/css");
		expect(anonymous, get("/js/submission-verify.js"), 200, "javascript");
		expect(anonymous, get("/actuator/health"), 200, "json");
		expect(anonymous, get("/office"), 302, null);
		expect(anonymous, get("/api/v1/submissions/" + submission), 401, null);
		expect(anonymous, get("/api/v1/no-such-thing"), 401, "application/problem+json");
		expect(anonymous, get("/v/no/such/thing"), 404, "application/problem+json");
		expect(anonymous, get("/admin/print-runs"), 401, "application/problem+json");
		expect(anonymous, get("/admin/print-runs").header("Authorization", "Bearer headers-token"), 200,
				"application/json");
		expect(anonymous, get("/clerk/scans").header("Authorization", basic("clerk", "headers-token")), 200,
				"text/html");

		HttpClient clerk = signedIn("nanchang", "demo-nanchang");
		expect(clerk, get("/office"), 200, "text/html");
		String lookup = expect(clerk, get("/office/lookup?number=" + number), 200, "text/html");
		expect(clerk, get("/office/audit"), 403, null);
		expect(clerk, get("/office/no-such-page").header("Accept", "text/html"), 404, "text/html");
		expect(clerk, form("/office/reissue", Map.of("number", number, "reason", "damaged")), 403, null);
		expect(clerk, form("/office/reissue", Map.of("number", number, "reason", "damaged", "_csrf", csrf(lookup))),
				200, "text/html");
		HttpClient supervisor = signedIn("nanchang-lead", "demo-nanchang-lead");
		expect(supervisor, get("/office/audit"), 200, "text/html");

		HttpClient registrar = signedIn("hdr-unit", "pw-hdr-unit");
		expect(registrar, get("/submissions"), 200, "text/html");
		expect(registrar, get("/submissions/" + submission), 200, "text/html");
		HttpClient hrss = signedIn("hdr-hrss", "pw-hdr-hrss");
		expect(hrss, get("/submissions/" + submission + "/verify"), 200, "text/html");
		expect(anonymous,
				get("/api/v1/submissions/" + submission).header("Authorization", basic("hdr-hrss", "pw-hdr-hrss")), 200,
				"application/json");
		expect(anonymous, get("/api/v1/submissions/" + submission).header("Authorization", basic("hdr-unit", "wrong")),
				401, null);

		List<String> missing = new ArrayList<>();
		this.responses.forEach((request, response) -> {
			Map<String, String> expected = Map.of("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY,
					"Referrer-Policy", "same-origin", "Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY);
			expected.forEach((name, value) -> {
				List<String> sent = response.headers().allValues(name);
				if (!sent.equals(List.of(value))) {
					missing.add("%s → %d: %s = %s".formatted(request, response.statusCode(), name, sent));
				}
			});
		});
		assertThat(missing).as("responses without the headers").isEmpty();
		assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("default-src 'self'", "script-src 'self'",
				"style-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
				"frame-ancestors 'none'");
		assertThat(SecurityHeaders.PERMISSIONS_POLICY).contains("camera=()", "microphone=()", "geolocation=()",
				"payment=()", "usb=()");
	}

	/**
	 * A unit's submission received by an HRSS clerk of its city, ready for the screen.
	 */
	private long receivedSubmission() {
		Map<String, Object> unit = this.jdbc.sql("""
				SELECT o.id, o.channel_code AS channel, o.department_id
				FROM organisation o JOIN registration_entry e ON e.registered_by_id = o.id
				WHERE o.kind = 'UNIT' AND e.status = 'PENDING' AND o.department_id IS NOT NULL
				GROUP BY o.id, o.channel_code, o.department_id ORDER BY COUNT(*) DESC, o.id
				""").query().listOfRows().get(0);
		long unitId = ((Number) unit.get("id")).longValue();
		String channel = (String) unit.get("channel");
		OfficeUser registrar = account("hdr-unit", OfficeRole.UNIT_REGISTRAR, channel, unitId, null);
		OfficeUser reviewer = account("hdr-dept", OfficeRole.DEPT_REVIEWER, channel, null,
				((Number) unit.get("department_id")).longValue());
		OfficeUser clerk = account("hdr-hrss", OfficeRole.CLERK, channel, null, null);
		List<Long> entries = this.jdbc.sql("""
				SELECT id FROM registration_entry WHERE registered_by_id = :unit AND status = 'PENDING'
				ORDER BY person_id, start_date, id
				""").param("unit", unitId).query(Long.class).list().subList(0, 1);
		Submission submission = this.submissions.draft(registrar, entries);
		this.submissions.submit(registrar, submission.id(), null);
		this.submissions.review(reviewer, submission.id(), true, "同意报送。");
		this.submissions.receive(clerk, submission.id());
		return submission.id();
	}

	private OfficeUser account(String username, OfficeRole role, String channel, Long organisationId,
			Long departmentId) {
		this.users.create(username, "pw-" + username, username, role, channel, organisationId, departmentId);
		return this.users.loadUserByUsername(username);
	}

	private String expect(HttpClient client, HttpRequest.Builder request, int status, String contentType)
			throws Exception {
		HttpRequest built = request.build();
		HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		String label = built.method() + " " + built.uri().getRawPath() + " #" + this.responses.size();
		assertThat(response.statusCode()).as("%s: %s", label, response.body()).isEqualTo(status);
		if (contentType != null) {
			assertThat(response.headers().firstValue("Content-Type")).as(label)
				.hasValueSatisfying((type) -> assertThat(type).contains(contentType));
		}
		this.responses.put(label, response);
		return response.body();
	}

	private HttpClient signedIn(String username, String password) throws Exception {
		HttpClient client = client();
		String login = expect(client, get("/login"), 200, "text/html");
		expect(client, form("/login", Map.of("username", username, "password", password, "_csrf", csrf(login))), 302,
				null);
		return client;
	}

	private static HttpClient client() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpRequest.Builder form(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return get(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private static String csrf(String page) {
		Matcher token = CSRF.matcher(page);
		assertThat(token.find()).as("a form with a CSRF token").isTrue();
		return token.group(1);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
