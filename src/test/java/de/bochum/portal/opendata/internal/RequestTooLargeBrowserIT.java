package de.bochum.portal.opendata.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's 413 page as a publisher meets it in Chromium: a file above the server-wide limit
 * (3 MB here) is refused before it is read, with a page in the visitor's language that names the
 * limit and passes axe-core. Same limits as {@link RequestSizeLimitTest}.
 */
@TestPropertySource(properties = { "portal.opendata.upload.max-size=2MB", "spring.servlet.multipart.max-request-size=3MB" })
class RequestTooLargeBrowserIT extends PublishingBrowserTest {

	@Test
	void aTooLargeUploadGetsThePortalsPageNamingTheLimitInGermanAndEnglish() throws IOException {
		String name = PublishingFixtures.emptyDataset(publishing, "zu-gross", "Zu groß", "usb-bochum");
		Path file = Files.createTempFile("gross", ".csv");
		try (RandomAccessFile sized = new RandomAccessFile(file.toFile(), "rw")) {
			sized.setLength(4L * 1024 * 1024);
		}
		try {
			signIn(PublishingFixtures.publisherFor(jdbc, "usb-bochum"), StaffFixtures.PASSWORD);
			String form = "/intern/daten/datensatz/" + name + "/ressource/neu";

			upload(form, file);
			assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Die Datei ist zu groß");
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("höchstens 3 MB");
			assertThat(Browser.axeViolations(driver)).as("axe-core on the German 413 page").isEmpty();

			driver.get(url(form + "?lang=en"));
			upload(form, file);
			assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("The file is too large");
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("at most 3 MB");
			assertThat(Browser.axeViolations(driver)).as("axe-core on the English 413 page").isEmpty();
		}
		finally {
			Files.deleteIfExists(file);
			driver.get(url("/?lang=de"));
		}
	}

	/** Chooses the file and sends the form by keyboard, as a publisher would. */
	private void upload(String form, Path file) {
		if (!driver.getCurrentUrl().contains(form)) {
			driver.get(url(form));
		}
		driver.findElement(By.id("upload")).sendKeys(file.toAbsolutePath().toString());
		tabTo(By.cssSelector("main form.kern-form[enctype='multipart/form-data'] button[type=submit]"));
		pressAndWaitForPage(Keys.ENTER, form);
	}
}
