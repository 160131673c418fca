package org.ceprint.submission;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.accounts.OfficeUsers;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.printing.PrintJob;
import org.ceprint.printing.PrintRequest;
import org.ceprint.printing.PrintRuns;
import org.ceprint.rendering.PdfProbe;
import org.ceprint.submission.internal.Submission;
import org.ceprint.testsupport.HeadlessChromium;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HRSS clerk verifies a unit's submission in Debian's headless Chromium with the
 * keyboard alone (V, V, R 3, C, Enter) and downloads the seal-overlay PDF the closing
 * printed, with the Content-Security-Policy on and no violation reported. Skipped without
 * Chromium, except with {@code CI=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerificationScreenBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	PrintRuns printRuns;

	@Autowired
	Submissions submissions;

	@Autowired
	OfficeUsers users;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path profile;

	WebDriver browser;

	@BeforeEach
	void openBrowser() throws Exception {
		this.browser = HeadlessChromium.open(this.profile, 1400, 900);
		HeadlessChromium.watchContentSecurityPolicy(this.browser);
		this.generator.clearRegistry();
		this.jdbc.sql("DELETE FROM office_user WHERE username LIKE 'hrss-%'").update();
		this.generator.generate(34, 120, LocalDate.of(2026, 6, 30));
		this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES));
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void aClerkVerifiesWithTheKeyboardAndDownloadsTheOverlayPdf() throws Exception {
		Map<String, Object> unit = this.jdbc.sql("""
				SELECT o.id, o.channel_code AS channel, o.department_id
				FROM organisation o JOIN registration_entry e ON e.registered_by_id = o.id
				WHERE o.kind = 'UNIT' AND e.status = 'PENDING'
				GROUP BY o.id, o.channel_code, o.department_id HAVING COUNT(*) >= 3 ORDER BY COUNT(*) DESC, o.id
				""").query().listOfRows().get(0);
		long unitId = ((Number) unit.get("id")).longValue();
		String channel = (String) unit.get("channel");
		OfficeUser registrar = account("unit-reg", OfficeRole.UNIT_REGISTRAR, channel, unitId, null);
		OfficeUser reviewer = account("dept-rev", OfficeRole.DEPT_REVIEWER, channel, null,
				((Number) unit.get("department_id")).longValue());
		account("hrss-clerk", OfficeRole.CLERK, channel, null, null);
		List<Long> entries = this.jdbc.sql("""
				SELECT id FROM registration_entry WHERE registered_by_id = :unit AND status = 'PENDING'
				ORDER BY person_id, start_date, id
				""").param("unit", unitId).query(Long.class).list().subList(0, 3);
		Submission submission = this.submissions.draft(registrar, entries);
		this.submissions.submit(registrar, submission.id(), null);
		this.submissions.review(reviewer, submission.id(), true, "同意报送。");
		String base = "http://localhost:" + this.port;

		this.browser.get(base + "/submissions/" + submission.id());
		HeadlessChromium.await(this.browser, Duration.ofSeconds(30), By.id("username")).sendKeys("hrss-clerk");
		this.browser.findElement(By.id("password")).sendKeys("test-hrss-clerk");
		this.browser.findElement(By.id("password")).sendKeys(Keys.ENTER);
		HeadlessChromium.await(this.browser, Duration.ofSeconds(30), By.id("receive")).sendKeys(Keys.ENTER);
		// the screen's script (a file of its own under the Content-Security-Policy) marks
		// the
		// first entry, which the stylesheet shows
		WebElement first = HeadlessChromium.await(this.browser, Duration.ofSeconds(30),
				By.cssSelector("tr.entry.current"));
		assertThat(first.getCssValue("background-color")).isEqualTo("rgba(227, 242, 253, 1)");
		assertThat(this.browser.findElement(By.id("problem")).isDisplayed()).isFalse();

		WebElement page = this.browser.findElement(By.tagName("body"));
		page.sendKeys("v");
		awaitDecision(0, "验证通过");
		page.sendKeys("v");
		awaitDecision(1, "验证通过");
		page.sendKeys("r");
		assertThat(this.browser.findElement(By.id("reasons")).getCssValue("display")).isEqualTo("block");
		page.sendKeys("3");
		awaitDecision(2, "不予验证：缺少证明材料");
		HeadlessChromium.screenshot(this.browser, "submission-verify.png");
		assertThat(this.browser.findElements(By.cssSelector("tr.entry td.decision")).get(0).getCssValue("color"))
			.isEqualTo("rgba(27, 94, 32, 1)");
		assertThat(HeadlessChromium.contentSecurityPolicyViolations(this.browser)).isEmpty();
		page.sendKeys("c");
		this.browser.switchTo().activeElement().sendKeys(Keys.ENTER);

		String href = HeadlessChromium.await(this.browser, Duration.ofSeconds(120), By.id("paper-SEAL_OVERLAYS"))
			.getAttribute("href");
		assertThat(this.browser.findElement(By.id("status")).getText()).isEqualTo("已办结");
		assertThat(this.browser.findElement(By.id("verification-opinion")).getText()).startsWith("经验证，本批登记 3 条：")
			.contains("2 条符合规定");
		assertThat(HeadlessChromium.contentSecurityPolicyViolations(this.browser)).isEmpty();
		Cookie session = this.browser.manage().getCookieNamed("JSESSIONID");
		HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", "JSESSIONID=" + session.getValue()).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		try (PDDocument overlay = Loader.loadPDF(pdf.body())) {
			int seals = 0;
			for (int i = 0; i < overlay.getNumberOfPages(); i++) {
				seals += PdfProbe.seals(overlay, i).size();
			}
			assertThat(seals).isBetween(1, 2);
			assertThat(overlay.getDocumentCatalog().getDocumentOutline().getFirstChild().getTitle()).startsWith("证书 ");
		}
		assertThat(this.jdbc
			.sql("SELECT status FROM registration_entry WHERE id IN (:ids) ORDER BY person_id, start_date, id")
			.param("ids", entries)
			.query(String.class)
			.list()).containsExactly("VERIFIED", "VERIFIED", "REJECTED");
	}

	private void awaitDecision(int row, String text) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			String shown = this.browser.findElements(By.cssSelector("tr.entry td.decision")).get(row).getText();
			if (shown.equals(text)) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("row %d shows「%s」, not「%s」; page: %s".formatted(row + 1, shown, text,
						this.browser.findElement(By.tagName("body")).getText()));
			}
			Thread.sleep(100);
		}
	}

	private OfficeUser account(String username, OfficeRole role, String channel, Long organisationId,
			Long departmentId) {
		this.users.create(username, "test-" + username, username, role, channel, organisationId, departmentId);
		return this.users.loadUserByUsername(username);
	}

}
