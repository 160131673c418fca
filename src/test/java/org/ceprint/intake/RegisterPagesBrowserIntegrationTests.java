package org.ceprint.intake;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.ceprint.testsupport.HeadlessChromium;
import org.ceprint.testsupport.SampleCodes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A city office starts its register in a real browser (Debian's headless Chromium): sign
 * in, upload its units and a roster (a bad row reported by row and field, the good ones
 * stored), and issue certificates to the people enrolled, singly and for the office.
 * Skipped without Chromium, except with {@code CI=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "ceprint.test.context=register-pages")
class RegisterPagesBrowserIntegrationTests {

	static final String JIUJIANG = "360400";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path profile;

	@TempDir
	Path files;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		this.browser = HeadlessChromium.open(this.profile, 1280, 1000);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void uploadUnitsAndARosterThenIssueCertificates() throws Exception {
		String unit = SampleCodes.creditCode(JIUJIANG, 6001);
		String first = SampleCodes.idNumber("360402", "19870505", 1, true);
		String second = SampleCodes.idNumber("360402", "19870505", 2, false);
		Path units = write("九江单位名册.csv",
				"名称,统一社会信用代码,类别,主管部门,地址,联系人,联系电话\n九江市第三人民医院,%s,单位,九江市卫生健康委员会,九江市浔阳区,刘洋,0792-8000001\n".formatted(unit));
		Path roster = write("九江人员名册.csv",
				"姓名,身份证件号码,性别,出生日期,所在单位统一社会信用代码,职称,职称级别,专业\n" + "陈浔,%s,男,,%s,主治医师,中级,内科\n".formatted(first, unit)
						+ "林•庐,%s,女,,%s,护师,初级,护理\n".formatted(second, unit)
						+ "Li Lu,%s,,,%s,,,\n".formatted(SampleCodes.idNumber("360402", "19870505", 3, true), unit));
		String base = "http://localhost:" + this.port;

		this.browser.get(base + "/office");
		this.browser.findElement(By.id("username")).sendKeys("jiujiang");
		this.browser.findElement(By.id("password")).sendKeys("demo-jiujiang");
		this.browser.findElement(By.id("sign-in")).click();
		HeadlessChromium.await(this.browser, Duration.ofSeconds(30), By.id("idNumber"));
		this.browser.findElement(By.linkText("登记管理")).click();
		HeadlessChromium.await(this.browser, Duration.ofSeconds(30), By.id("units-file"));
		assertThat(URI.create(this.browser.getCurrentUrl()).getPath()).isEqualTo("/office/register");

		this.browser.findElement(By.id("units-file")).sendKeys(units.toString());
		assertThat(HeadlessChromium
			.submit(this.browser, By.id("units-upload"), Duration.ofSeconds(30), By.id("import-summary"),
					By.id("problem"))
			.getText()).contains("九江单位名册.csv：共 1 行，登记 1 条");

		this.browser.findElement(By.id("people-file")).sendKeys(roster.toString());
		assertThat(HeadlessChromium
			.submit(this.browser, By.id("people-upload"), Duration.ofSeconds(30), By.id("import-summary"),
					By.id("problem"))
			.getText()).contains("九江人员名册.csv：共 3 行，登记 2 条，已登记过 0 条，未导入 1 行");
		assertThat(this.browser.findElement(By.id("import-problems")).getText()).contains("第 4 行的「姓名」", "U+004C");
		assertThat(this.browser.findElement(By.id("counts")).getText()).contains("专业技术人员 2 人，其中尚无证书 2 人");
		assertThat(this.jdbc.sql("SELECT name FROM person WHERE id_number = :id")
			.param("id", second)
			.query(String.class)
			.single()).as("the middle dot as typed, stored as U+00B7").isEqualTo("林·庐");

		this.browser.findElement(By.id("issue-id-number")).sendKeys(first);
		assertThat(HeadlessChromium
			.submit(this.browser, By.id("issue-person"), Duration.ofSeconds(30), By.id("issued"), By.id("problem"))
			.getText()).startsWith("已发放证书 " + JIUJIANG);
		assertThat(HeadlessChromium
			.submit(this.browser, By.id("issue-all"), Duration.ofSeconds(30), By.id("issued"), By.id("problem"))
			.getText()).contains("已发放证书 1 本");
		HeadlessChromium.screenshot(this.browser, "office-register.png");
		this.browser.findElement(By.id("issue-id-number")).sendKeys(first);
		assertThat(
				HeadlessChromium.submit(this.browser, By.id("issue-person"), Duration.ofSeconds(30), By.id("problem"))
					.getText())
			.contains("此人已持有有效证书 " + JIUJIANG);
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM certificate c JOIN person p ON p.id = c.current_holder_id
				WHERE p.id_number IN (:ids) AND c.channel_code = :office AND c.printed_at IS NULL
				""")
			.param("ids", java.util.List.of(first, second))
			.param("office", JIUJIANG)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private Path write(String name, String content) throws Exception {
		Path file = this.files.resolve(name);
		Files.writeString(file, "\uFEFF" + content, StandardCharsets.UTF_8);
		return file;
	}

}
