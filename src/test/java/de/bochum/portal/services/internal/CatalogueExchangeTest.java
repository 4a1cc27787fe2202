package de.bochum.portal.services.internal;

import java.nio.charset.StandardCharsets;

import de.bochum.portal.services.ServiceCatalogue;
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

/** Another city's catalogue comes in through the same JSON the portal publishes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogueExchangeTest {

	@LocalServerPort
	int port;

	@Autowired
	CatalogueExchange exchange;

	@Autowired
	ServiceCatalogue catalogue;

	@Autowired
	LeistungRepository leistungen;

	@Autowired
	JdbcClient jdbc;

	@Test
	void exportThenImportIntoAnEmptiedCatalogueRoundTrips() {
		var response = new PortalHttp(port).get("/leistungen/export.json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("application/json");
		String exported = response.body();
		assertThat(exported).contains("\"format\":\"bochumportal-leistungen/1\"", "\"slug\":\"hundesteuer-anmelden\"",
				"Heiligabend");
		int services = catalogue.leistungen().size();

		// Through the repository, so the search index forgets the services too.
		leistungen.deleteAll();
		for (String table : new String[] { "services_standort", "services_dienststelle", "services_lebenslage" }) {
			jdbc.sql("delete from " + table).update();
		}
		assertThat(catalogue.leistungen()).isEmpty();

		var report = exchange.importJson(exported.getBytes(StandardCharsets.UTF_8));
		assertThat(report.error()).isNull();
		assertThat(report.count(CatalogueExchange.Outcome.CREATED)).isEqualTo(services);
		assertThat(report.count(CatalogueExchange.Outcome.REJECTED)).isZero();
		assertThat(new PortalHttp(port).get("/leistungen/export.json").body()).isEqualTo(exported);
		assertThat(HtmlUtils.htmlUnescape(new PortalHttp(port).get("/leistungen?q=Hundesteuer").body()))
			.contains("Hundesteuer anmelden");
	}

	@Test
	void unreadableJsonChangesNothingAndBadEntriesAreRejectedWithAReason() {
		int before = catalogue.leistungen().size();
		assertThat(exchange.importJson("{\"format\": \"bochumportal-leistungen/1\", \"leistungen\": [".getBytes(StandardCharsets.UTF_8)).error())
			.isEqualTo("services.import.error.json");
		assertThat(exchange.importJson("{\"format\": \"xzufi\"}".getBytes(StandardCharsets.UTF_8)).error())
			.isEqualTo("services.import.error.format");

		String document = """
				{"format": "bochumportal-leistungen/1",
				 "leistungen": [
				  {"slug": "baumfaellung", "leikaKey": null, "name": "Baumfällgenehmigung", "description": "Für das Fällen geschützter Bäume.",
				   "documents": ["Lageplan"], "lebenslagen": ["bauen-wohnen"], "durationMinutes": 15, "dienststelleSlug": "bauordnungsamt",
				   "inPerson": true},
				  {"slug": "kaputt", "leikaKey": "123", "name": "Falscher Schlüssel", "description": "x", "documents": [], "lebenslagen": [], "durationMinutes": 15},
				  {"slug": "ohne-stelle", "name": "Ohne Stelle", "description": "x", "documents": [], "lebenslagen": [], "durationMinutes": 15, "dienststelleSlug": "gibt-es-nicht"}
				 ]}""";
		var report = exchange.importJson(document.getBytes(StandardCharsets.UTF_8));
		assertThat(report.entries()).extracting(CatalogueExchange.Entry::outcome)
			.containsExactly(CatalogueExchange.Outcome.CREATED, CatalogueExchange.Outcome.REJECTED,
					CatalogueExchange.Outcome.REJECTED);
		assertThat(report.entries()).extracting(CatalogueExchange.Entry::reason)
			.containsExactly(null, "services.import.reject.leika", "services.import.reject.dienststelle");
		assertThat(catalogue.leistungen()).hasSize(before + 1);
		assertThat(HtmlUtils.htmlUnescape(new PortalHttp(port).get("/leistungen/lebenslage/bauen-wohnen").body()))
			.contains("Baumfällgenehmigung");
		leistungen.delete(leistungen.findBySlug("baumfaellung").orElseThrow());
	}

	@Test
	void editorsSeeTheImportForm() {
		PortalHttp editor = new PortalHttp(port);
		editor.signIn(StaffFixtures.create(jdbc, "EDITOR"), StaffFixtures.PASSWORD);
		String page = editor.get("/intern/leistungen/import").body();
		assertThat(page).contains("enctype=\"multipart/form-data\"", "<label class=\"kern-label\" for=\"datei\">");
		assertThat(HtmlChecker.errors(page)).isEmpty();
	}
}
