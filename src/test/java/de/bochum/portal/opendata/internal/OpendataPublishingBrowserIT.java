package de.bochum.portal.opendata.internal;

import de.bochum.portal.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/** The publishing pages in Chromium: axe-core on each, and a publisher creating a dataset by keyboard alone. */
class OpendataPublishingBrowserIT extends PublishingBrowserTest {

	@Test
	void aPublisherCreatesADatasetByKeyboard() {
		signIn(PublishingFixtures.publisherFor(jdbc, "usb-bochum"), de.bochum.portal.testsupport.StaffFixtures.PASSWORD);
		driver.get(url("/intern"));
		tabTo(By.cssSelector("main a[href='/intern/daten']"));
		pressAndWaitForPage(Keys.ENTER, "/intern/daten");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Wertstoffhöfe");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the staff list").isEmpty();

		tabTo(By.cssSelector("main a[href='/intern/daten/neu']"));
		pressAndWaitForPage(Keys.ENTER, "/intern/daten/neu");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the empty form").isEmpty();
		tabTo(By.id("title"));
		active().sendKeys("Altkleidercontainer");
		tabTo(By.id("name"));
		active().sendKeys("Alt Kleider");
		tabTo(By.id("notes"));
		active().sendKeys("Standorte der **Altkleidercontainer** des USB.");
		tabTo(By.id("group-envi"));
		press(Keys.SPACE);
		tabTo(By.id("tags"));
		active().sendKeys("Abfall, Textilien");
		tabTo(By.cssSelector("main form.kern-form button[type=submit]"));
		pressAndWaitForPage(Keys.ENTER, "/intern/daten/neu");
		assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("Kurzname");
		assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo("Altkleidercontainer");
		assertThat(driver.findElement(By.id("group-envi")).isSelected()).isTrue();
		assertThat(Browser.axeViolations(driver)).as("axe-core on the form with errors").isEmpty();

		String name = PublishingFixtures.uniqueName("altkleider");
		tabTo(By.cssSelector(".error-summary a[href='#name']"));
		press(Keys.ENTER);
		assertThat(active().getAttribute("id")).isEqualTo("name");
		// WebDriver's clear() moves focus away; typing goes to the field itself.
		var field = active();
		field.clear();
		field.sendKeys(name);
		assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
		tabTo(By.id("spatial_key"));
		new Select(active()).selectByValue("wattenscheid");
		assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
		tabTo(By.cssSelector("main form.kern-form button[type=submit]"));
		pressAndWaitForPage(Keys.ENTER, "/intern/daten/datensatz/" + name + "?gespeichert=1");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Der Datensatz wurde gespeichert",
				"Änderungsprotokoll", "angelegt");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the edit page with audit trail").isEmpty();

		tabTo(By.cssSelector("a[href='/intern/daten/datensatz/" + name + "/ressource/neu']"));
		pressAndWaitForPage(Keys.ENTER, "/intern/daten/datensatz/" + name + "/ressource/neu");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the resource form").isEmpty();

		driver.get(url("/daten/" + name));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Altkleidercontainer");

		driver.get(url("/intern/daten/datensatz/" + name + "/loeschen"));
		assertThat(Browser.axeViolations(driver)).as("axe-core on the delete confirmation").isEmpty();
	}

	@Test
	void theTokenAndMembershipPagesPassAxe() {
		signIn(de.bochum.portal.testsupport.StaffFixtures.create(jdbc, "ADMIN"),
				de.bochum.portal.testsupport.StaffFixtures.PASSWORD);
		driver.get(url("/intern/daten/tokens"));
		assertThat(Browser.axeViolations(driver)).as("axe-core on the empty token page").isEmpty();
		tabTo(By.id("label"));
		active().sendKeys("Testlauf");
		tabTo(By.id("ablauf"));
		active().sendKeys("morgen");
		tabTo(By.cssSelector("main form.kern-form button[type=submit]"));
		pressAndWaitForPage(Keys.ENTER, "/intern/daten/tokens");
		assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("Datum in der Zukunft");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the token form with errors").isEmpty();
		tabTo(By.id("ablauf"));
		active().sendKeys(Keys.END, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE,
				Keys.BACK_SPACE);
		tabTo(By.cssSelector("main form.kern-form button[type=submit]"));
		pressAndWaitForPage(Keys.ENTER, "/intern/daten/tokens");
		assertThat(driver.findElement(By.id("neues-token")).getText()).startsWith("bpo_");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the token page with a new token").isEmpty();

		driver.get(url("/intern/daten/organisationen/bogestra"));
		assertThat(Browser.axeViolations(driver)).as("axe-core on the membership page").isEmpty();
		driver.get(url("/intern/daten/organisationen"));
		assertThat(Browser.axeViolations(driver)).as("axe-core on the organizations page").isEmpty();
	}
}
