package de.bochum.portal.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen adds a passkey on the account page, signs out, signs in with the passkey alone and
 * removes it again, by keyboard, in Chromium with a virtual authenticator. Passkeys are bound to the
 * portal's origin, so the server listens on a port known before the application starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class CitizenPasskeyBrowserIT extends BrowserTest {

	private static final int PORT = freePort();
	private static final String PASSWORD = "Kemnader See im Nebel";

	@DynamicPropertySource
	static void origin(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("portal.base-url", () -> "http://localhost:" + PORT);
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCitizenAddsAPasskeySignsInWithItAndRemovesItByKeyboard() {
		String email = "passkey." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		jdbc.sql("insert into citizen_account (email, password_hash, created_at, email_verified_at) values (?, ?, now(), now())")
			.params(email, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD))
			.update();
		VirtualAuthenticator authenticator = addPasskeyDevice();
		try {
			driver.manage().deleteAllCookies();
			driver.get(url("/konto/anmelden"));
			assertThat(driver.findElement(By.id("passkey-anmeldung")).isDisplayed()).isTrue();
			assertThat(Browser.axeViolations(driver)).as("axe-core on the sign-in page with passkeys").isEmpty();
			tabTo(By.id("email"));
			active().sendKeys(email);
			press(Keys.TAB);
			active().sendKeys(PASSWORD + Keys.ENTER);
			waitForPage("/konto");
			assertThat(driver.findElement(By.id("keine-passkeys")).getText()).contains("noch keinen Passkey");
			assertThat(Browser.axeViolations(driver)).as("axe-core on the account page").isEmpty();

			addPasskeyByKeyboard("Mein Telefon", "/konto?passkey-eingerichtet");
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("Der Passkey ist eingerichtet",
					"Mein Telefon");
			assertThat(Browser.axeViolations(driver)).as("axe-core on the account page with a passkey").isEmpty();

			tabTo(By.xpath("//main//button[normalize-space()='Abmelden']"));
			pressAndWaitForPage(Keys.ENTER, "/");

			driver.get(url("/konto/anmelden"));
			tabTo(By.id("passkey-anmelden"));
			press(Keys.ENTER);
			wait.until(d -> URI.create(d.getCurrentUrl()).getPath().equals("/konto"));
			assertThat(driver.findElement(By.tagName("main")).getText())
				.as("signed in with the passkey alone").contains("Angemeldet als " + email);

			tabTo(By.cssSelector("form.passkey-entry button"));
			pressAndWaitForPage(Keys.ENTER, "/konto");
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("Der Passkey wurde entfernt.");
			assertThat(Browser.axeViolations(driver)).isEmpty();

			driver.manage().deleteAllCookies();
			driver.get(url("/konto/anmelden"));
			tabTo(By.id("passkey-anmelden"));
			press(Keys.ENTER);
			wait.until(d -> d.findElement(By.id("passkey-anmeldung-fehler")).isDisplayed());
			assertThat(driver.findElement(By.id("passkey-anmeldung-fehler")).getText())
				.as("a removed passkey no longer opens the account").contains("hat nicht geklappt");
			assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/konto/anmelden");
			assertThat(Browser.axeViolations(driver)).as("axe-core with the error shown").isEmpty();
		}
		finally {
			((HasVirtualAuthenticator) driver).removeVirtualAuthenticator(authenticator);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
