package org.ceprint.reissue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.testsupport.EventPublications;
import org.ceprint.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter flow in a real browser (Debian's headless Chromium): sign in with a demo
 * account, look a person up by ID number, reissue a damaged certificate, and download the
 * new booklet's PDF. Skipped without Chromium, except with {@code CI=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CounterBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@TempDir
	Path profile;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		this.browser = HeadlessChromium.open(this.profile, 1280, 900);
		this.generator.clearRegistry();
		this.jdbc.sql("DELETE FROM reissue").update();
		// a regenerated registry reuses numbers: an earlier test's booklet of the same
		// number must not pass for this one's
		this.jdbc.sql("DELETE FROM print_document").update();
		this.generator.generate(41, 40, LocalDate.of(2026, 6, 30));
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
		// no booklet prints on while the next test empties the registry
		EventPublications.awaitCompletion(this.jdbcTemplate);
	}

	@Test
	void signInLookUpReissueAndDownloadTheNewBooklet() throws Exception {
		var holder = this.jdbc.sql("""
				SELECT c.certificate_no AS no, p.id_number AS id, p.name AS name
				FROM certificate c JOIN person p ON p.id = c.person_id
				WHERE c.channel_code = '360100' AND c.status = 'VALID' ORDER BY c.id
				""").query().listOfRows().get(0);
		String base = "http://localhost:" + this.port;

		this.browser.get(base + "/office");
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		this.browser.findElement(By.id("username")).sendKeys("nanchang");
		this.browser.findElement(By.id("password")).sendKeys("demo-nanchang");
		// chromedriver does not always wait for the navigation a click starts: wait for
		// the
		// next page's own elements before reading it
		this.browser.findElement(By.id("sign-in")).click();
		HeadlessChromium.await(this.browser, Duration.ofSeconds(30), By.id("idNumber"));
		assertThat(URI.create(this.browser.getCurrentUrl()).getPath()).isEqualTo("/office");

		this.browser.findElement(By.id("idNumber")).sendKeys((String) holder.get("id"));
		this.browser.findElement(By.id("search")).click();
		HeadlessChromium.await(this.browser, Duration.ofSeconds(30), By.id("reissue-" + holder.get("no")));
		assertThat(this.browser.getPageSource()).contains((String) holder.get("name"), (String) holder.get("no"));
		screenshot("counter-lookup.png");
		this.browser.findElement(By.cssSelector("#reason-" + holder.get("no") + " option[value='damaged']")).click();
		this.browser.findElement(By.id("reissue-" + holder.get("no"))).click();

		WebElement outcome = HeadlessChromium.await(this.browser, Duration.ofSeconds(90), By.id("done"),
				By.id("problem"));
		assertThat(outcome.getAttribute("id")).as(outcome.getText()).isEqualTo("done");
		String done = outcome.getText();
		String newNumber = this.jdbc.sql("SELECT new_certificate_no FROM reissue WHERE old_certificate_no = :no")
			.param("no", holder.get("no"))
			.query(String.class)
			.single();
		assertThat(done).contains("已换发（损毁）", (String) holder.get("no"), newNumber);
		screenshot("counter-reissued.png");

		// the booklet prints after the reissue has committed: the page refreshes itself
		// until its link is there
		String href = HeadlessChromium.await(this.browser, Duration.ofSeconds(90), By.id("pdf")).getAttribute("href");
		Cookie session = this.browser.manage().getCookieNamed("JSESSIONID");
		HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", "JSESSIONID=" + session.getValue()).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			assertThat(new PDFTextStripper().getText(document)).contains(newNumber, (String) holder.get("name"));
		}
	}

	private void screenshot(String name) throws Exception {
		HeadlessChromium.screenshot(this.browser, name);
	}

}
