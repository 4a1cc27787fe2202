package de.bochum.portal.opendata.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.StaffFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CKAN write actions as CKAN clients call them: POST with a JSON body and the raw API token in
 * the {@code Authorization} header (ckanapi, CKAN's JavaScript client) or in {@code X-CKAN-API-Key}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpendataCkanWriteTest extends PublishingTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern NEW_TOKEN = Pattern.compile("id=\"neues-token\">(bpo_[A-Za-z0-9_-]+)<");

	@Autowired
	ApiTokens tokens;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> post(String action, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/3/action/" + action))
			.header("Content-Type", "application/json")
			.header("User-Agent", "ckanapi/4.7 (+https://github.com/ckan/ckanapi)")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
		if (token != null) {
			request.header("X-CKAN-API-Key", token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The result of a successful call, checked as CKAN clients expect it (and without a cookie). */
	static JsonNode result(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("success").asBoolean()).isTrue();
		return body.get("result");
	}

	/** CKAN's error dictionary, after checking status, envelope and {@code __type}. */
	static JsonNode error(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("success").asBoolean()).isFalse();
		assertThat(body.get("help").asString()).contains("/api/3/action/help_show?name=");
		assertThat(body.get("error").get("__type").asString()).isEqualTo(type);
		return body.get("error");
	}

	private String tokenFor(String... organizations) {
		return tokens.create(PublishingFixtures.publisherFor(jdbc, organizations), "Test", null);
	}

	private static String packageDict(String name) {
		return """
				{"name": "%s", "title": "Carsharing-Stationen", "owner_org": "bogestra",
				 "notes": "Stationen von **Carsharing** an Haltestellen.", "license_id": "cc-by/4.0",
				 "private": false, "tags": [{"name": "Mobilität"}, {"name": "Carsharing"}],
				 "groups": [{"name": "tran"}], "extras": [{"key": "quelle", "value": "Betriebshof"}],
				 "maintainer": "BOGESTRA, Mobilitätsdaten", "frequency": "MONTHLY", "spatial_key": "wattenscheid",
				 "resources": [{"url": "https://example.org/carsharing.csv", "format": "csv", "name": "Stationen (CSV)"}]}
				""".formatted(name);
	}

	@Test
	void aPublisherCreatesATokenOnceAndRevokesIt() throws Exception {
		PortalHttp staff = new PortalHttp(port);
		String username = PublishingFixtures.publisherFor(jdbc, "bogestra");
		staff.signIn(username, StaffFixtures.PASSWORD);
		String refused = HtmlUtils.htmlUnescape(staff
			.submit("/intern/daten/tokens", "/intern/daten/tokens", java.util.Map.of("label", "", "ablauf", "gestern"))
			.body());
		assertThat(refused).contains("Bitte korrigieren Sie Ihre Eingaben", "href=\"#label\"", "href=\"#ablauf\"",
				"value=\"gestern\"");

		HttpResponse<String> created = staff.submit("/intern/daten/tokens", "/intern/daten/tokens",
				java.util.Map.of("label", "Exportjob Wattenscheid", "ablauf", LocalDate.now().plusYears(1).toString()));
		assertThat(PortalHttp.location(created)).endsWith("/intern/daten/tokens");
		String page = staff.get("/intern/daten/tokens").body();
		Matcher shown = NEW_TOKEN.matcher(page);
		assertThat(shown.find()).as("token shown after creation").isTrue();
		String token = shown.group(1);
		assertThat(staff.get("/intern/daten/tokens").body()).doesNotContain(token).contains("Exportjob Wattenscheid", "noch nie");
		assertThat(jdbc.sql("select count(*) from opendata_api_token where token_hash = ?")
			.param(ApiTokens.hash(token))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from opendata_api_token where token_hash = ? or label = ?")
			.params(token, token)
			.query(Long.class)
			.single()).as("the token itself is not stored").isZero();

		String name = PublishingFixtures.uniqueName("carsharing");
		result(post("package_create", token, packageDict(name)));
		assertThat(staff.get("/intern/daten/tokens").body()).doesNotContain("noch nie");
		assertThat(HtmlUtils.htmlUnescape(staff.get("/intern/daten/datensatz/" + name).body())).contains(username, "API");

		String id = jdbc.sql("select id::text from opendata_api_token where token_hash = ?")
			.param(ApiTokens.hash(token))
			.query(String.class)
			.single();
		HttpResponse<String> revoked = staff.submit("/intern/daten/tokens", "/intern/daten/tokens/" + id + "/widerrufen",
				java.util.Map.of());
		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(302);
		assertThat(HtmlUtils.htmlUnescape(staff.get("/intern/daten/tokens").body())).contains("wurde widerrufen")
			.doesNotContain("Exportjob Wattenscheid");
		error(post("package_patch", token, "{\"id\": \"" + name + "\", \"title\": \"Widerrufen\"}"), 403,
				"Authorization Error");
	}

	@Test
	void expiredAndUnknownTokensAreRefused() throws Exception {
		String username = PublishingFixtures.publisherFor(jdbc, "bogestra");
		String expired = tokens.create(username, "Alt", LocalDate.now().minusDays(2));
		String name = PublishingFixtures.uniqueName("abgelaufen");
		assertThat(error(post("package_create", expired, packageDict(name)), 403, "Authorization Error")
			.get("message").asString()).contains("expired");
		error(post("package_create", "bpo_ausgedacht", packageDict(name)), 403, "Authorization Error");
		assertThat(error(post("package_create", null, packageDict(name)), 403, "Authorization Error")
			.get("message").asString()).contains("API token");
		// Reading with a stale token still works, as for anyone.
		result(get("/api/3/action/package_show?id=haltestellen", expired));
		assertThat(jdbc.sql("select count(*) from opendata_dataset where name = ?").param(name).query(Long.class).single())
			.isZero();
	}

	@Test
	void aCreatedDatasetIsFoundAtOnceAndChangesAsCkanSays() throws Exception {
		String token = tokenFor("bogestra");
		String name = PublishingFixtures.uniqueName("carsharing");
		JsonNode created = result(post("package_create", token, packageDict(name)));
		assertThat(created.get("name").asString()).isEqualTo(name);
		assertThat(created.get("organization").get("name").asString()).isEqualTo("bogestra");
		assertThat(created.get("num_tags").asInt()).isEqualTo(2);
		assertThat(created.get("resources").get(0).get("format").asString()).isEqualTo("CSV");
		assertThat(created.get("frequency").asString()).endsWith("/frequency/MONTHLY");
		assertThat(created.get("extras").get(0).get("key").asString()).isEqualTo("quelle");
		String id = created.get("id").asString();

		JsonNode search = result(get("/api/3/action/package_search?q=Carsharing&fq=organization:bogestra", null));
		assertThat(search.get("results").valueStream().map(d -> d.get("name").asString())).contains(name);
		assertThat(get("/catalog.ttl", null).body()).contains("/daten/" + name);
		assertThat(result(get("/api/3/action/package_show?id=" + id, null)).get("title").asString())
			.isEqualTo("Carsharing-Stationen");

		JsonNode clash = error(post("package_create", token, packageDict(name)), 409, "Validation Error");
		assertThat(clash.get("name").get(0).asString()).isEqualTo("That URL is already in use.");
		JsonNode bad = error(post("package_create", token,
				"{\"name\": \"Nicht Gültig\", \"owner_org\": \"bogestra\", \"license_id\": \"gibt-es-nicht\", \"temporal_start\": \"01.01.2020\"}"),
				409, "Validation Error");
		assertThat(bad.propertyNames()).contains("name", "license_id", "temporal_start", "__type");

		// patch: only the given fields change
		JsonNode patched = result(post("package_patch", token, "{\"id\": \"" + name + "\", \"title\": \"Carsharing in Bochum\"}"));
		assertThat(patched.get("title").asString()).isEqualTo("Carsharing in Bochum");
		assertThat(patched.get("num_tags").asInt()).isEqualTo(2);
		assertThat(patched.get("notes").asString()).contains("Carsharing");

		// update: a full replace; resources stay when the key is missing
		JsonNode updated = result(post("package_update", token, """
				{"id": "%s", "name": "%s", "title": "Carsharing", "owner_org": "bogestra", "license_id": "dl-zero-de/2.0"}
				""".formatted(id, name)));
		assertThat(updated.get("num_tags").asInt()).isZero();
		assertThat(updated.get("notes").asString()).isEmpty();
		assertThat(updated.get("license_id").asString()).isEqualTo("dl-zero-de/2.0");
		assertThat(updated.get("num_resources").asInt()).isEqualTo(1);

		JsonNode resource = result(post("resource_create", token, """
				{"package_id": "%s", "url": "https://example.org/carsharing.geojson", "format": "GeoJSON"}
				""".formatted(name)));
		assertThat(resource.get("name").asString()).isEqualTo("carsharing.geojson");
		assertThat(resource.get("package_id").asString()).isEqualTo(id);
		String resourceId = resource.get("id").asString();
		JsonNode changed = result(post("resource_update", token, """
				{"id": "%s", "url": "https://example.org/carsharing-2.geojson", "name": "Stationen (GeoJSON)", "format": "GEOJSON", "size": 2048}
				""".formatted(resourceId)));
		assertThat(changed.get("size").asLong()).isEqualTo(2048);
		assertThat(result(get("/api/3/action/resource_show?id=" + resourceId, null)).get("url").asString())
			.endsWith("carsharing-2.geojson");
		error(post("resource_update", token, "{\"id\": \"" + resourceId + "\", \"url\": \"kein-link\"}"), 409,
				"Validation Error");
		assertThat(result(post("resource_delete", token, "{\"id\": \"" + resourceId + "\"}")).isNull()).isTrue();
		error(get("/api/3/action/resource_show?id=" + resourceId, null), 404, "Not Found Error");

		assertThat(result(post("package_delete", token, "{\"id\": \"" + name + "\"}")).isNull()).isTrue();
		error(get("/api/3/action/package_show?id=" + name, null), 404, "Not Found Error");
		assertThat(result(get("/api/3/action/package_search?q=Carsharing", null)).get("count").asInt()).isZero();
		assertThat(get("/catalog.ttl", null).body()).doesNotContain("/daten/" + name);
		assertThat(result(get("/api/3/action/package_show?id=" + name, token)).get("state").asString())
			.isEqualTo("deleted");
		JsonNode restored = result(post("package_patch", token, "{\"id\": \"" + name + "\", \"state\": \"active\"}"));
		assertThat(restored.get("state").asString()).isEqualTo("active");
		assertThat(result(get("/api/3/action/package_show?id=" + name, null)).get("name").asString()).isEqualTo(name);
		assertThat(jdbc.sql("select string_agg(action || '/' || channel, ',' order by id) from opendata_audit where dataset_id = ?::uuid")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("created/api,updated/api,updated/api,resource created/api,resource updated/api,"
					+ "resource deleted/api,deleted/api,updated/api,restored/api");
	}

	@Test
	void writesOutsideTheCallersOrganizationsAreRefused() throws Exception {
		String token = tokenFor("bogestra");
		error(post("package_patch", token, "{\"id\": \"spielplaetze\", \"title\": \"Gekapert\"}"), 403,
				"Authorization Error");
		error(post("package_delete", token, "{\"id\": \"spielplaetze\"}"), 403, "Authorization Error");
		String foreign = packageDict(PublishingFixtures.uniqueName("fremd")).replace("\"bogestra\"", "\"stadt-bochum\"");
		error(post("package_create", token, foreign), 403, "Authorization Error");
		String resourceId = result(get("/api/3/action/package_show?id=spielplaetze", null)).get("resources").get(0)
			.get("id").asString();
		error(post("resource_delete", token, "{\"id\": \"" + resourceId + "\"}"), 403, "Authorization Error");
		error(post("package_patch", token, "{\"id\": \"haltestellen\", \"owner_org\": \"stadt-bochum\"}"), 403,
				"Authorization Error");
		assertThat(result(get("/api/3/action/package_show?id=spielplaetze", null)).get("title").asString())
			.isEqualTo("Spielplätze in Bochum");

		error(post("package_patch", token, "{\"id\": \"gibt-es-nicht\"}"), 404, "Not Found Error");
		error(post("resource_update", token, "{\"id\": \"0d300000-0000-4000-8000-00000000ffff\", \"url\": \"https://example.org\"}"), 404,
				"Not Found Error");
		error(get("/api/3/action/package_create?name=x", token), 400, "Bad Request");
		error(post("package_create", token, "{\"name\": "), 400, "Bad Request");
	}

	@Test
	void privateDatasetsAreSearchableOnlyForTheirOrganization() throws Exception {
		String vbw = tokenFor("vbw-bauen-und-wohnen");
		String usb = tokenFor("usb-bochum");
		String query = "/api/3/action/package_search?q=Mietspiegel&include_private=true";
		assertThat(result(get(query, null)).get("count").asInt()).isZero();
		assertThat(result(get(query, usb)).get("count").asInt()).isZero();
		JsonNode found = result(get(query, vbw));
		assertThat(found.get("count").asInt()).isEqualTo(1);
		assertThat(found.get("results").get(0).get("private").asBoolean()).isTrue();
		assertThat(result(get("/api/3/action/package_search?q=Mietspiegel", vbw)).get("count").asInt())
			.as("only with include_private").isZero();
		assertThat(result(get("/api/3/action/package_show?id=mietspiegel-entwurf", vbw)).get("private").asBoolean())
			.isTrue();
		error(get("/api/3/action/package_show?id=mietspiegel-entwurf", usb), 404, "Not Found Error");

		String name = PublishingFixtures.uniqueName("entwurf");
		result(post("package_create", vbw, """
				{"name": "%s", "title": "Leerstandsquote Entwurf", "owner_org": "vbw-bauen-und-wohnen", "license_id": "cc-zero", "private": true}
				""".formatted(name)));
		assertThat(result(get("/api/3/action/package_search?q=Leerstandsquote", null)).get("count").asInt()).isZero();
		assertThat(result(get("/api/3/action/package_search?q=Leerstandsquote&include_private=true", vbw)).get("count")
			.asInt()).isEqualTo(1);
		JsonNode published = result(post("package_patch", vbw, "{\"id\": \"" + name + "\", \"private\": false}"));
		assertThat(published.get("private").asBoolean()).isFalse();
		assertThat(result(get("/api/3/action/package_search?q=Leerstandsquote", null)).get("count").asInt()).isEqualTo(1);
	}

	@Test
	void anUploadThatIsNotWhatItsNameSaysIsRefusedClearlyAndChangesNothing() throws Exception {
		String token = tokenFor("bogestra");
		int before = result(get("/api/3/action/package_show?id=haltestellen", null)).get("num_resources").asInt();
		String boundary = "ckanapi-grenze";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"package_id\"\r\n\r\nhaltestellen\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttps://example.org/x.csv\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"x.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n\u0000\u0001binary\r\n--" + boundary + "--\r\n";
		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/3/action/resource_create"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Authorization", token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(error(response, 409, "Validation Error").get("upload").get(0).asString())
			.contains("does not match its extension");
		assertThat(result(get("/api/3/action/package_show?id=haltestellen", null)).get("num_resources").asInt())
			.isEqualTo(before);
	}

	@Test
	void helpShowDescribesEveryAction() throws Exception {
		assertThat(result(get("/api/3/action/help_show?name=package_patch", null)).asString()).contains("given fields");
		error(get("/api/3/action/help_show?name=kaffee_kochen", null), 404, "Not Found Error");
	}

	@Test
	void oddCharactersInAResourceAddressAreEncodedAndNoAddressBreaksTheRdfCatalogue() throws Exception {
		String token = tokenFor("bogestra");
		String name = PublishingFixtures.uniqueName("adressen");
		result(post("package_create", token, packageDict(name)));
		JsonNode created = result(post("resource_create", token, """
				{"package_id": "%s", "url": "https://example.org/daten/a|b{c}^d`e<g>h?x=1|2", "format": "CSV"}
				""".formatted(name)));
		assertThat(created.get("url").asString())
			.isEqualTo("https://example.org/daten/a%7Cb%7Bc%7D%5Ed%60e%3Cg%3Eh?x=1%7C2");
		JsonNode refused = error(post("resource_create", token, """
				{"package_id": "%s", "url": "https://[kein-host]/x.csv", "format": "CSV"}
				""".formatted(name)), 409, "Validation Error");
		assertThat(refused.has("url")).isTrue();

		// An address stored before the rule (or written by SQL) must not take the catalogue down.
		jdbc.sql("update opendata_resource set url = 'https://example.org/alt|{kaputt}' where id = ?::uuid")
			.param(created.get("id").asString())
			.update();
		for (String path : java.util.List.of("/catalog.rdf", "/catalog.ttl", "/daten/" + name + ".rdf")) {
			HttpResponse<String> export = get(path, null);
			assertThat(export.statusCode()).as(path).isEqualTo(200);
			assertThat(export.body()).as(path).doesNotContain("alt|{kaputt}");
		}
		assertThat(get("/daten/" + name + ".rdf", null).body()).contains("/daten/" + name + "/ressource/");
		result(post("package_delete", token, "{\"id\": \"" + name + "\"}"));
	}
}
