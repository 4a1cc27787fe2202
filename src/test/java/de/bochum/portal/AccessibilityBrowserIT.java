package de.bochum.portal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import de.bochum.portal.testsupport.StaffFixtures;
import java.time.Duration;
import java.util.Map;

import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.BrowserTest;
import de.bochum.portal.testsupport.TestDatabase;
import de.bochum.portal.testsupport.TotpCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in a real browser: zero axe-core violations for WCAG 2.1 A and AA, a skip link that
 * works, and the staff login done with the keyboard alone.
 */
class AccessibilityBrowserIT extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void freshVisitor() {
		driver.get(url("/"));
		driver.manage().deleteAllCookies();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/?lang=en", "/gibt-es-nicht", "/intern/anmelden", "/intern/anmelden?fehler",
			"/impressum", "/datenschutz", "/barrierefreiheit", "/leichte-sprache", "/gebaerdensprache", "/kontakt" })
	void publicPagesHaveNoAxeViolations(String path) {
		driver.get(url(path));
		assertThat(Browser.axeViolations(driver)).as("axe-core on %s", path).isEmpty();
	}

	@Test
	void staffPagesHaveNoAxeViolations() {
		signIn(StaffFixtures.create(jdbc, "ADMIN"), StaffFixtures.PASSWORD);
		assertThat(Browser.axeViolations(driver)).as("axe-core on /intern").isEmpty();
		driver.get(url("/intern/passwort"));
		assertThat(Browser.axeViolations(driver)).as("axe-core on /intern/passwort").isEmpty();
		driver.findElement(By.id("neu")).sendKeys("kurz");
		driver.findElement(By.cssSelector("main button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
		assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("Bitte korrigieren");
		assertThat(Browser.axeViolations(driver)).as("axe-core on /intern/passwort with errors").isEmpty();
	}

	@Test
	void theStylesheetsAndFontsLoadFromThePortalOnly() {
		driver.get(url("/"));
		Object origins = ((JavascriptExecutor) driver).executeScript(
				"return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)");
		assertThat((Iterable<?>) origins).isNotEmpty().allSatisfy(o -> assertThat(o).isEqualTo(url("")));
		Object font = ((JavascriptExecutor) driver)
			.executeScript("return getComputedStyle(document.querySelector('h1')).fontFamily");
		assertThat(String.valueOf(font)).contains("Fira Sans");
		Object kopfzeileBackground = ((JavascriptExecutor) driver).executeScript(
				"return getComputedStyle(document.querySelector('.kern-kopfzeile')).backgroundColor");
		assertThat(kopfzeileBackground).as("KERN's style sheet is applied").isNotIn("rgba(0, 0, 0, 0)", "transparent");
	}

	@Test
	void theSkipLinkIsFirstAndMovesFocusToMain() {
		driver.get(url("/"));
		press(Keys.TAB);
		assertThat(active().getText()).isEqualTo("Zum Inhalt springen");
		assertThat(active().isDisplayed()).as("visible when focused").isTrue();
		press(Keys.ENTER);
		assertThat(active().getAttribute("id")).isEqualTo("inhalt");
		assertThat(active().getTagName()).isEqualTo("main");
		press(Keys.TAB);
		assertThat(driver.findElement(By.tagName("main")).findElements(By.xpath(".//*")))
			.as("the next Tab lands inside main").contains(active());
	}

	@Test
	void staffSignInAndOutWithTheKeyboardAlone() {
		driver.get(url("/intern"));
		assertThat(driver.getCurrentUrl()).endsWith("/intern/anmelden");
		tabTo(By.id("benutzername"));
		active().sendKeys("admin");
		press(Keys.TAB);
		assertThat(active().getAttribute("id")).isEqualTo("passwort");
		active().sendKeys("falsch");
		press(Keys.ENTER);

		waitForPage("/intern/anmelden?fehler");
		assertThat(driver.findElement(By.cssSelector(".error-summary")).getText())
			.contains("Benutzername oder Passwort ist falsch");
		assertThat(driver.findElement(By.id("benutzername")).getAttribute("value"))
			.as("what was typed is kept").isEqualTo("admin");
		tabTo(By.cssSelector(".error-summary a"));
		press(Keys.ENTER);
		assertThat(active().getAttribute("id")).as("the summary's link leads to the field").isEqualTo("passwort");
		active().sendKeys(TestDatabase.ADMIN_PASSWORD);
		press(Keys.ENTER);

		waitForPage("/intern/anmelden/code");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the code page").isEmpty();
		tabTo(By.id("code"));
		active().sendKeys("000000");
		pressAndWaitForPage(Keys.ENTER, "/intern/anmelden/code");
		assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("Der Code stimmt nicht");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the code page with an error").isEmpty();
		tabTo(By.cssSelector(".error-summary a"));
		press(Keys.ENTER);
		assertThat(active().getAttribute("id")).isEqualTo("code");
		active().sendKeys(TotpCodes.freshCode("admin", TotpCodes.SECRET));
		press(Keys.ENTER);

		waitForPage("/intern?continue");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Interner Bereich");
		tabTo(By.cssSelector(".site-header__signout button"));
		press(Keys.ENTER);
		waitForPage("/intern/anmelden?abgemeldet");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Sie haben sich abgemeldet.");
	}

	@Test
	void settingUpTheSecondFactorWithTheKeyboardAlone() {
		String username = StaffFixtures.createWithoutSecondFactor(jdbc, "CASEWORKER");
		driver.get(url("/intern/anmelden"));
		tabTo(By.id("benutzername"));
		active().sendKeys(username);
		press(Keys.TAB);
		active().sendKeys(StaffFixtures.PASSWORD + Keys.ENTER);
		waitForPage("/intern/anmelden/einrichten");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the set-up page").isEmpty();
		String secret = driver.findElement(By.id("totp-secret")).getText().replace(" ", "");
		tabTo(By.id("code"));
		active().sendKeys(TotpCodes.code(secret, TotpCodes.currentStep()) + Keys.ENTER);
		waitForPage("/intern/zweiter-faktor/codes");
		assertThat(driver.findElements(By.cssSelector(".recovery-codes li"))).hasSize(10);
		assertThat(Browser.axeViolations(driver)).as("axe-core on the recovery codes").isEmpty();
		tabTo(By.linkText("Weiter zum internen Bereich"));
		press(Keys.ENTER);
		waitForPage("/intern");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Interner Bereich");
	}

	@Test
	void languageSwitchWithTheKeyboardKeepsThePage() {
		driver.get(url("/barrierefreiheit"));
		tabTo(By.cssSelector("a[hreflang=en]"));
		press(Keys.ENTER);
		waitForPage("/barrierefreiheit?lang=en");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Accessibility statement");
		assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		driver.get(url("/"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome to Bochumportal");
	}

	@Test
	void pagesStayUsableAt400PercentZoom() {
		// 1280 CSS px at 400 % zoom is a 320 px wide viewport (WCAG 1.4.10 Reflow).
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(320 + 16, 800));
		for (String path : Map.of("/", 1, "/intern/anmelden", 2, "/impressum", 3).keySet()) {
			driver.get(url(path));
			Object overflow = ((JavascriptExecutor) driver).executeScript(
					"return document.documentElement.scrollWidth - document.documentElement.clientWidth");
			assertThat(((Number) overflow).intValue()).as("horizontal scrolling on %s", path).isLessThanOrEqualTo(0);
		}
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
	}

}
