package de.bochum.portal.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.BrowserTest;
import de.bochum.portal.testsupport.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member sets up a passkey and signs in with it alone, in Chromium with a virtual
 * authenticator that verifies the user as a phone's fingerprint sensor would. Passkeys are bound to
 * the portal's origin, so the test server listens on a port known before the application starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PasskeyBrowserIT extends BrowserTest {

	private static final int PORT = freePort();

	@DynamicPropertySource
	static void origin(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("portal.base-url", () -> "http://localhost:" + PORT);
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStaffMemberSetsUpAPasskeyAndSignsInWithItByKeyboard() {
		VirtualAuthenticator authenticator = addPasskeyDevice();
		try {
			String username = StaffFixtures.create(jdbc, "CASEWORKER");
			signIn(username, StaffFixtures.PASSWORD);

			driver.get(url("/intern"));
			tabTo(By.cssSelector("main a[href='/intern/passkeys']"));
			press(Keys.ENTER);
			waitForPage("/intern/passkeys");
			assertThat(driver.findElement(By.id("keine-passkeys")).getText()).contains("noch keinen Passkey");
			assertThat(Browser.axeViolations(driver)).isEmpty();

			addPasskeyByKeyboard("Diensthandy", "/intern/passkeys?hinzugefuegt");
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("Der Passkey ist eingerichtet",
					"Diensthandy");
			assertThat(Browser.axeViolations(driver)).isEmpty();
			assertThat(jdbc.sql("""
					select count(*) from user_credentials c join user_entities u on u.id = c.user_entity_user_id
					where u.name = ?""").param(username).query(Integer.class).single()).isEqualTo(1);

			driver.manage().deleteAllCookies();
			driver.get(url("/intern/anmelden"));
			assertThat(driver.findElement(By.id("passkey-anmeldung")).isDisplayed()).isTrue();
			assertThat(Browser.axeViolations(driver)).isEmpty();
			tabTo(By.id("passkey-anmelden"));
			press(Keys.ENTER);
			wait.until(d -> URI.create(d.getCurrentUrl()).getPath().equals("/intern"));
			assertThat(driver.findElement(By.tagName("main")).getText())
				.as("signed in with the passkey alone, no code asked").contains("Testperson " + username);

			driver.get(url("/intern/passkeys"));
			tabTo(By.cssSelector("form.passkey-entry button"));
			pressAndWaitForPage(Keys.ENTER, "/intern/passkeys");
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("Der Passkey wurde gelöscht.");

			driver.manage().deleteAllCookies();
			driver.get(url("/intern/anmelden"));
			tabTo(By.id("passkey-anmelden"));
			press(Keys.ENTER);
			wait.until(d -> d.findElement(By.id("passkey-anmeldung-fehler")).isDisplayed());
			assertThat(driver.findElement(By.id("passkey-anmeldung-fehler")).getText())
				.as("a deleted passkey no longer opens the door").contains("hat nicht geklappt");
			assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/intern/anmelden");
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
