package de.bochum.portal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Debian Chromium driven by Debian's chromedriver; no browser is ever downloaded.
 * Where Chromium is missing, browser tests are skipped with a message, except in CI
 * ({@code CI=true}), where that fails the run.
 */
public final class Browser {

	/** The WCAG 2.1 A and AA rules of axe-core (BITV 2.0 refers to WCAG 2.1 AA). */
	public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private Browser() {
	}

	public static WebDriver start() {
		Path chromium = Path.of(env("CHROMIUM_PATH", "/usr/bin/chromium"));
		Path chromedriver = Path.of(env("CHROMEDRIVER_PATH", "/usr/bin/chromedriver"));
		boolean present = Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
		if (!present) {
			String message = "Chromium or chromedriver missing (" + chromium + ", " + chromedriver
					+ "): install Debian's packages chromium and chromium-driver";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message);
			}
			assumeTrue(false, message + "; browser tests skipped");
		}
		try {
			ChromeOptions options = new ChromeOptions();
			options.setBinary(chromium.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--disable-extensions", "--window-size=1280,1000", "--lang=de-DE",
					"--user-data-dir=" + Files.createTempDirectory("portal-chromium"));
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(chromedriver.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			// A headless window may lose focus between pages; keys pressed then go nowhere. Focus
			// emulation keeps the page focused, as it is for a person at the keyboard.
			driver.executeCdpCommand("Emulation.setFocusEmulationEnabled", java.util.Map.of("enabled", true));
			return driver;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** axe-core's WCAG 2.1 A/AA violations on the current page, readable in a failure message. */
	public static List<String> axeViolations(WebDriver driver) {
		Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
		if (results.isErrored()) {
			throw new AssertionError("axe-core failed: " + results.getErrorMessage());
		}
		return results.getViolations().stream().map(Browser::describe).toList();
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
