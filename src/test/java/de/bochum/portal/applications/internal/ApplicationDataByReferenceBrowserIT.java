package de.bochum.portal.applications.internal;

import java.util.UUID;

import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** /meine-daten by keyboard alone, with axe-core on every step: look up, see, erase. */
class ApplicationDataByReferenceBrowserIT extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FormCatalogue forms;

	@Autowired
	Drafts drafts;

	@Autowired
	Cases cases;

	@Test
	void aHolderWithoutAccountErasesTheirApplicationByKeyboard() {
		String email = "tastatur-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		Cases.Submission mine = CaseFixtures.bulkyWaste(forms, drafts, cases, email, false);
		jdbc.sql("update applications_case set state = 'BEWILLIGT', closed_at = now() where reference = ?")
			.param(mine.reference())
			.update();

		driver.get(url("/meine-daten"));
		assertThat(Browser.axeViolations(driver)).isEmpty();
		tabTo(By.cssSelector("main button[type=submit]"));
		pressAndWaitForPage(Keys.ENTER, "/meine-daten");
		assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("Vorgangsnummer");
		assertThat(Browser.axeViolations(driver)).as("the page with errors").isEmpty();

		tabTo(By.id("referenz"));
		active().sendKeys(mine.reference());
		tabTo(By.id("code"));
		active().sendKeys(mine.trackingCode() + Keys.ENTER);
		waitForPage("/meine-daten/auskunft");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains(mine.reference(), email);
		assertThat(Browser.axeViolations(driver)).isEmpty();

		tabTo(By.id("bestaetigt"));
		press(Keys.SPACE);
		tabTo(By.xpath("//form[@action='/meine-daten/loeschen']//button"));
		pressAndWaitForPage(Keys.ENTER, "/meine-daten/geloescht");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Ihre Daten sind gelöscht");
		assertThat(Browser.axeViolations(driver)).isEmpty();
		assertThat(cases.find(mine.reference())).isEmpty();
	}
}
