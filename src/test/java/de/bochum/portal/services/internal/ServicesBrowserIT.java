package de.bochum.portal.services.internal;

import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue in Chromium: axe-core on every kind of page, and a citizen's way by keyboard. */
class ServicesBrowserIT extends BrowserTest {

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
		press(Keys.ENTER);
		waitForPage("/leistungen");

		tabTo(By.id("suche"));
		active().sendKeys("Hund");
		press(Keys.ENTER);
		waitForPage("/leistungen?q=Hund");
		assertThat(driver.findElement(By.id("treffer")).getText()).contains("Treffer");

		tabTo(By.cssSelector("section[aria-labelledby='treffer'] a[href='/leistungen/hundesteuer-anmelden']"));
		press(Keys.ENTER);
		waitForPage("/leistungen/hundesteuer-anmelden");
		String main = driver.findElement(By.tagName("main")).getText();
		assertThat(main).contains("Hundesteuer anmelden", "Kosten", "156,00 EUR", "Steueramt im Rathaus",
				"Öffnungszeiten in der Woche", "Montag");
		assertThat(main).containsAnyOf("Jetzt geöffnet", "Jetzt geschlossen");
	}
}
