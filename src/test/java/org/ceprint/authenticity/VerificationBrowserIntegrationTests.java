package org.ceprint.authenticity;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.ceprint.authenticity.internal.Masking;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.testsupport.HeadlessChromium;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person sees on a phone-sized screen in a real browser (Debian's headless
 * Chromium): a genuine certificate with masked data, and a forged code that shows nothing
 * but the warning, styled by the stylesheet under the Content-Security-Policy with no
 * violation reported. Screenshots go to target/screenshots (copies are in docs/). Without
 * Chromium the test is skipped, except with {@code CI=true}, where it fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerificationBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuthenticityCodes codes;

	@TempDir
	Path profile;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		this.browser = HeadlessChromium.open(this.profile, 390, 844);
		HeadlessChromium.watchContentSecurityPolicy(this.browser);
		this.generator.clearRegistry();
		this.generator.generate(3, 4, LocalDate.of(2026, 6, 30));
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void aGenuineCertificateAndAForgedCodeAsAPersonSeesThem() throws Exception {
		Map<String, Object> holder = this.jdbc.sql("""
				SELECT c.certificate_no AS no, p.name AS name, p.id_number AS id, c.issue_date AS issued
				FROM certificate c JOIN person p ON p.id = c.person_id ORDER BY c.id
				""").query().listOfRows().get(0);
		String name = (String) holder.get("name");
		String token = AuthenticityCodes.tokenOf(this.codes.qrContent(
				SignedDocument.of(DocumentKind.CERTIFICATE, (String) holder.get("no"), name, (String) holder.get("id"),
						((java.sql.Date) holder.get("issued")).toLocalDate(), new java.math.BigDecimal("96"))));

		this.browser.get("http://localhost:" + this.port + "/V/" + token);
		WebElement verdict = HeadlessChromium.await(this.browser, Duration.ofSeconds(30), By.id("verdict"));
		assertThat(verdict.getText()).isEqualTo("真实有效 · 继续教育证书");
		// styled by /css/ceprint.css under the Content-Security-Policy, which blocked
		// nothing
		assertThat(verdict.getCssValue("background-color")).isEqualTo("rgba(30, 125, 50, 1)");
		assertThat(this.browser.findElement(By.tagName("body")).getCssValue("background-color"))
			.isEqualTo("rgba(245, 243, 238, 1)");
		assertThat(HeadlessChromium.contentSecurityPolicyViolations(this.browser)).isEmpty();
		String genuinePage = this.browser.findElement(By.tagName("main")).getText();
		assertThat(genuinePage).contains((String) holder.get("no"), Masking.name(name), "发证机关", "年度")
			.doesNotContain(name)
			.doesNotContain((String) holder.get("id"));
		screenshot("verification-genuine.png");

		String forged = token.substring(0, 40) + ((token.charAt(40) == 'Q') ? 'R' : 'Q') + token.substring(41);
		this.browser.get("http://localhost:" + this.port + "/V/" + forged);
		verdict = HeadlessChromium.await(this.browser, Duration.ofSeconds(30), By.id("verdict"));
		assertThat(verdict.getText()).startsWith("不能确认真伪：签名无效");
		assertThat(verdict.getCssValue("background-color")).isEqualTo("rgba(183, 28, 28, 1)");
		String forgedPage = this.browser.findElement(By.tagName("main")).getText();
		assertThat(forgedPage).doesNotContain((String) holder.get("no")).doesNotContain(Masking.name(name));
		assertThat(this.browser.findElements(By.tagName("dl"))).isEmpty();
		screenshot("verification-forged.png");
		assertThat(HeadlessChromium.contentSecurityPolicyViolations(this.browser)).isEmpty();

		// the policy is on: an inline style put in the page is refused, and reported
		((JavascriptExecutor) this.browser)
			.executeScript("const probe = document.createElement('style'); probe.textContent = 'main { color: red; }';"
					+ " document.head.append(probe);");
		assertThat(this.browser.findElement(By.tagName("main")).getCssValue("color")).isEqualTo("rgba(34, 34, 34, 1)");
		assertThat(HeadlessChromium.contentSecurityPolicyViolations(this.browser)).isNotEmpty()
			.allSatisfy((violation) -> assertThat(violation).contains("style-src"));
	}

	private void screenshot(String name) throws Exception {
		HeadlessChromium.screenshot(this.browser, name);
	}

}
