package de.bochum.portal.opendata.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The CKAN Action API as a CKAN client sees it, over the demo datasets. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpendataCkanApiTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> get(String pathAndQuery) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode ok(String pathAndQuery) throws Exception {
		HttpResponse<String> response = get(pathAndQuery);
		assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("success").asBoolean()).isTrue();
		assertThat(body.get("help").asString()).contains("/api/3/action/help_show?name=");
		return body.get("result");
	}

	private static String enc(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void errorsUseCkansEnvelopeAndStatusCodes() throws Exception {
		HttpResponse<String> missing = get("/api/3/action/package_show?id=gibt-es-nicht");
		assertThat(missing.statusCode()).isEqualTo(404);
		JsonNode body = JSON.readTree(missing.body());
		assertThat(body.get("success").asBoolean()).isFalse();
		assertThat(body.get("error").get("__type").asString()).isEqualTo("Not Found Error");

		assertThat(get("/api/3/action/package_show?id=mietspiegel-entwurf").statusCode()).as("private").isEqualTo(404);
		assertThat(get("/api/3/action/package_search?rows=viele").statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(get("/api/3/action/package_search?rows=viele").body()).get("error").get("__type")
			.asString()).isEqualTo("Validation Error");
		assertThat(get("/api/3/action/package_search?fq=" + enc("unbekannt:x")).statusCode()).isEqualTo(409);
		assertThat(get("/api/3/action/kaffee_kochen").statusCode()).isEqualTo(400);
	}

	/** The list of bad input, for the read actions: CKAN's envelope, CKAN's status, a message that says what is wrong. */
	@Test
	void badParametersGetCkansValidationErrors() throws Exception {
		JsonNode negative = refused("/api/3/action/package_search?rows=-1", 409);
		assertThat(negative.get("rows").get(0).asString()).isEqualTo("Must be at least 0");
		JsonNode capped = ok("/api/3/action/package_search?rows=999999");
		assertThat(capped.get("results").size()).as("CKAN caps rows at 1000 instead of refusing")
			.isEqualTo(Math.min(1000, capped.get("count").asInt()));
		JsonNode quote = refused("/api/3/action/package_search?fq=" + enc("organization:\"stadt-bochum"), 409);
		assertThat(quote.get("message").asString()).contains("unbalanced quotation mark");
		JsonNode unknown = refused("/api/3/action/package_search?q=Schule&zeilen=5", 409);
		assertThat(unknown.get("zeilen").get(0).asString()).isEqualTo("The input field zeilen was not expected.");
		JsonNode missing = refused("/api/3/action/package_show", 409);
		assertThat(missing.get("id").get(0).asString()).isEqualTo("Missing value");

		HttpResponse<String> malformed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/3/action/package_search")).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"q\": \"Schule\"")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(malformed.statusCode()).isEqualTo(400);
		JsonNode error = JSON.readTree(malformed.body()).get("error");
		assertThat(error.get("__type").asString()).isEqualTo("Bad Request");
		assertThat(error.get("message").asString()).isEqualTo("Bad request - JSON Error: the request body is not valid JSON");
	}

	private JsonNode refused(String pathAndQuery, int status) throws Exception {
		HttpResponse<String> response = get(pathAndQuery);
		assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(status);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("success").asBoolean()).isFalse();
		assertThat(body.get("help").asString()).contains("/api/3/action/help_show?name=");
		assertThat(body.get("error").get("__type").asString()).isEqualTo("Validation Error");
		return body.get("error");
	}

	@Test
	void postWithJsonNeedsNoCsrfTokenAndSetsNoCookie() throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/action/package_search"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(
							"{\"q\": \"Haltestelle\", \"facet.field\": [\"organization\"], \"rows\": 5}"))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		JsonNode result = JSON.readTree(response.body()).get("result");
		assertThat(result.get("count").asInt()).isEqualTo(1);
		assertThat(result.get("results").get(0).get("name").asString()).isEqualTo("haltestellen");
		assertThat(result.get("facets").get("organization").get("bogestra").asInt()).isEqualTo(1);
	}

	@Test
	void packageSearchFiltersFacetsSortsAndPages() throws Exception {
		JsonNode all = ok("/api/3/action/package_search?rows=3&sort=" + enc("name asc")
				+ "&facet.field=" + enc("[\"organization\",\"tags\",\"res_format\",\"license_id\",\"groups\"]"));
		assertThat(all.get("count").asInt()).isEqualTo(12);
		assertThat(all.get("results")).hasSize(3);
		assertThat(all.get("results").get(0).get("name").asString()).isEqualTo("baumpflanzungen-und-faellungen");
		assertThat(all.get("facets").get("organization").get("stadt-bochum").asInt()).isEqualTo(9);
		assertThat(all.get("facets").get("res_format").get("CSV").asInt()).isEqualTo(11);
		JsonNode items = all.get("search_facets").get("license_id").get("items");
		assertThat(items.findValuesAsString("name")).contains("dl-zero-de/2.0", "dl-by-de/2.0", "odbl");

		JsonNode second = ok("/api/3/action/package_search?rows=3&start=3&sort=" + enc("name asc"));
		assertThat(second.get("results").get(0).get("name").asString()).isEqualTo("kindertageseinrichtungen");

		JsonNode filtered = ok("/api/3/action/package_search?fq="
				+ enc("organization:stadt-bochum tags:Schulen res_format:CSV license_id:dl-by-de/2.0"));
		assertThat(filtered.get("count").asInt()).isEqualTo(1);
		assertThat(filtered.get("results").get(0).get("name").asString()).isEqualTo("schulen");

		JsonNode recent = ok("/api/3/action/package_search?rows=1&sort=" + enc("metadata_modified desc"));
		assertThat(recent.get("results").get(0).get("name").asString()).isEqualTo("spielplaetze");

		assertThat(ok("/api/3/action/package_search?q=Mietspiegel").get("count").asInt()).isZero();
		assertThat(ok("/api/3/action/package_search?rows=5000").get("results")).hasSize(12);
	}

	@Test
	void listsAndShowsAnswerLikeCkan() throws Exception {
		JsonNode names = ok("/api/3/action/package_list");
		assertThat(names).hasSize(12);
		assertThat(names.get(0).asString()).isEqualTo("baumpflanzungen-und-faellungen");
		assertThat(ok("/api/3/action/package_list?limit=2&offset=1")).hasSize(2);

		JsonNode dataset = ok("/api/3/action/package_show?id=schulen");
		assertThat(dataset.get("type").asString()).isEqualTo("dataset");
		assertThat(dataset.get("organization").get("name").asString()).isEqualTo("stadt-bochum");
		assertThat(dataset.get("license_title").asString()).isEqualTo("Datenlizenz Deutschland – Namensnennung – Version 2.0");
		assertThat(dataset.get("num_resources").asInt()).isEqualTo(dataset.get("resources").size());
		String resourceId = dataset.get("resources").get(0).get("id").asString();
		assertThat(ok("/api/3/action/package_show?id=" + dataset.get("id").asString()).get("name").asString())
			.isEqualTo("schulen");

		JsonNode resource = ok("/api/3/action/resource_show?id=" + resourceId);
		assertThat(resource.get("package_id").asString()).isEqualTo(dataset.get("id").asString());
		assertThat(resource.get("format").asString()).isEqualTo("CSV");

		assertThat(ok("/api/3/action/current_package_list_with_resources?limit=2").get(0).get("name").asString())
			.isEqualTo("spielplaetze");
		assertThat(ok("/api/3/action/organization_list")).hasSize(5);
		JsonNode orgs = ok("/api/3/action/organization_list?all_fields=true");
		assertThat(orgs.get(0).get("name").asString()).isEqualTo("bogestra");
		assertThat(orgs.get(0).get("package_count").asInt()).isEqualTo(1);
		assertThat(ok("/api/3/action/organization_show?id=stadt-bochum&include_datasets=true").get("packages"))
			.hasSize(9);
		assertThat(ok("/api/3/action/group_list")).hasSize(13);
		assertThat(ok("/api/3/action/group_show?id=educ").get("package_count").asInt()).isEqualTo(5);
		assertThat(ok("/api/3/action/tag_list?query=sch")).extracting(JsonNode::asString)
			.contains("Schulen", "Naturschutz", "Schwimmbad");
		assertThat(ok("/api/3/action/license_list")).hasSize(5);
		assertThat(ok("/api/3/action/package_autocomplete?q=Halt").get(0).get("name").asString())
			.isEqualTo("haltestellen");
		assertThat(ok("/api/3/action/status_show").get("ckan_version").asString()).startsWith("2.10");
		assertThat(ok("/api/3/action/site_read").asBoolean()).isTrue();
	}

	@Test
	void ourPackageDictHasEveryTopLevelKeyOfBochumsPublishedDicts() throws Exception {
		Path dir = sharedDir().resolve("bochum-opendata/ckan-package-dicts");
		boolean present = Files.isDirectory(dir);
		if (!present && "true".equals(System.getenv("CI"))) {
			throw new AssertionError("CKAN package dicts missing at " + dir + " (CI=true)");
		}
		Assumptions.assumeTrue(present, "CKAN package dicts not found at " + dir + "; set PORTAL_SHARED_DIR");
		TreeSet<String> theirs = new TreeSet<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
				JsonNode dict = JSON.readTree(file.toFile());
				JsonNode result = dict.has("result") ? dict.get("result") : dict;
				theirs.addAll(result.propertyNames());
			}
		}
		assertThat(theirs).isNotEmpty();
		JsonNode ours = ok("/api/3/action/package_show?id=spielplaetze");
		assertThat(ours.propertyNames()).containsAll(theirs);
		assertThat(ours.propertyNames()).containsAll(List.of("id", "name", "title", "notes", "owner_org", "organization",
				"license_id", "license_title", "license_url", "tags", "groups", "resources", "extras", "metadata_created",
				"metadata_modified", "private", "state", "num_resources", "num_tags", "author", "author_email",
				"maintainer", "maintainer_email", "version", "type"));
		assertThat(ours.get("resources").get(0).propertyNames()).containsAll(List.of("id", "package_id", "url",
				"format", "name", "description", "mimetype", "size", "hash", "last_modified", "created", "position"));
	}

	static Path sharedDir() {
		String env = System.getenv("PORTAL_SHARED_DIR");
		return env != null ? Path.of(env) : Path.of("..", "shared").toAbsolutePath().normalize();
	}
}
