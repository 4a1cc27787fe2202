package de.bochum.portal.privacy.internal;

import de.bochum.portal.privacy.AuditLog.Action;
import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.BrowserTest;
import de.bochum.portal.testsupport.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The data protection officer's pages in Chromium: axe-core, and the audit search by keyboard. */
class PrivacyBrowserIT extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditChain audit;

	@Test
	void theOfficerSearchesTheAuditLogWithTheKeyboard() {
		audit.record("sachbearbeitung-7", Action.VIEW, "antrag", "BO-2026-0777", "Rückfrage der Bürgerin");
		String officer = StaffFixtures.create(jdbc, "DATA_PROTECTION_OFFICER");
		driver.get(url("/intern/anmelden"));
		driver.findElement(By.id("benutzername")).sendKeys(officer);
		driver.findElement(By.id("passwort")).sendKeys(StaffFixtures.PASSWORD + Keys.ENTER);
		enterSignInCode(officer);
		waitForPage("/intern");

		driver.get(url("/intern/datenschutz/verzeichnis"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Verzeichnis der Verarbeitungstätigkeiten");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the records of processing").isEmpty();

		driver.get(url("/intern/datenschutz/protokoll"));
		assertThat(Browser.axeViolations(driver)).as("axe-core on the audit log").isEmpty();
		tabTo(By.id("kennung"));
		active().sendKeys("BO-2026-0777");
		new Actions(driver).sendKeys(Keys.ENTER).perform();
		waitForPage("/intern/datenschutz/protokoll?person=&art=&kennung=BO-2026-0777");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("sachbearbeitung-7",
				"Rückfrage der Bürgerin", "Einträge: 1");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the audit log with results").isEmpty();

		driver.get(url("/intern"));
		tabTo(By.linkText("Löschfristen und Löschläufe"));
		pressAndWaitForPage(Keys.ENTER, "/intern/datenschutz/loeschfristen");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the retention page").isEmpty();
		tabTo(By.cssSelector("main form button"));
		pressAndWaitForPage(Keys.ENTER, "/intern/datenschutz/loeschfristen");
		assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("Löschlauf abgeschlossen");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the retention page after a run").isEmpty();
	}

	@Test
	void thePrivacyNoticePassesAxeInBothLanguages() {
		driver.get(url("/datenschutz"));
		assertThat(Browser.axeViolations(driver)).isEmpty();
		driver.get(url("/datenschutz?lang=en"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Privacy");
		assertThat(Browser.axeViolations(driver)).isEmpty();
		driver.get(url("/?lang=de"));
	}

}
