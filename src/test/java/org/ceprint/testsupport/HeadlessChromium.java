package org.ceprint.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Debian's headless Chromium for browser tests, driven through its own chromedriver
 * (nothing is downloaded). Without them a test is skipped, except with {@code CI=true},
 * where it fails: {@code .ci/run} installs them.
 */
public final class HeadlessChromium {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private HeadlessChromium() {
	}

	/** Opens a browser window of the given size with a fresh profile folder. */
	public static WebDriver open(Path profile, int width, int height) {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
			assumeThat(installed).as("Debian's chromium and chromium-driver (bash .ci/run installs them)").isTrue();
		}
		assertThat(installed).as("CI=true: chromium and chromedriver must be installed (.ci/run does)").isTrue();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
				"--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=zh-CN");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		WebDriver browser = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
					.usingAnyFreePort()
					.build(),
				options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		browser.manage().window().setSize(new Dimension(width, height));
		return browser;
	}

	/**
	 * Records, on every page opened from now on, the Content-Security-Policy violations
	 * the page reports ({@code securitypolicyviolation} events), for
	 * {@link #contentSecurityPolicyViolations}. The recorder is added by the DevTools
	 * protocol, which the page's policy does not govern.
	 */
	public static void watchContentSecurityPolicy(WebDriver browser) {
		((HasCdp) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				window.cspViolations = [];
				document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(
				    event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline') + ' at '
				    + event.sourceFile + ':' + event.lineNumber), true);
				"""));
	}

	/**
	 * The violations the current page reported since it loaded, and every message about a
	 * security policy in the browser's console log since the last call (Chrome logs a
	 * blocked inline style or script, and a Permissions-Policy feature it does not know,
	 * there).
	 */
	public static List<String> contentSecurityPolicyViolations(WebDriver browser) {
		List<String> violations = new ArrayList<>();
		Object reported = ((JavascriptExecutor) browser).executeScript("return window.cspViolations || null;");
		assertThat(reported).as("watchContentSecurityPolicy was called before the page was opened").isNotNull();
		((List<?>) reported).forEach((violation) -> violations.add(String.valueOf(violation)));
		for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
			String message = entry.getMessage();
			if (message.contains("Content Security Policy") || message.contains("Permissions-Policy")
					|| message.contains("Permissions Policy")) {
				violations.add(entry.getLevel() + " " + message);
			}
		}
		return violations;
	}

	/**
	 * Waits until one of {@code targets} is on the page and returns the first found. A
	 * form post that renders a booklet can take seconds on a busy machine; when none
	 * appears the failure shows the page's URL and text, so a CI log says what the
	 * browser saw instead.
	 */
	public static WebElement await(WebDriver browser, Duration timeout, By... targets) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			for (By target : targets) {
				List<WebElement> found = browser.findElements(target);
				if (!found.isEmpty()) {
					return found.get(0);
				}
			}
			if (System.nanoTime() > deadline) {
				String text = browser.findElements(By.tagName("body"))
					.stream()
					.map(WebElement::getText)
					.findFirst()
					.orElse(browser.getPageSource());
				throw new AssertionError("none of %s appeared within %s on %s; the page says:%n%s"
					.formatted(List.of(targets), timeout, browser.getCurrentUrl(), text));
			}
			Thread.sleep(100);
		}
	}

	/**
	 * Clicks {@code button}, which posts a form, and waits for the page it brings: first
	 * until the page clicked on is gone (its elements stale, so that an element of the
	 * same id on the old page is never taken for the answer), then as
	 * {@link #await(WebDriver, Duration, By...)}.
	 */
	public static WebElement submit(WebDriver browser, By button, Duration timeout, By... targets)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(button).click();
		while (!stale(page)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("the page did not change within %s after clicking %s on %s".formatted(timeout,
						button, browser.getCurrentUrl()));
			}
			Thread.sleep(50);
		}
		return await(browser, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), targets);
	}

	private static boolean stale(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
	}

	/** Saves what the browser shows to target/screenshots/{@code name}. */
	public static void screenshot(WebDriver browser, String name) throws Exception {
		File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

}
