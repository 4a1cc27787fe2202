package de.bochum.portal.platform.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import de.bochum.portal.testsupport.StaffFixtures;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/** Security headers, cookies, CSRF, error pages and languages, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WebBaselineTest.FailingPages.class)
class WebBaselineTest {

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	PortalHttp http;

	@BeforeEach
	void newVisitor() {
		http = new PortalHttp(port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/impressum", "/gibt-es-nicht", "/intern/anmelden", "/intern",
			"/kern/kern.min.css", "/css/portal.css", "/actuator/health", "/actuator/prometheus", "/test/fehler" })
	void everyResponseCarriesTheSecurityHeaders(String path) {
		HttpResponse<String> response = http.get(path);
		var headers = response.headers();
		assertThat(headers.firstValue("Content-Security-Policy")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
		assertThat(headers.firstValue("Strict-Transport-Security")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("max-age=31536000");
		assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
		assertThat(headers.firstValue("Permissions-Policy")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("camera=()", "geolocation=()", "microphone=()");
		assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/impressum", "/datenschutz", "/barrierefreiheit", "/leichte-sprache",
			"/gebaerdensprache", "/kontakt", "/gibt-es-nicht", "/kern/kern.min.css" })
	void visitorsWhoOnlyReadGetNoCookie(String path) {
		HttpResponse<String> response = http.get(path);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void sessionCookieIsSecureHttpOnlyAndLax() {
		HttpResponse<String> login = http.get("/intern/anmelden");
		String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("portal_session=").contains("Secure", "HttpOnly", "SameSite=Lax");
	}

	@Test
	void forgedPostsAreRejected() {
		http.get("/intern/anmelden");
		HttpResponse<String> noToken = http.post("/intern/anmelden",
				Map.of("benutzername", "admin", "passwort", TestDatabase.ADMIN_PASSWORD));
		assertThat(noToken.statusCode()).isEqualTo(403);
		assertThat(noToken.body()).contains("Kein Zugriff");
		HttpResponse<String> wrongToken = http.post("/intern/anmelden",
				Map.of("benutzername", "admin", "passwort", TestDatabase.ADMIN_PASSWORD, "_csrf", "gefälscht"));
		assertThat(wrongToken.statusCode()).isEqualTo(403);
		assertThat(http.get("/intern").statusCode()).as("not signed in").isEqualTo(302);
	}

	@Test
	void notFoundIsAPageInTheLayout() {
		HttpResponse<String> response = http.get("/gibt-es-nicht");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("<h1", "Seite nicht gefunden", "Zum Inhalt springen", "Impressum",
				"lang=\"de\"");
	}

	@Test
	void errorPagesSpeakEnglishToo() {
		http.get("/?lang=en");
		HttpResponse<String> response = http.get("/gibt-es-nicht");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Page not found", "lang=\"en\"", "Legal notice");
	}

	@Test
	void serverErrorsShowNoInternals() {
		HttpResponse<String> response = http.get("/test/fehler");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("Ein Fehler ist aufgetreten")
			.doesNotContain("GEHEIMES-DETAIL", "Exception", "at de.bochum", "FailingPages", "trace");
	}

	@Test
	void badRequestsGetTheirOwnPage() {
		HttpResponse<String> response = http.get("/test/ungueltig");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Die Anfrage ist fehlerhaft").doesNotContain("GEHEIMES-DETAIL");
	}

	@Test
	void forbiddenPagesSayNoAccess() {
		assertThat(PortalHttp.location(http.signIn(StaffFixtures.create(jdbc, "ADMIN"), StaffFixtures.PASSWORD))).endsWith("/intern");
		HttpResponse<String> response = http.get("/intern/test/redaktion");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("Kein Zugriff").doesNotContain("AccessDenied");
	}

	@Test
	void languageSwitchKeepsThePageAndIsRemembered() {
		HttpResponse<String> german = http.get("/impressum");
		assertThat(german.body()).contains("lang=\"de\"", "<h1 class=\"kern-heading-x-large\">Impressum</h1>",
				"href=\"/impressum?lang=en\"");
		HttpResponse<String> english = http.get("/impressum?lang=en");
		assertThat(english.body()).contains("lang=\"en\"", ">Legal notice</h1>", "href=\"/impressum?lang=de\"");
		assertThat(http.get("/kontakt").body()).as("the choice is remembered").contains(">Contact</h1>");
		assertThat(http.get("/kontakt?lang=de").body()).contains(">Kontakt</h1>");
	}

	@Test
	void languageSwitchKeepsOtherParameters() {
		assertThat(http.get("/intern/anmelden?abgemeldet").body()).contains("/intern/anmelden?abgemeldet&amp;lang=en");
	}

	@Test
	void actuatorIsForAdminsOnly() {
		assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(http.get("/actuator/health").body()).contains("\"status\":\"UP\"").doesNotContain("components");
		assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
		assertThat(http.get("/actuator/metrics").statusCode()).isEqualTo(401);
	}

	@Test
	void homePageShowsTheAreasAndTheDistricts() {
		String body = http.get("/").body();
		assertThat(body).contains("Termine im Bürgerbüro", "Offene Daten", "Freies WLAN", "Hackday", "kommt bald",
				"Stadtbezirk VI: Bochum-Südwest", "Höntrop");
		for (String link : List.of("/impressum", "/datenschutz", "/barrierefreiheit", "/leichte-sprache",
				"/gebaerdensprache", "/kontakt")) {
			assertThat(body).contains("href=\"" + link + "\"");
			assertThat(http.get(link).statusCode()).as(link).isEqualTo(200);
		}
	}

	@TestConfiguration
	static class FailingPages {

		@Bean
		FailingController failingController() {
			return new FailingController();
		}
	}

	@RestController
	static class FailingController {

		@GetMapping("/test/fehler")
		String fail() {
			throw new IllegalStateException("GEHEIMES-DETAIL aus der Datenbank");
		}

		@GetMapping("/test/ungueltig")
		String invalid() {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "GEHEIMES-DETAIL");
		}

		@GetMapping("/intern/test/redaktion")
		@PreAuthorize("hasRole('EDITOR')")
		String editorsOnly() {
			return "nur Redaktion";
		}
	}
}
