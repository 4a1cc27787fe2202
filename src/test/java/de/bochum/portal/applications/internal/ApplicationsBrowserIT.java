package de.bochum.portal.applications.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.BrowserTest;
import de.bochum.portal.testsupport.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Online applications in Chromium: a bulky waste pickup ordered with the keyboard alone, with a
 * mistake on purpose, axe-core on every step, the check page, the confirmation and the status page;
 * and the caseworkers' inbox and case page.
 */
class ApplicationsBrowserIT extends BrowserTest {

	static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FormCatalogue forms;

	@Autowired
	Drafts drafts;

	@Autowired
	Cases cases;

	@Test
	void aBulkyWastePickupIsOrderedAndTrackedByKeyboard() {
		driver.get(url("/antrag"));
		axe("/antrag");
		tabTo(By.cssSelector("main a[href='/antrag/sperrmuell']"));
		pressAndWaitForPage(Keys.ENTER, "/antrag/sperrmuell");
		axe("start page");
		tabTo(By.cssSelector("main form button[type='submit']"));
		pressAndWaitForPage(Keys.ENTER, "/antrag/sperrmuell/schritt/abholort");
		assertThat(driver.findElement(By.id("fortschritt")).getText()).contains("Schritt 1 von 4");
		axe("step 1");

		type("abholanschrift.strasse", "Hattinger Straße");
		type("abholanschrift.hausnummer", "30");
		type("abholanschrift.plz", "4478");
		type("abholanschrift.ort", "Bochum");
		next("/antrag/sperrmuell/schritt/abholort");
		assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("fünf Ziffern");
		axe("step 1 with an error");
		tabTo(By.cssSelector(".error-summary a[href='#abholanschrift.plz']"));
		press(Keys.ENTER);
		assertThat(active().getAttribute("id")).isEqualTo("abholanschrift.plz");
		assertThat(active().getAttribute("value")).as("what was typed is kept").isEqualTo("4478");
		active().sendKeys(Keys.chord(Keys.CONTROL, "a"), "44789");
		next("/antrag/sperrmuell/schritt/gegenstaende");
		axe("step 2");

		tabTo(By.id("arten-moebel"));
		press(Keys.SPACE);
		type("menge", "2");
		next("/antrag/sperrmuell/schritt/zeitraum");
		axe("step 3");

		LocalDate today = LocalDate.now(de.bochum.portal.platform.PageContext.CITY_ZONE);
		type("fruehestens", GERMAN.format(today.plusDays(14)));
		type("spaetestens", GERMAN.format(today.plusDays(28)));
		next("/antrag/sperrmuell/schritt/kontakt");
		axe("step 4");
		type("vorname", "Jupp");
		type("nachname", "Schäfer");
		type("email", "jupp." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
		next("/antrag/sperrmuell/pruefen");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Hattinger Straße 30, 44789 Bochum",
				"Möbel (Schränke, Sofas, Tische, Stühle)");
		axe("check your answers");

		tabTo(By.id("erklaerung"));
		press(Keys.SPACE);
		tabTo(By.id("benachrichtigen"));
		press(Keys.SPACE);
		tabTo(By.cssSelector("main form button[type='submit']"));
		pressAndWaitForPage(Keys.ENTER, "/antrag/sperrmuell/bestaetigung");
		axe("confirmation");
		String reference = driver.findElement(By.id("vorgangsnummer")).getText();
		String code = driver.findElement(By.id("zugangscode")).getText();
		assertThat(reference).matches("BO-\\d{4}-[A-Z0-9]{5}");

		tabTo(By.cssSelector("main a[href='/antrag/status']"));
		pressAndWaitForPage(Keys.ENTER, "/antrag/status");
		axe("status form");
		type("vorgangsnummer", reference);
		type("zugangscode", code);
		pressAndWaitForPage(Keys.ENTER, "/antrag/status/vorgang");
		assertThat(driver.findElement(By.id("stand")).getText()).isEqualTo("Eingegangen");
		axe("status page");
	}

	@Test
	void theInboxAndACasePassAxe() {
		String reference = CaseFixtures.bulkyWaste(forms, drafts, cases, "b-" + UUID.randomUUID() + "@example.org", false)
			.reference();
		signIn(StaffFixtures.createInOffices(jdbc, java.util.Set.of("usb"), "CASEWORKER"), StaffFixtures.PASSWORD);
		driver.get(url("/intern/antraege"));
		axe("inbox");
		tabTo(By.cssSelector("main a[href='/intern/antraege/" + reference + "']"));
		pressAndWaitForPage(Keys.ENTER, "/intern/antraege/" + reference);
		axe("case page");
		tabTo(By.id("stand-IN_BEARBEITUNG"));
		press(Keys.ARROW_DOWN);
		assertThat(active().getAttribute("id")).isEqualTo("stand-RUECKFRAGE");
		tabTo(By.cssSelector("form[action$='/status'] button[type='submit']"));
		pressAndWaitForPage(Keys.ENTER, "/intern/antraege/" + reference + "/status");
		assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("Schreiben Sie die Frage");
		axe("case page with an error");
	}

	private void type(String id, String text) {
		tabTo(By.id(id));
		active().sendKeys(text);
	}

	/** "Weiter" by keyboard, then the page that follows (the same step again when it has errors). */
	private void next(String expectedPage) {
		tabTo(By.cssSelector("main form button[value='weiter']"));
		pressAndWaitForPage(Keys.ENTER, expectedPage);
	}

	private void axe(String where) {
		assertThat(driver.findElements(By.tagName("h1"))).as(where).hasSize(1);
		assertThat(Browser.axeViolations(driver)).as("axe-core on " + where).isEmpty();
	}
}
