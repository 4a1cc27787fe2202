package de.bochum.portal.appointments.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import de.bochum.portal.platform.internal.EmbeddedMailbox;
import de.bochum.portal.testsupport.Browser;
import de.bochum.portal.testsupport.BrowserTest;
import de.bochum.portal.testsupport.StaffFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The booking in Chromium by keyboard only, with the proof-of-work solved by the page's script,
 * axe-core on every step (errors included), and the staff's day plan.
 */
class AppointmentsBrowserIT extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedMailbox mailbox;

	@BeforeEach
	void freshLimits() {
		jdbc.sql("delete from platform_rate_limit").update();
	}

	private void axe(String what) {
		assertThat(driver.findElements(By.tagName("h1"))).as(what).hasSize(1);
		assertThat(Browser.axeViolations(driver)).as("axe-core on " + what).isEmpty();
	}

	private void waitForPath(String path) {
		try {
			new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> URI.create(d.getCurrentUrl()).getPath().equals(path));
		}
		catch (org.openqa.selenium.TimeoutException e) {
			throw new AssertionError("expected " + path + ", still at " + driver.getCurrentUrl() + "\n" + driver.findElement(By.tagName("main")).getText()
					+ "\n" + driver.findElement(By.cssSelector("input[name=altcha]")).getAttribute("value"), e);
		}
	}

	@Test
	void aCitizenBooksByKeyboardAndConfirms() {
		driver.get(url("/"));
		tabTo(By.cssSelector("nav a[href='/termine']"));
		pressAndWaitForPage(Keys.ENTER, "/termine");
		axe("the services step");

		tabTo(By.cssSelector("form.kern-form button[type='submit']"));
		press(Keys.ENTER);
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
		assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("mindestens ein Anliegen");
		axe("the services step with an error");

		tabTo(By.id("anzahl-reisepass"));
		active().sendKeys("1");
		tabTo(By.cssSelector("form.kern-form button[type='submit']"));
		press(Keys.ENTER);
		waitForPath("/termine/ort");
		axe("the office step");
		assertThat(driver.findElement(By.id("ort-alle")).isSelected()).isTrue();
		tabTo(By.cssSelector("form.kern-form button[type='submit']"));
		press(Keys.ENTER);
		waitForPath("/termine/zeit");
		axe("the time step");

		tabTo(By.cssSelector("form.kern-form button[type='submit']"));
		press(Keys.ENTER);
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
		assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("Tag und eine Uhrzeit");
		axe("the time step with an error");
		tabTo(By.id("termin"));
		press(Keys.SPACE);
		tabTo(By.cssSelector("form.kern-form button[type='submit']"));
		press(Keys.ENTER);
		waitForPath("/termine/angaben");
		axe("the details step");

		tabTo(By.id("email"));
		active().sendKeys("kein-at-zeichen");
		tabTo(By.cssSelector("form.kern-form button[type='submit']"));
		press(Keys.ENTER);
		new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
		axe("the details step with errors");
		tabTo(By.cssSelector(".error-summary a[href='#name']"));
		press(Keys.ENTER);
		assertThat(active().getAttribute("id")).isEqualTo("name");
		String email = AppointmentBookingTest.email("tastatur");
		active().sendKeys("Tanja Tastatur");
		tabTo(By.id("email"));
		active().sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		active().sendKeys(email);
		tabTo(By.cssSelector("form.kern-form button[type='submit']"));
		press(Keys.ENTER);
		waitForPath("/termine/reserviert");
		axe("the page after the hold");
		assertThat(jdbc.sql("select count(*) from appointments_pow").query(Long.class).single()).as("the script solved the proof-of-work")
			.isPositive();

		String code = BookingSteps.code(mailbox, email);
		driver.get(url("/termine/verwalten?code=" + code));
		axe("the confirmation page");
		tabTo(By.id("bestaetigen"));
		press(Keys.ENTER);
		waitForPath("/termine/verwalten");
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.tagName("main")).getText().contains("ist bestätigt"));
		axe("the confirmed appointment");
		assertThat(jdbc.sql("select status from appointments_booking where email = ?").param(email).query(String.class).single())
			.isEqualTo("CONFIRMED");

		driver.get(url("/termine/aufruf/buergerbuero-rathaus"));
		axe("the waiting room display");
		driver.get(url("/termine/verwalten?code=ungueltig"));
		axe("an invalid link");
	}

	@Test
	void theDayPlanPassesAxe() {
		signIn(StaffFixtures.createInOffices(jdbc, Set.of("buergerbueros"), "CASEWORKER"), StaffFixtures.PASSWORD);
		driver.get(url("/intern/termine"));
		axe("the staff's offices");
		tabTo(By.cssSelector("main a[href^='/intern/termine/buergerbuero-rathaus']"));
		press(Keys.ENTER);
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> URI.create(d.getCurrentUrl()).getPath().equals("/intern/termine/buergerbuero-rathaus"));
		axe("the day plan");
		tabTo(By.cssSelector("form[action$='/sperren'] button[type='submit']"));
		press(Keys.ENTER);
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
		axe("the day plan with errors");
	}
}
