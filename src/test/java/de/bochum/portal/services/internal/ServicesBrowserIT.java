package de.bochum.portal.services.internal;

import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.BrowserTest;
import de.bochum.portal.testsupport.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue in Chromium: axe-core on every kind of page, a citizen's and an editor's way by keyboard. */
class ServicesBrowserIT extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyCataloguePagePassesAxe() {
		for (String path : new String[] { "/leistungen", "/leistungen?q=Hund", "/leistungen?q=Raumschiff",
				"/leistungen/lebenslage/umzug", "/leistungen/personalausweis", "/leistungen/standort/buergerbuero-rathaus",
				"/leistungen/hundesteuer-anmelden?lang=en" }) {
			driver.get(url(path));
			assertThat(driver.findElements(By.tagName("h1"))).as(path).hasSize(1);
			assertThat(Browser.axeViolations(driver)).as("axe-core on " + path).isEmpty();
		}
		driver.get(url("/?lang=de"));
	}

	@Test
	void aCitizenFindsTheDogTaxByKeyboard() {
		driver.get(url("/"));
		tabTo(By.cssSelector("main a[href='/leistungen']"));
		pressAndWaitForPage(Keys.ENTER, "/leistungen");

		tabTo(By.id("suche"));
		active().sendKeys("Hund");
		pressAndWaitForPage(Keys.ENTER, "/leistungen?q=Hund");
		assertThat(driver.findElement(By.id("treffer")).getText()).contains("Treffer");

		tabTo(By.cssSelector("section[aria-labelledby='treffer'] a[href='/leistungen/hundesteuer-anmelden']"));
		pressAndWaitForPage(Keys.ENTER, "/leistungen/hundesteuer-anmelden");
		String main = driver.findElement(By.tagName("main")).getText();
		assertThat(main).contains("Hundesteuer anmelden", "Kosten", "156,00 EUR", "Steueramt im Rathaus",
				"Öffnungszeiten in der Woche", "Montag");
		assertThat(main).containsAnyOf("Jetzt geöffnet", "Jetzt geschlossen");
	}

	@Test
	void anEditorCorrectsAMistakeByKeyboard() {
		signIn(StaffFixtures.create(jdbc, "EDITOR"), StaffFixtures.PASSWORD);
		driver.get(url("/intern/leistungen"));
		assertThat(Browser.axeViolations(driver)).as("axe-core on the editor list").isEmpty();
		tabTo(By.cssSelector("a[href='/intern/leistungen/auskunftssperre']"));
		pressAndWaitForPage(Keys.ENTER, "/intern/leistungen/auskunftssperre");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the edit form").isEmpty();

		tabTo(By.id("dauer"));
		active().clear();
		active().sendKeys("lang");
		tabTo(By.cssSelector("form.kern-form button[type='submit']"));
		pressAndWaitForPage(Keys.ENTER, "/intern/leistungen/auskunftssperre");
		assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("1 bis 480 Minuten");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the form with errors").isEmpty();

		tabTo(By.cssSelector(".error-summary a[href='#dauer']"));
		press(Keys.ENTER);
		assertThat(active().getAttribute("id")).isEqualTo("dauer");
		active().clear();
		active().sendKeys("10");
		tabTo(By.cssSelector("form.kern-form button[type='submit']"));
		pressAndWaitForPage(Keys.ENTER, "/intern/leistungen/auskunftssperre?gespeichert=1");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Die Leistung wurde gespeichert.");
		driver.get(url("/intern/leistungen/import"));
		assertThat(Browser.axeViolations(driver)).as("axe-core on the import form").isEmpty();
	}
}
