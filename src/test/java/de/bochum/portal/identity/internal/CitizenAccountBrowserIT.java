package de.bochum.portal.identity.internal;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bochum.portal.platform.internal.EmbeddedMailbox;
import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The citizen account with the keyboard alone, and axe-core on every page of it. */
class CitizenAccountBrowserIT extends BrowserTest {

	private static final Pattern CONFIRM_LINK = Pattern.compile("(/konto/bestaetigen\\?code=[A-Za-z0-9_-]+)");

	@Autowired
	EmbeddedMailbox mailbox;

	@Test
	void fromRegistrationToErasureWithTheKeyboardAlone() {
		String email = "tastatur." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String password = "Glückauf aus Wattenscheid";
		driver.manage().deleteAllCookies();
		driver.get(url("/"));
		tabTo(By.linkText("Bürgerkonto"));
		pressAndWaitForPage(Keys.ENTER, "/konto/anmelden");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the sign-in page").isEmpty();
		tabTo(By.linkText("Bürgerkonto anlegen"));
		pressAndWaitForPage(Keys.ENTER, "/konto/registrieren");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the registration").isEmpty();

		tabTo(By.id("email"));
		active().sendKeys(email);
		press(Keys.TAB);
		active().sendKeys("kurz");
		press(Keys.TAB);
		active().sendKeys("kurz");
		pressAndWaitForPage(Keys.ENTER, "/konto/registrieren");
		assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("zu kurz");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the registration with errors").isEmpty();
		assertThat(driver.findElement(By.id("email")).getAttribute("value")).as("kept").isEqualTo(email);
		tabTo(By.cssSelector(".error-summary a"));
		press(Keys.ENTER);
		assertThat(active().getAttribute("id")).isEqualTo("passwort");
		active().sendKeys(password);
		press(Keys.TAB);
		active().sendKeys(password + Keys.ENTER);
		waitForPage("/konto/registrieren/gesendet");
		assertThat(Browser.axeViolations(driver)).isEmpty();

		Matcher link = CONFIRM_LINK.matcher(mailbox.mailsTo(email).get(0).text());
		assertThat(link.find()).isTrue();
		driver.get(url(link.group(1)));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("E-Mail-Adresse bestätigt");
		assertThat(Browser.axeViolations(driver)).isEmpty();
		tabTo(By.linkText("Am Bürgerkonto anmelden"));
		pressAndWaitForPage(Keys.ENTER, "/konto/anmelden");
		tabTo(By.id("email"));
		active().sendKeys(email);
		press(Keys.TAB);
		active().sendKeys(password + Keys.ENTER);
		waitForPage("/konto");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the account page").isEmpty();

		tabTo(By.linkText("Meine Daten"));
		pressAndWaitForPage(Keys.ENTER, "/konto/daten");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains(email);
		assertThat(Browser.axeViolations(driver)).as("axe-core on the data page").isEmpty();

		driver.get(url("/konto/loeschen"));
		assertThat(Browser.axeViolations(driver)).as("axe-core on the delete page").isEmpty();
		tabTo(By.id("passwort"));
		active().sendKeys(password + Keys.ENTER);
		waitForPage("/konto/geloescht");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Ihr Konto ist gelöscht");
		assertThat(Browser.axeViolations(driver)).isEmpty();
	}
}
