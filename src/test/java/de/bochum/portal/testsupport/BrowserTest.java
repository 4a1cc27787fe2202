package de.bochum.portal.testsupport;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test that drives the running portal in headless Chromium: one browser per test class, and the
 * moves a keyboard user makes (Tab to an element, press a key, wait for the next page).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

	@LocalServerPort
	protected int port;

	protected WebDriver driver;

	@BeforeAll
	void startBrowser() {
		driver = Browser.start();
	}

	@AfterAll
	void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	protected WebElement active() {
		return driver.switchTo().activeElement();
	}

	protected void press(CharSequence key) {
		new Actions(driver).sendKeys(key).perform();
	}

	/** Moves focus with Tab until it reaches the target, as a keyboard user would; fails if it never does. */
	protected void tabTo(By target) {
		WebElement wanted = driver.findElement(target);
		for (int i = 0; i < 80 && !active().equals(wanted); i++) {
			press(Keys.TAB);
		}
		if (!active().equals(wanted)) {
			throw new AssertionError("could not reach " + target + " with Tab");
		}
	}

	/** Key presses and clicks do not wait for the page they load; this does (path plus query, if any). */
	protected void waitForPage(String pathAndQuery) {
		new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
			URI uri = URI.create(d.getCurrentUrl());
			String current = uri.getPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
			return current.equals(pathAndQuery)
					&& "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
		});
	}

	/**
	 * Presses a key that submits a form or follows a link and waits for the new page, also when it
	 * has the same address as the old one (a form shown again with errors): the old document must be
	 * gone first.
	 */
	protected void pressAndWaitForPage(CharSequence key, String pathAndQuery) {
		pressAndWaitForNewDocument(key);
		waitForPage(pathAndQuery);
	}

	/**
	 * Presses a key that submits a form and waits until a new document has loaded, wherever it is.
	 * While the browser navigates, a question to it may fail (the old document is going away); such
	 * failures only mean "not yet".
	 */
	protected void pressAndWaitForNewDocument(CharSequence key) {
		// A mark on the old page's window: a new document starts without it.
		((JavascriptExecutor) driver).executeScript("window.portalOldPage = true;");
		press(key);
		new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
			.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
				.executeScript("return window.portalOldPage === undefined && document.readyState === 'complete';")));
	}

	/** Signs a staff member (with the test authenticator) in through the login form. */
	protected void signIn(String username, String password) {
		driver.get(url("/intern/anmelden"));
		driver.findElement(By.id("benutzername")).sendKeys(username);
		driver.findElement(By.id("passwort")).sendKeys(password);
		driver.findElement(By.cssSelector("main button[type=submit]")).click();
		enterSignInCode(username);
	}

	/** On the second step of the sign-in, types the authenticator's code and waits for the next page. */
	protected void enterSignInCode(String username) {
		waitForPage("/intern/anmelden/code");
		driver.findElement(By.id("code")).sendKeys(TotpCodes.freshCode(username, TotpCodes.SECRET) + Keys.ENTER);
		new WebDriverWait(driver, Duration.ofSeconds(30))
			.until(d -> !URI.create(d.getCurrentUrl()).getPath().startsWith("/intern/anmelden"));
	}

	/** A platform authenticator in Chromium (like a phone's or laptop's), verifying the person on every use. */
	protected org.openqa.selenium.virtualauthenticator.VirtualAuthenticator addPasskeyDevice() {
		return ((org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator) driver).addVirtualAuthenticator(
				new org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions()
					.setProtocol(org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true));
	}

	/**
	 * Adds a passkey on the current page by keyboard as people do: first without a name (the page
	 * must say a name is needed and put the focus on the field), then with {@code name}; waits for
	 * {@code landing}.
	 */
	protected void addPasskeyByKeyboard(String name, String landing) {
		tabTo(By.id("passkey-hinzufuegen"));
		press(Keys.ENTER);
		new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("passkey-fehler")).isDisplayed());
		org.assertj.core.api.Assertions.assertThat(driver.findElement(By.id("passkey-fehler")).getText())
			.as("a passkey needs a name; the field gets focus").contains("Bezeichnung");
		org.assertj.core.api.Assertions.assertThat(active()).isEqualTo(driver.findElement(By.id("bezeichnung")));
		active().sendKeys(name);
		tabTo(By.id("passkey-hinzufuegen"));
		press(Keys.ENTER);
		waitForPage(landing);
	}
}
