package de.bochum.portal.opendata.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** A publisher uploads a CSV by keyboard and sees its preview; axe-core on every page of the way. */
class OpendataDatastoreBrowserIT extends PublishingBrowserTest {

	@Test
	void aPublisherUploadsACsvByKeyboardAndSeesItsPreview() throws Exception {
		String name = PublishingFixtures.emptyDataset(publishing, "fahrgaeste", "Fahrgastzahlen", "bogestra");
		Path csv = Files.createTempFile("fahrgaeste", ".csv");
		Files.write(csv, OpendataUploadTest.CSV);

		signIn(PublishingFixtures.publisherFor(jdbc, "bogestra"), StaffFixtures.PASSWORD);
		driver.get(url("/intern/daten/datensatz/" + name));
		tabTo(By.cssSelector("a[href='/intern/daten/datensatz/" + name + "/ressource/neu']"));
		pressAndWaitForPage(Keys.ENTER, "/intern/daten/datensatz/" + name + "/ressource/neu");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the upload form").isEmpty();

		tabTo(By.id("upload"));
		// A file chooser cannot be driven by keys; WebDriver types the path into the focused input instead.
		active().sendKeys(csv.toAbsolutePath().toString());
		tabTo(By.id("description"));
		active().sendKeys("Einsteiger an Werktagen");
		tabTo(By.cssSelector("main form.kern-form[enctype='multipart/form-data'] button[type=submit]"));
		press(Keys.ENTER);
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
			URI uri = URI.create(d.getCurrentUrl());
			return uri.getPath().matches("/intern/daten/datensatz/" + name + "/ressource/[0-9a-f-]{36}")
					&& "gespeichert=1".equals(uri.getRawQuery());
		});
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Die Ressource wurde gespeichert");
		String staffPage = URI.create(driver.getCurrentUrl()).getPath();
		untilLoaded(staffPage, "Im Datastore: 3 Zeilen");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Kodierung windows-1252, Trennzeichen „;“");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the resource page with datastore status").isEmpty();

		// Override what was detected: the header row is data after all; load again, by keyboard.
		tabTo(By.id("kopfzeile"));
		new org.openqa.selenium.support.ui.Select(active()).selectByValue("nein");
		submitDatastoreForm(staffPage);
		assertThat(Browser.axeViolations(driver)).as("axe-core on the resource page while loading or loaded").isEmpty();
		untilLoaded(staffPage, "Im Datastore: 4 Zeilen");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Kopfzeile: nein");
		untilLoaded(staffPage, "Im Datastore: 4 Zeilen");
		// And back, so that the preview below has its column names.
		tabTo(By.id("kopfzeile"));
		new org.openqa.selenium.support.ui.Select(active()).selectByValue("ja");
		submitDatastoreForm(staffPage);
		untilLoaded(staffPage, "Im Datastore: 3 Zeilen");

		String resourceId = staffPage.replaceAll(".*/ressource/", "");
		String page = "/daten/" + name + "/ressource/" + resourceId;
		tabTo(By.cssSelector("main a[href='" + page + "']"));
		pressAndWaitForPage(Keys.ENTER, page);
		assertThat(driver.findElement(By.tagName("caption")).getText()).contains("Vorschau");
		assertThat(driver.findElement(By.tagName("table")).getText()).contains("Rathaus (Süd)", "12000");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the resource page with preview").isEmpty();

		tabTo(By.cssSelector("main a[href='" + page + "/tabelle']"));
		pressAndWaitForPage(Keys.ENTER, page + "/tabelle");
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Tabelle");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the table page").isEmpty();
		Files.deleteIfExists(csv);
	}

	private void submitDatastoreForm(String staffPage) {
		tabTo(By.cssSelector("form[action='" + staffPage + "/datastore'] button[type=submit]"));
		pressAndWaitForNewDocument(Keys.ENTER);
	}

	/** Follows the page's refresh link (no JavaScript needed) until the load has ended with {@code expected}. */
	private void untilLoaded(String staffPage, String expected) {
		for (int i = 0; i < 120 && !driver.findElement(By.tagName("main")).getText().contains(expected); i++) {
			if (driver.findElements(By.id("datastore-aktualisieren")).isEmpty()) {
				break;
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException stop) {
				Thread.currentThread().interrupt();
				return;
			}
			tabTo(By.id("datastore-aktualisieren"));
			pressAndWaitForNewDocument(Keys.ENTER);
		}
		assertThat(driver.findElement(By.tagName("main")).getText()).contains(expected);
	}
}
