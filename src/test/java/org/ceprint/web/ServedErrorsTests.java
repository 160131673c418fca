package org.ceprint.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a real server (Tomcat, with its error dispatch, which MockMvc skips) answers when
 * no controller does: problem details in Chinese for a program, a Chinese page for a
 * browser, never Boot's whitelabel page, the request path or a class name; and the
 * session cookie's attributes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ServedErrorsTests {

	@LocalServerPort
	int port;

	final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void anUnknownAddressIsAChineseProblemOrPage() throws Exception {
		HttpResponse<String> json = get("/v/x/y/z/nothing-here", "application/json");
		assertThat(json.statusCode()).isEqualTo(404);
		assertThat(json.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		// the request's own path as the problem's instance, nothing of the server's
		assertThat(json.body()).contains("\"status\":404", "没有这个地址或记录", "\"instance\":\"/v/x/y/z/nothing-here\"")
			.doesNotContain("Not Found", "timestamp", "Exception", "\"path\"");

		HttpResponse<String> page = get("/v/x/y/z/nothing-here", "text/html,application/xhtml+xml");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("没有这个地址或记录", "lang=\"zh-CN\"")
			.doesNotContain("Whitelabel", "Not Found", "nothing-here");
	}

	@Test
	void anApiPathWithoutAnAccountIs401NotTheSignInForm() throws Exception {
		for (String path : List.of("/api/v1/submissions", "/api/v1/unknown")) {
			HttpResponse<String> response = get(path, "application/json");
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.body()).as(path).contains("\"status\":401").containsPattern("\\p{IsHan}");
		}
	}

	@Test
	void theSessionCookieStaysOnThisSiteAndAwayFromScripts() throws Exception {
		HttpResponse<String> login = get("/login", "text/html");
		assertThat(login.statusCode()).isEqualTo(200);
		String cookie = login.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
