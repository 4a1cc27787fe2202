package de.bochum.portal.services.internal;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Editors change a service; citizens see it at once, in the pages and in the search. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceEditingTest {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEditorChangesTextsAndLebenslageAndTheSearchFollows() {
		PortalHttp editor = editor();
		assertThat(editor.get("/intern").body()).contains("href=\"/intern/leistungen\"");
		String form = editor.get("/intern/leistungen/hausnummer").body();
		assertThat(HtmlChecker.errors(form)).isEmpty();

		Map<String, String> fields = fields("Hausnummer zuteilen und Hausnummernschild", version(form));
		fields.put("kosten", "75,00 EUR.");
		fields.put("lebenslage", "umzug");
		HttpResponse<String> saved = editor.submit("/intern/leistungen/hausnummer", "/intern/leistungen/hausnummer", fields);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(PortalHttp.location(saved)).endsWith("/intern/leistungen/hausnummer?gespeichert=1");
		assertThat(editor.get("/intern/leistungen/hausnummer?gespeichert=1").body()).contains("wurde gespeichert");

		PortalHttp citizen = new PortalHttp(port);
		String page = HtmlUtils.htmlUnescape(citizen.get("/leistungen/hausnummer").body());
		assertThat(page).contains("Hausnummer zuteilen und Hausnummernschild", "75,00 EUR.", "Umzug nach Bochum")
			.doesNotContain("Bauen und Wohnen");
		assertThat(citizen.get("/leistungen/lebenslage/umzug").body()).contains("/leistungen/hausnummer");
		assertThat(HtmlUtils.htmlUnescape(citizen.get("/leistungen?q=Hausnummernschild").body()))
			.contains("1 Treffer", "Hausnummer zuteilen und Hausnummernschild");
	}

	@Test
	void aStaleFormKeepsTheTypedTextAndSaysSomeoneElseSaved() {
		PortalHttp first = editor();
		PortalHttp second = editor();
		String stale = version(first.get("/intern/leistungen/fundsachen").body());
		second.submit("/intern/leistungen/fundsachen", "/intern/leistungen/fundsachen",
				fields("Fundsachen abgeben oder abholen", version(second.get("/intern/leistungen/fundsachen").body())));

		HttpResponse<String> conflict = first.submit("/intern/leistungen/fundsachen", "/intern/leistungen/fundsachen",
				fields("Fundbüro – mein getippter Text", stale));
		assertThat(conflict.statusCode()).isEqualTo(200);
		String body = HtmlUtils.htmlUnescape(conflict.body());
		assertThat(body).contains("Jemand anderes hat diese Leistung inzwischen gespeichert", "href=\"#name\"",
				"value=\"Fundbüro – mein getippter Text\"");
		assertThat(new PortalHttp(port).get("/leistungen/fundsachen").body()).doesNotContain("mein getippter Text");
		assertThat(HtmlChecker.errors(conflict.body())).isEmpty();
	}

	@Test
	void invalidInputIsSummarisedLinkedToItsFieldsAndKept() {
		PortalHttp editor = editor();
		Map<String, String> fields = fields("", version(editor.get("/intern/leistungen/beglaubigung").body()));
		fields.put("leika", "12345");
		fields.put("dauer", "viel");
		fields.put("online", "true");
		HttpResponse<String> response = editor.submit("/intern/leistungen/beglaubigung", "/intern/leistungen/beglaubigung", fields);
		String body = HtmlUtils.htmlUnescape(response.body());
		assertThat(body).contains("Bitte korrigieren Sie die Angaben", "href=\"#name\"", "href=\"#leika\"",
				"href=\"#dauer\"", "href=\"#online-url\"", "genau 14 Ziffern", "value=\"12345\"", "value=\"viel\"");
		assertThat(HtmlChecker.errors(response.body())).isEmpty();
		assertThat(new PortalHttp(port).get("/leistungen/beglaubigung").body()).contains("Beglaubigung von Kopien");
	}

	@Test
	void citizensAndCaseworkersCannotEdit() {
		assertThat(new PortalHttp(port).get("/intern/leistungen").statusCode()).isIn(302, 401);
		PortalHttp caseworker = new PortalHttp(port);
		caseworker.signIn(StaffFixtures.create(jdbc, "CASEWORKER"), StaffFixtures.PASSWORD);
		assertThat(caseworker.get("/intern/leistungen").statusCode()).isEqualTo(403);
	}

	private PortalHttp editor() {
		PortalHttp http = new PortalHttp(port);
		http.signIn(StaffFixtures.create(jdbc, "EDITOR"), StaffFixtures.PASSWORD);
		return http;
	}

	private static String version(String form) {
		Matcher matcher = VERSION.matcher(form);
		assertThat(matcher.find()).as("version field").isTrue();
		return matcher.group(1);
	}

	private static Map<String, String> fields(String name, String version) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", name);
		fields.put("beschreibung", "Eine Beschreibung in einfacher Sprache.");
		fields.put("kosten", "60,00 EUR.");
		fields.put("unterlagen", "Lageplan\nAngabe des Eingangs");
		fields.put("dauer", "10");
		fields.put("version", version);
		return fields;
	}
}
