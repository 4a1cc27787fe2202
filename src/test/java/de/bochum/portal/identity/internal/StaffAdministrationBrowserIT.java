package de.bochum.portal.identity.internal;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.BrowserTest;
import de.bochum.portal.testsupport.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The administration of staff accounts in Chromium: axe-core, and creating an account by keyboard. */
class StaffAdministrationBrowserIT extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminCreatesAnAccountWithTheKeyboardAlone() {
		String admin = StaffFixtures.create(jdbc, "ADMIN");
		driver.get(url("/intern/anmelden"));
		driver.findElement(By.id("benutzername")).sendKeys(admin);
		driver.findElement(By.id("passwort")).sendKeys(StaffFixtures.PASSWORD + Keys.ENTER);
		enterSignInCode(admin);
		waitForPage("/intern");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the dashboard").isEmpty();

		tabTo(By.linkText("Konten der Beschäftigten verwalten"));
		pressAndWaitForPage(Keys.ENTER, "/intern/benutzer");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the account list").isEmpty();
		tabTo(By.linkText("Neues Konto anlegen"));
		pressAndWaitForPage(Keys.ENTER, "/intern/benutzer/neu");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the empty form").isEmpty();

		// A mistake first: no role chosen.
		String username = "tastatur-" + UUID.randomUUID().toString().substring(0, 6);
		tabTo(By.id("benutzername"));
		active().sendKeys(username);
		press(Keys.TAB);
		active().sendKeys("Tara Tastatur");
		press(Keys.ENTER);
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
		assertThat(driver.findElement(By.cssSelector(".error-summary")).getText())
			.contains("Bitte wählen Sie mindestens eine Rolle");
		assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("Tara Tastatur");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the form with errors").isEmpty();

		tabTo(By.id("rolle-EDITOR"));
		press(Keys.SPACE);
		tabTo(By.cssSelector("form.kern-form button[type=submit]"));
		press(Keys.ENTER);
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> URI.create(d.getCurrentUrl()).getPath().matches("/intern/benutzer/\\d+"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Das Konto wurde angelegt.",
				"Einmalpasswort");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the account page").isEmpty();
	}

}
