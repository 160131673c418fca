package org.ceprint.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUsers;
import org.ceprint.demo.DemoRegistryGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint the application maps, as every kind of caller: anonymous, the admin
 * token, and each office role. Whether the caller reaches the controller at all is the
 * security chains' decision and is checked against {@link #EXPECTED}; an endpoint added
 * without an entry there fails this test. Then every state-changing endpoint, called
 * cross-site with a signed-in session and no CSRF token (a forged form or fetch from
 * another site), is refused before any controller runs.
 */
@SpringBootTest(properties = { "ceprint.admin.token=matrix-token", "ceprint.accounts.demo-accounts=true" })
@AutoConfigureMockMvc
class EndpointSecurityTests {

	/** Who a request comes from. */
	enum Caller {

		ANONYMOUS, ADMIN_TOKEN, CLERK, SUPERVISOR, UNIT_REGISTRAR, BASE_REGISTRAR, DEPT_REVIEWER

	}

	/** Who may reach an endpoint, and how the others are refused. */
	enum Access {

		/** Everyone: the verification page and API, sign-in, errors. */
		PUBLIC(EnumSet.allOf(Caller.class), 0),
		/** The admin token only; everyone else 401 (even signed-in office accounts). */
		ADMIN(EnumSet.of(Caller.ADMIN_TOKEN), 401),
		/** HRSS counter staff; other accounts 403, the anonymous to the sign-in form. */
		HRSS(EnumSet.of(Caller.CLERK, Caller.SUPERVISOR), 302),
		/** Supervisors only. */
		SUPERVISOR(EnumSet.of(Caller.SUPERVISOR), 302),
		/** Any office account's pages; the anonymous to the sign-in form. */
		OFFICE_PAGE(EnumSet.range(Caller.CLERK, Caller.DEPT_REVIEWER), 302),
		/** Any office account over the JSON API; the anonymous 401. */
		OFFICE_API(EnumSet.range(Caller.CLERK, Caller.DEPT_REVIEWER), 401),
		/** Enrolment over the JSON API: a city office's staff and unit registrars. */
		PEOPLE_API(EnumSet.of(Caller.CLERK, Caller.SUPERVISOR, Caller.UNIT_REGISTRAR), 401),
		/**
		 * The provincial administrator's account only (AccountPagesTests signs one in):
		 * every caller here refused, the anonymous to the sign-in form.
		 */
		ACCOUNT_ADMIN(EnumSet.noneOf(Caller.class), 302);

		final Set<Caller> reach;

		/** The answer to the anonymous (and the admin token outside its paths). */
		final int anonymous;

		Access(Set<Caller> reach, int anonymous) {
			this.reach = reach;
			this.anonymous = anonymous;
		}

	}

	/** Every endpoint, {@code METHOD pattern}, and who may reach it. */
	static final Map<String, Access> EXPECTED = new LinkedHashMap<>();

	static {
		for (String endpoint : List.of("GET /V/{token}", "GET /v/{token}", "GET /api/v1/verify/{token}",
				"GET /v/{kind:[a-z]}/{number}", "GET /v/lookup", "POST /v/lookup", "GET /api/v1/lookup", "GET /login",
				"GET /error", "POST /error", "PUT /error", "PATCH /error", "DELETE /error", "HEAD /error",
				"OPTIONS /error")) {
			EXPECTED.put(endpoint, Access.PUBLIC);
		}
		for (String endpoint : List.of("GET /admin/print-runs", "POST /admin/print-runs",
				"POST /admin/print-runs/{runId}/resume", "GET /admin/print-runs/{runId}", "GET /clerk/scans")) {
			EXPECTED.put(endpoint, Access.ADMIN);
		}
		for (String endpoint : List.of("GET /office", "GET /office/lookup", "POST /office/reissue",
				"GET /office/pdf/{number}", "GET /office/reissued/{number}",
				"GET /office/exports/{kind:assessments|summary-tables}.xlsx", "GET /office/scans",
				"GET /office/scans.json", "GET /office/register",
				"GET /office/register/{kind:units|roster}-template.xlsx", "POST /office/register/units",
				"POST /office/register/people", "POST /office/register/issue", "POST /office/register/unit",
				"POST /office/register/person", "POST /office/register/transfer", "POST /office/register/close",
				"POST /office/register/department", "POST /office/register/unit-update")) {
			EXPECTED.put(endpoint, Access.HRSS);
		}
		EXPECTED.put("GET /office/audit", Access.SUPERVISOR);
		EXPECTED.put("GET /office/audit.xlsx", Access.SUPERVISOR);
		for (String endpoint : List.of("GET /submissions", "POST /submissions/draft", "POST /submissions/import",
				"GET /submissions/{id}", "GET /submissions/{id}/verify", "POST /submissions/{id}/submit",
				"POST /submissions/{id}/review", "POST /submissions/{id}/receive", "POST /submissions/{id}/close",
				"POST /submissions/roster", "GET /submissions/roster-template.xlsx")) {
			EXPECTED.put(endpoint, Access.OFFICE_PAGE);
		}
		EXPECTED.put("GET /account/password", Access.OFFICE_PAGE);
		EXPECTED.put("POST /account/password", Access.OFFICE_PAGE);
		for (String endpoint : List.of("GET /admin/accounts", "POST /admin/accounts",
				"POST /admin/accounts/{username}/disable", "POST /admin/accounts/{username}/enable",
				"POST /admin/accounts/{username}/role")) {
			EXPECTED.put(endpoint, Access.ACCOUNT_ADMIN);
		}
		for (String endpoint : List.of("GET /api/v1/submissions", "POST /api/v1/submissions",
				"POST /api/v1/submissions/import", "GET /api/v1/submissions/{id}",
				"GET /api/v1/submissions/{id}/history", "POST /api/v1/submissions/{id}/submit",
				"POST /api/v1/submissions/{id}/review", "POST /api/v1/submissions/{id}/receive",
				"PUT /api/v1/submissions/{id}/entries/{entryId}/decision",
				"PATCH /api/v1/submissions/{id}/entries/{entryId}", "DELETE /api/v1/submissions/{id}/entries/{entryId}",
				"POST /api/v1/submissions/{id}/close", "GET /api/v1/submissions/{id}/papers/{kind}")) {
			EXPECTED.put(endpoint, Access.OFFICE_API);
		}
		EXPECTED.put("POST /api/v1/people", Access.PEOPLE_API);
	}

	/**
	 * State-changing endpoints that a cross-site request may reach: the public look-up
	 * form (no session, changes nothing but its own rate count).
	 */
	static final Set<String> CROSS_SITE_ALLOWED = Set.of("POST /v/lookup", "POST /error", "PUT /error", "PATCH /error",
			"DELETE /error");

	/** Sample values of path variables; none names a record that exists. */
	static final Map<String, String> SAMPLES = Map.of("token", "AEAQCAIBAEAQCAIB", "number", "36010020990000011", "id",
			"987654321", "entryId", "987654321", "runId", "987654321", "kind", "c", "username", "nobody-here");

	static final String PASSWORD = "矩阵测试的密码 2026";

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}]*))?}");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OfficeUsers users;

	/** A signed-in session of each office role, made through the sign-in form. */
	final Map<Caller, MockHttpSession> sessions = new LinkedHashMap<>();

	@BeforeEach
	void accounts() throws Exception {
		if (this.jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single() == 0) {
			this.generator.generate(20, 40, LocalDate.of(2026, 6, 30));
		}
		long unit = this.jdbc.sql("SELECT MIN(id) FROM organisation WHERE kind = 'UNIT'").query(Long.class).single();
		long base = this.jdbc.sql("SELECT MIN(id) FROM organisation WHERE kind = 'BASE'").query(Long.class).single();
		long department = this.jdbc.sql("SELECT MIN(id) FROM department").query(Long.class).single();
		signIn(Caller.CLERK, OfficeRole.CLERK, null, null);
		signIn(Caller.SUPERVISOR, OfficeRole.SUPERVISOR, null, null);
		signIn(Caller.UNIT_REGISTRAR, OfficeRole.UNIT_REGISTRAR, unit, null);
		signIn(Caller.BASE_REGISTRAR, OfficeRole.BASE_REGISTRAR, base, null);
		signIn(Caller.DEPT_REVIEWER, OfficeRole.DEPT_REVIEWER, null, department);
	}

	@Test
	void everyEndpointHasAnExpectationAndEveryCallerGetsIt() throws Exception {
		Map<String, Endpoint> endpoints = endpoints();
		assertThat(new TreeSet<>(endpoints.keySet())).as("endpoints mapped vs. expectations in this test")
			.isEqualTo(new TreeSet<>(EXPECTED.keySet()));
		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : endpoints.values()) {
			Access access = EXPECTED.get(endpoint.key());
			for (Caller caller : Caller.values()) {
				MvcResult result = this.mvc.perform(as(caller, endpoint.request(), true)).andReturn();
				boolean reached = result.getHandler() instanceof HandlerMethod;
				int status = result.getResponse().getStatus();
				if (access.reach.contains(caller)) {
					if (!reached) {
						wrong.add(endpoint.key() + " as " + caller + ": refused with " + status + ", should reach");
					}
					continue;
				}
				int expected = (caller == Caller.ANONYMOUS || caller == Caller.ADMIN_TOKEN || access == Access.ADMIN)
						? access.anonymous : 403;
				if (reached || status != expected) {
					wrong.add(endpoint.key() + " as " + caller + ": " + (reached ? "reached the controller" : status)
							+ ", expected " + expected);
				}
				if (status == 302 && !String.valueOf(result.getResponse().getRedirectedUrl()).endsWith("/login")) {
					wrong.add(endpoint.key() + " as " + caller + ": redirected to "
							+ result.getResponse().getRedirectedUrl());
				}
				if (status == 401 || status == 403) {
					assertThat(result.getResponse().getContentAsString()).as(endpoint.key() + " as " + caller)
						.doesNotContain("Exception", "java.", "/work/", "/tmp/");
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void crossSiteWritesWithTheSessionAndNoTokenAreRefusedBeforeAnyController() throws Exception {
		List<String> wrong = new ArrayList<>();
		int tried = 0;
		for (Endpoint endpoint : endpoints().values()) {
			if (endpoint.safe() || CROSS_SITE_ALLOWED.contains(endpoint.key())) {
				continue;
			}
			for (Caller caller : List.of(Caller.CLERK, Caller.SUPERVISOR, Caller.UNIT_REGISTRAR, Caller.BASE_REGISTRAR,
					Caller.DEPT_REVIEWER)) {
				MvcResult result = this.mvc
					.perform(as(caller, crossSite(endpoint.request()).contentType(MediaType.TEXT_PLAIN), false))
					.andReturn();
				tried++;
				int status = result.getResponse().getStatus();
				int expected = (EXPECTED.get(endpoint.key()) == Access.ADMIN) ? 401 : 403;
				if (result.getHandler() instanceof HandlerMethod || status != expected) {
					wrong.add(endpoint.key() + " as " + caller + " cross-site: " + status + ", expected " + expected);
				}
			}
			// the API's Basic credentials, which a browser may remember and add by itself
			if (EXPECTED.get(endpoint.key()) == Access.OFFICE_API) {
				MvcResult basic = this.mvc
					.perform(crossSite(endpoint.request()).with(httpBasic("nanchang", "demo-nanchang")))
					.andReturn();
				if (basic.getHandler() instanceof HandlerMethod || basic.getResponse().getStatus() != 403) {
					wrong.add(endpoint.key() + " with Basic cross-site: " + basic.getResponse().getStatus());
				}
			}
		}
		MvcResult login = this.mvc
			.perform(crossSite(request(HttpMethod.POST, "/login")).param("username", "nanchang")
				.param("password", "demo-nanchang"))
			.andReturn();
		assertThat(login.getResponse().getStatus()).as("a sign-in forged by another site").isEqualTo(403);
		assertThat(tried).isGreaterThan(60);
		assertThat(wrong).isEmpty();
	}

	@Test
	void theSameWritesFromOurPagesOrAPlatformPassTheChains() throws Exception {
		// the session with the page's token, and Basic without a browser's cross-site
		// headers
		Endpoint receive = endpoints().get("POST /api/v1/submissions/{id}/receive");
		MvcResult withToken = this.mvc.perform(as(Caller.CLERK, receive.request(), true)).andReturn();
		assertThat(withToken.getHandler()).isInstanceOf(HandlerMethod.class);
		MvcResult sameOrigin = this.mvc
			.perform(receive.request()
				.header("Origin", "http://localhost")
				.header("Sec-Fetch-Site", "same-origin")
				.with(httpBasic("nanchang", "demo-nanchang")))
			.andReturn();
		assertThat(sameOrigin.getHandler()).isInstanceOf(HandlerMethod.class);
		assertThat(sameOrigin.getResponse().getStatus()).as("no such batch").isEqualTo(404);
	}

	private AbstractMockHttpServletRequestBuilder<?> as(Caller caller, AbstractMockHttpServletRequestBuilder<?> request,
			boolean token) {
		if (token) {
			request.with(csrf());
		}
		return switch (caller) {
			case ANONYMOUS -> request;
			case ADMIN_TOKEN -> request.header("Authorization", "Bearer matrix-token");
			default -> request.session(this.sessions.get(caller));
		};
	}

	private static AbstractMockHttpServletRequestBuilder<?> crossSite(
			AbstractMockHttpServletRequestBuilder<?> request) {
		return request.header("Origin", "http://evil.example").header("Sec-Fetch-Site", "cross-site");
	}

	private void signIn(Caller caller, OfficeRole role, Long organisation, Long department) throws Exception {
		String username = "matrix-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
		this.jdbc.sql("DELETE FROM office_user WHERE username = :username").param("username", username).update();
		this.users.create(username, PASSWORD, "矩阵" + role.label(), role, "360100", organisation, department);
		MvcResult signedIn = this.mvc.perform(formLogin("/login").user(username).password(PASSWORD))
			.andExpect(authenticated().withUsername(username))
			.andReturn();
		this.sessions.put(caller, (MockHttpSession) signedIn.getRequest().getSession(false));
	}

	private Map<String, Endpoint> endpoints() {
		Map<String, Endpoint> endpoints = new LinkedHashMap<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			boolean multipart = info.getConsumesCondition()
				.getConsumableMediaTypes()
				.contains(MediaType.MULTIPART_FORM_DATA);
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? EnumSet.allOf(RequestMethod.class) : methods) {
					if (method == RequestMethod.TRACE) {
						continue;
					}
					Endpoint endpoint = new Endpoint(method.name(), pattern, multipart);
					endpoints.put(endpoint.key(), endpoint);
				}
			}
		}
		return endpoints;
	}

	/** One method and pattern, and a request to it with sample values. */
	record Endpoint(String method, String pattern, boolean multipart) {

		String key() {
			return this.method + " " + this.pattern;
		}

		boolean safe() {
			return Set.of("GET", "HEAD", "OPTIONS").contains(this.method);
		}

		AbstractMockHttpServletRequestBuilder<?> request() {
			Matcher variable = VARIABLE.matcher(this.pattern);
			StringBuilder path = new StringBuilder();
			while (variable.find()) {
				String regex = variable.group(2);
				String sample = (regex != null && regex.contains("|")) ? regex.substring(0, regex.indexOf('|'))
						: SAMPLES.get(variable.group(1));
				assertThat(sample).as("a sample value for {" + variable.group(1) + "} in " + this.pattern).isNotNull();
				variable.appendReplacement(path, Matcher.quoteReplacement(sample));
			}
			variable.appendTail(path);
			if (this.multipart) {
				return MockMvcRequestBuilders.multipart(HttpMethod.valueOf(this.method), path.toString())
					.file(new MockMultipartFile("file", "登记汇总表.xlsx", "application/octet-stream", new byte[0]));
			}
			return MockMvcRequestBuilders.request(HttpMethod.valueOf(this.method), path.toString());
		}

	}

}
