package de.bochum.portal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import de.bochum.portal.testsupport.StaffFixtures;
import java.util.Map;

import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page is valid HTML according to the Nu HTML Checker: zero errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HtmlValidityTest {

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/?lang=en", "/gibt-es-nicht", "/intern/anmelden", "/intern/anmelden?fehler",
			"/intern/anmelden?gesperrt", "/intern/anmelden?abgemeldet", "/impressum", "/datenschutz",
			"/barrierefreiheit", "/leichte-sprache", "/gebaerdensprache", "/kontakt" })
	void publicPagesAreValid(String path) {
		assertValid(path, new PortalHttp(port).get(path).body());
	}

	@Test
	void staffPagesAreValid() {
		PortalHttp http = new PortalHttp(port);
		http.signIn(StaffFixtures.create(jdbc, "ADMIN"), StaffFixtures.PASSWORD);
		assertValid("/intern", http.get("/intern").body());
		assertValid("/intern/passwort", http.get("/intern/passwort").body());
		String withErrors = http.submit("/intern/passwort", "/intern/passwort",
				Map.of("aktuell", "falsch", "neu", "x", "wiederholung", "y")).body();
		assertThat(withErrors).contains("Bitte korrigieren Sie Folgendes");
		assertValid("/intern/passwort (errors)", withErrors);
	}

	private static void assertValid(String page, String html) {
		assertThat(HtmlChecker.errors(html)).as("HTML errors on %s", page).isEmpty();
	}
}
