package de.bochum.portal.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import de.bochum.idp.TestIdentityProvider;
import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizen sign-in page as it looks with a state identity provider configured (the test
 * provider as "BundID"): axe-core on it, and the way through the provider and back by keyboard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class CitizenOidcBrowserIT extends BrowserTest {

	private static final int PORT = freePort();
	private static ConfigurableApplicationContext provider;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		provider = OidcLoginTest.startProvider(registry, PORT);
		registry.add("portal.base-url", () -> "http://localhost:" + PORT);
	}

	@AfterAll
	static void stopProvider() {
		if (provider != null) {
			provider.close();
		}
	}

	@Test
	void aCitizenSignsInWithBundIdByKeyboard() {
		driver.manage().deleteAllCookies();
		driver.get(url("/konto/anmelden"));
		assertThat(driver.findElement(By.id("anbieter")).getText()).contains("Anmelden mit: BundID");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the sign-in page with a provider").isEmpty();

		tabTo(By.cssSelector("#anbieter a[href='/oauth2/authorization/bund']"));
		press(Keys.ENTER);
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		wait.until(d -> URI.create(d.getCurrentUrl()).getPath().equals("/login"));
		tabTo(By.id("username"));
		active().sendKeys("buerger.tastatur");
		press(Keys.TAB);
		active().sendKeys(TestIdentityProvider.PASSWORD + Keys.ENTER);
		wait.until(d -> d.getCurrentUrl().equals(url("/konto")));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Angemeldet als buerger.tastatur@example.org");
		assertThat(Browser.axeViolations(driver)).as("axe-core on the account page of a provider account").isEmpty();

		driver.manage().deleteAllCookies();
		driver.get(url("/konto/anmelden?anbieter=no-verified-email"));
		assertThat(driver.findElement(By.id("anbieter")).getText()).contains("keine bestätigte E-Mail-Adresse");
		assertThat(Browser.axeViolations(driver)).as("axe-core with the provider's error").isEmpty();
		tabTo(By.cssSelector(".error-summary a[href='#anbieter']"));
		press(Keys.ENTER);
		tabTo(By.cssSelector("#anbieter a[href='/oauth2/authorization/bund']"));
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
