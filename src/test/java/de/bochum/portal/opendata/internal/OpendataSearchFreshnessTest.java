package de.bochum.portal.opendata.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import de.bochum.portal.testsupport.PortalHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Result lists read from the search index and publishers, themes and licences kept in memory must
 * never show an old state: what changed in the database shows at the next request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpendataSearchFreshnessTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Publishing publishing;

	@Autowired
	ApiTokens tokens;

	private final java.util.List<Runnable> undo = new java.util.ArrayList<>();

	@AfterEach
	void restore() {
		// Other tests in this context read the demo catalogue's titles.
		undo.forEach(Runnable::run);
		PublishingFixtures.deleteTestDatasets(jdbc, publishing);
	}

	/** Sets a title by SQL, as an operator would: the portal is not told. */
	private void retitle(String table, String keyColumn, String key, String title) {
		String old = jdbc.sql("select title from " + table + " where " + keyColumn + " = ?").param(key).query(String.class).single();
		undo.add(() -> jdbc.sql("update " + table + " set title = ? where " + keyColumn + " = ?").params(old, key).update());
		jdbc.sql("update " + table + " set title = ? where " + keyColumn + " = ?").params(title, key).update();
	}

	private String page(String path) {
		HttpResponse<String> response = new PortalHttp(port).get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return HtmlUtils.htmlUnescape(response.body());
	}

	private JsonNode api(String pathAndQuery) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("result");
	}

	private JsonNode post(String action, String token, String body) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/3/action/" + action))
				.header("Content-Type", "application/json")
				.header("Authorization", token)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("result");
	}

	@Test
	void aRenamedPublisherThemeOrLicenceShowsAtTheNextRequest() throws Exception {
		// Read once, so that whatever is cached holds the old titles.
		assertThat(page("/daten?q=Haltestelle")).contains("BOGESTRA · ", "BOGESTRA <span class=\"opendata-count\">(1)</span>");
		JsonNode before = api("/api/3/action/package_search?q=Haltestelle").get("results").get(0);
		assertThat(before.get("organization").get("title").asString()).isEqualTo("BOGESTRA");
		String licence = before.get("license_id").asString();
		String theme = before.get("groups").get(0).get("name").asString();

		retitle("opendata_organization", "name", "bogestra", "Bogestra AG");
		retitle("opendata_license", "id", licence, "Lizenz umbenannt");
		retitle("opendata_group", "name", theme, "Thema umbenannt");

		String html = page("/daten?q=Haltestelle");
		assertThat(html).contains("Bogestra AG · ", "Bogestra AG <span class=\"opendata-count\">(1)</span>",
				"Lizenz umbenannt <span class=\"opendata-count\">(1)</span>",
				"Thema umbenannt <span class=\"opendata-count\">(1)</span>")
			.doesNotContain("BOGESTRA");
		JsonNode after = api("/api/3/action/package_search?q=Haltestelle").get("results").get(0);
		assertThat(after.get("organization").get("title").asString()).isEqualTo("Bogestra AG");
		assertThat(after.get("license_title").asString()).isEqualTo("Lizenz umbenannt");
		assertThat(after.get("groups").get(0).get("title").asString()).isEqualTo("Thema umbenannt");
		assertThat(page("/daten/organisation/bogestra")).contains("Bogestra AG · ");
	}

	@Test
	void resultListsFollowAChangedDatasetAtOnce() throws Exception {
		String token = tokens.create(PublishingFixtures.publisherFor(jdbc, "bogestra"), "Test", null);
		String name = PublishingFixtures.uniqueName("frische");
		post("package_create", token, """
				{"name": "%s", "title": "Fahrradboxen", "owner_org": "bogestra", "license_id": "cc-by/4.0",
				 "notes": "Abstellanlagen", "resources": [{"url": "https://example.org/boxen.csv", "format": "CSV"}]}
				""".formatted(name));
		assertThat(page("/daten?q=Fahrradboxen")).contains("Fahrradboxen", "CSV");

		post("package_patch", token, """
				{"id": "%s", "title": "Fahrradgaragen"}""".formatted(name));
		post("resource_create", token, """
				{"package_id": "%s", "url": "https://example.org/boxen.json", "format": "GeoJSON"}""".formatted(name));
		String renamed = page("/daten?q=Fahrradgaragen");
		assertThat(renamed).contains("Fahrradgaragen", "1 Datensatz", "GEOJSON");
		assertThat(page("/daten/organisation/bogestra")).contains("Fahrradgaragen").doesNotContain("Fahrradboxen");

		post("package_delete", token, """
				{"id": "%s"}""".formatted(name));
		assertThat(page("/daten?q=Fahrradgaragen")).contains("Keine Datensätze").doesNotContain("/daten/" + name);
	}
}
