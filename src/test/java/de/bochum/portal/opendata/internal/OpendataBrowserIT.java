package de.bochum.portal.opendata.internal;

import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue in Chromium: axe-core on every page, and a search to a dataset by keyboard alone. */
class OpendataBrowserIT extends BrowserTest {

	@Test
	void aVisitorSearchesFiltersAndOpensADatasetWithTheKeyboard() {
		driver.get(url("/daten"));
		assertThat(Browser.axeViolations(driver)).as("axe-core on the search page").isEmpty();
		tabTo(By.id("q"));
		active().sendKeys("Schule");
		tabTo(By.cssSelector("input[name=organisation][value=stadt-bochum]"));
		press(Keys.SPACE);
		tabTo(By.cssSelector("main form button[type=submit]"));
		pressAndWaitForPage(Keys.ENTER, "/daten?q=Schule&organisation=stadt-bochum&sortierung=name");
		assertThat(driver.findElement(By.id("treffer")).getText()).isEqualTo("1 Datensatz");
		assertThat(driver.findElement(By.cssSelector("input[name=organisation][value=stadt-bochum]")).isSelected())
			.isTrue();
		assertThat(Browser.axeViolations(driver)).as("axe-core on search results").isEmpty();

		tabTo(By.linkText("Schulen in Bochum"));
		pressAndWaitForPage(Keys.ENTER, "/daten/schulen");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Schulen in Bochum");
		assertThat(Browser.axeViolations(driver)).as("axe-core on a dataset").isEmpty();

		tabTo(By.linkText("Bildung, Kultur und Sport"));
		pressAndWaitForPage(Keys.ENTER, "/daten/gruppe/educ");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Schulen in Bochum", "Sportstätten");
		assertThat(Browser.axeViolations(driver)).as("axe-core on a group").isEmpty();
	}

	@Test
	void organizationPagesAndTheEnglishVersionPassAxe() {
		driver.get(url("/daten/organisation/bogestra"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Haltestellen von Bus und Bahn");
		assertThat(Browser.axeViolations(driver)).isEmpty();
		driver.get(url("/daten?lang=en"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Open data");
		assertThat(Browser.axeViolations(driver)).isEmpty();
		driver.get(url("/daten/haltestellen"));
		assertThat(Browser.axeViolations(driver)).isEmpty();
		driver.get(url("/?lang=de"));
	}
}
