package de.bochum.portal.opendata.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CKAN DataStore API and the CSV loader, the latter against the real, messy CSV files of the
 * city of Bochum.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "portal.opendata.upload.max-size=2MB")
class OpendataDatastoreTest extends PublishingTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Data rows per file (blank rows not counted), counted independently with Python's csv module
	 * (encoding and delimiter given by hand), and the number of columns of the header.
	 */
	private static final Map<String, int[]> EXPECTED = Map.ofEntries(
			Map.entry("Bochum_TreeSense_4_Esche_A8404109918718E8.csv", new int[] { 31265, 5 }),
			Map.entry("bochum_council_election_20140525.csv", new int[] { 383, 25 }),
			Map.entry("bochum_daycare_centers.csv", new int[] { 195, 18 }),
			Map.entry("bochum_defibrillators.csv", new int[] { 131, 6 }),
			Map.entry("bochum_ecowitt_gw2001_943CC64265D3_2024-05-01.csv", new int[] { 288, 24 }),
			Map.entry("bochum_mayoral_election_20150913.csv", new int[] { 333, 36 }),
			Map.entry("bochum_natural_monuments.csv", new int[] { 36, 6 }),
			Map.entry("bochum_playgrounds.csv", new int[] { 352, 18 }),
			Map.entry("bochum_schools.csv", new int[] { 298, 18 }),
			Map.entry("bochum_sports_facilities.csv", new int[] { 128, 10 }),
			Map.entry("bochum_stolpersteine.csv", new int[] { 361, 18 }),
			Map.entry("bochum_tree_planting_felling_register.csv", new int[] { 162, 14 }),
			Map.entry("bochum_vehicle_inventory.csv", new int[] { 139, 13 }));

	@Autowired
	CsvLoading loading;

	@Autowired
	ApiTokens tokens;

	private final HttpClient http = HttpClient.newHttpClient();

	static Path bochumData() {
		String env = System.getenv("BOCHUM_OPENDATA_DIR");
		return env != null ? Path.of(env) : OpendataCkanApiTest.sharedDir().resolve("bochum-opendata");
	}

	private static Publishers.Publisher publisherOf(String organization) {
		return new Publishers.Publisher("test-datastore", false, Set.of(organization));
	}

	/** A test dataset of BOGESTRA with one resource (an address elsewhere); returns the resource id. */
	private String resourceOf(String name, boolean privateDataset) {
		DatasetForm form = CkanWriteActions.form(Map.of("name", name, "title", "Fahrgastzählung " + name, "owner_org",
				"bogestra", "license_id", "cc-by/4.0", "private", privateDataset), null);
		DatasetView dataset = publishing.create(form,
				List.of(new ResourceForm("Zählung", "https://example.org/zaehlung.csv", "CSV", "", "", "", "")),
				publisherOf("bogestra"), "api");
		return dataset.resources().get(0).id();
	}

	private HttpResponse<String> post(String action, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/3/action/" + action))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String action, String query) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/3/action/" + action + "?" + query))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode result(HttpResponse<String> response) {
		return OpendataCkanWriteTest.result(response);
	}

	private static JsonNode error(HttpResponse<String> response, int status, String type) {
		return OpendataCkanWriteTest.error(response, status, type);
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@Test
	void aPublisherCreatesFillsSearchesAndDeletesATable() throws Exception {
		String token = tokens.create(PublishingFixtures.publisherFor(jdbc, "bogestra"), "Test", null);
		String id = resourceOf(PublishingFixtures.uniqueName("zaehlung"), false);

		JsonNode created = result(post("datastore_create", token, """
				{"resource_id": "%s", "primary_key": "haltestelle",
				 "fields": [{"id": "haltestelle", "type": "text"}, {"id": "einsteiger", "type": "int4"},
				            {"id": "anteil", "type": "float8"}, {"id": "gezaehlt", "type": "timestamp"},
				            {"id": "stichtag", "type": "date"}, {"id": "barrierefrei", "type": "bool"},
				            {"id": "Größe in m²", "type": "numeric"}],
				 "records": [
				   {"haltestelle": "Bochum Hauptbahnhof", "einsteiger": 12000, "anteil": 0.25, "gezaehlt": "2024-12-31T08:15:00", "stichtag": "2024-12-31", "barrierefrei": true, "Größe in m²": 1520.5},
				   {"haltestelle": "Rathaus (Süd)", "einsteiger": 5400, "anteil": 0.1, "gezaehlt": "2024-12-31T09:00:00", "stichtag": "2024-12-31", "barrierefrei": false},
				   {"haltestelle": "Wattenscheid Haltestelle Markt", "einsteiger": 800, "barrierefrei": true}]}
				""".formatted(id)));
		assertThat(created.get("fields").findValuesAsString("type")).containsExactly("text", "int4", "float8",
				"timestamp", "date", "bool", "numeric");

		JsonNode all = result(get("datastore_search", "resource_id=" + id));
		assertThat(all.get("total").asLong()).isEqualTo(3);
		assertThat(all.get("fields").get(0).get("id").asString()).isEqualTo("_id");
		assertThat(all.get("records").get(0).get("einsteiger").asInt()).isEqualTo(12000);
		assertThat(all.get("records").get(0).get("gezaehlt").asString()).isEqualTo("2024-12-31T08:15:00");
		assertThat(all.get("records").get(0).get("Größe in m²").decimalValue()).isEqualByComparingTo("1520.5");
		assertThat(all.get("_links").get("next").asString()).contains("offset=100");
		assertThat(all.get("limit").asInt()).isEqualTo(100);

		// German full text: "Haltestellen" finds "Haltestelle".
		JsonNode found = result(get("datastore_search", "resource_id=" + id + "&q=Haltestellen"));
		assertThat(found.get("records").findValuesAsString("haltestelle")).containsExactly("Wattenscheid Haltestelle Markt");
		JsonNode filtered = result(get("datastore_search", "resource_id=" + id + "&filters="
				+ enc("{\"barrierefrei\": true}") + "&sort=" + enc("einsteiger asc") + "&fields=haltestelle,einsteiger"));
		assertThat(filtered.get("records").findValuesAsString("haltestelle")).containsExactly(
				"Wattenscheid Haltestelle Markt", "Bochum Hauptbahnhof");
		assertThat(filtered.get("records").get(0).propertyNames()).containsExactly("haltestelle", "einsteiger");
		JsonNode page = result(get("datastore_search", "resource_id=" + id + "&limit=1&offset=1&include_total=false"));
		assertThat(page.get("records")).hasSize(1);
		assertThat(page.has("total")).isFalse();
		assertThat(result(get("datastore_search", "resource_id=" + id + "&limit=999999")).get("limit").asInt())
			.isEqualTo(32000);

		result(post("datastore_upsert", token, """
				{"resource_id": "%s", "method": "upsert", "records": [
				  {"haltestelle": "Rathaus (Süd)", "einsteiger": 5500},
				  {"haltestelle": "Bochum Schauspielhaus", "einsteiger": 2100}]}""".formatted(id)));
		JsonNode afterUpsert = result(get("datastore_search", "resource_id=" + id + "&filters="
				+ enc("{\"haltestelle\": [\"Rathaus (Süd)\", \"Bochum Schauspielhaus\"]}") + "&sort=" + enc("einsteiger desc")));
		assertThat(afterUpsert.get("records").findValuesAsString("haltestelle")).containsExactly("Rathaus (Süd)",
				"Bochum Schauspielhaus");
		assertThat(afterUpsert.get("records").get(0).get("einsteiger").asInt()).isEqualTo(5500);
		assertThat(afterUpsert.get("records").get(0).get("stichtag").asString()).as("upsert keeps what it is not given")
			.isEqualTo("2024-12-31");
		error(post("datastore_upsert", token, """
				{"resource_id": "%s", "method": "insert", "records": [{"haltestelle": "Bochum Hauptbahnhof"}]}"""
			.formatted(id)), 409, "Validation Error");

		JsonNode info = result(get("datastore_info", "id=x&resource_id=" + id));
		assertThat(info.get("meta").get("count").asInt()).isEqualTo(4);
		assertThat(info.get("fields").findValuesAsString("id")).contains("haltestelle", "Größe in m²");

		result(post("datastore_delete", token, """
				{"resource_id": "%s", "filters": {"barrierefrei": false}}""".formatted(id)));
		assertThat(result(get("datastore_search", "resource_id=" + id)).get("total").asInt()).isEqualTo(3);
		result(post("datastore_delete", token, "{\"resource_id\": \"" + id + "\"}"));
		error(get("datastore_search", "resource_id=" + id), 404, "Not Found Error");
	}

	@Test
	void badInputGetsCkansErrorsAndChangesNothing() throws Exception {
		String token = tokens.create(PublishingFixtures.publisherFor(jdbc, "bogestra"), "Test", null);
		String other = tokens.create(PublishingFixtures.publisherFor(jdbc, "stadt-bochum"), "Test", null);
		String id = resourceOf(PublishingFixtures.uniqueName("fehler"), false);
		String fields = "\"fields\": [{\"id\": \"linie\", \"type\": \"text\"}, {\"id\": \"fahrten\", \"type\": \"int\"}]";

		error(post("datastore_create", null, "{\"resource_id\": \"" + id + "\", " + fields + "}"), 403,
				"Authorization Error");
		error(post("datastore_create", other, "{\"resource_id\": \"" + id + "\", " + fields + "}"), 403,
				"Authorization Error");
		error(post("datastore_create", token, "{\"resource_id\": \"" + UUID.randomUUID() + "\", " + fields + "}"), 404,
				"Not Found Error");
		assertThat(error(post("datastore_create", token, """
				{"resource_id": "%s", "fields": [{"id": "linie", "type": "geometrie"}]}""".formatted(id)), 409,
				"Validation Error").get("fields").get(0).asString()).contains("Unknown type");
		error(post("datastore_create", token, """
				{"resource_id": "%s", "fields": [{"id": "x\\" text); drop table opendata_dataset; --", "type": "text"}]}"""
			.formatted(id)), 409, "Validation Error");
		error(post("datastore_create", token, """
				{"resource_id": "%s", "fields": [{"id": "_id", "type": "text"}]}""".formatted(id)), 409, "Validation Error");
		assertThat(jdbc.sql("select count(*) from opendata_dataset").query(Long.class).single()).isPositive();
		error(get("datastore_search", "resource_id=" + id), 404, "Not Found Error");

		result(post("datastore_create", token, "{\"resource_id\": \"" + id + "\", " + fields
				+ ", \"records\": [{\"linie\": \"302\", \"fahrten\": 120}]}"));
		assertThat(error(post("datastore_upsert", token, """
				{"resource_id": "%s", "method": "insert", "records": [{"linie": "310", "fahrten": "viele"}]}"""
			.formatted(id)), 409, "Validation Error").get("records").get(0).asString()).contains("integer");
		error(post("datastore_upsert", token, """
				{"resource_id": "%s", "method": "insert", "records": [{"linie": "310", "busse": 3}]}""".formatted(id)), 409,
				"Validation Error");
		error(post("datastore_upsert", token, """
				{"resource_id": "%s", "records": [{"linie": "310"}]}""".formatted(id)), 409, "Validation Error");
		error(get("datastore_search", "resource_id=" + id + "&sort=" + enc("fahrten; drop table x")), 409,
				"Validation Error");
		error(get("datastore_search", "resource_id=" + id + "&filters=" + enc("{\"unbekannt\": 1}")), 409,
				"Validation Error");
		error(get("datastore_delete", "resource_id=" + id), 400, "Bad Request");
		assertThat(result(get("datastore_search", "resource_id=" + id)).get("total").asInt()).isEqualTo(1);
	}

	@Test
	void privateDatasetsTablesAreReadOnlyByTheirOrganization() throws Exception {
		String token = tokens.create(PublishingFixtures.publisherFor(jdbc, "bogestra"), "Test", null);
		String id = resourceOf(PublishingFixtures.uniqueName("privat"), true);
		result(post("datastore_create", token, """
				{"resource_id": "%s", "fields": [{"id": "wert", "type": "int"}], "records": [{"wert": 1}]}""".formatted(id)));
		error(get("datastore_search", "resource_id=" + id), 404, "Not Found Error");
		HttpResponse<String> member = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/3/action/datastore_search?resource_id=" + id))
			.header("Authorization", token)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(result(member).get("total").asInt()).isEqualTo(1);
	}

	@Test
	void everyCsvOfTheCityLoadsWithTheRightRowsAndTypes() throws Exception {
		Path dir = bochumData();
		boolean present = Files.isDirectory(dir);
		if (!present && "true".equals(System.getenv("CI"))) {
			throw new AssertionError("Bochum's open data CSV files missing at " + dir + " (CI=true)");
		}
		Assumptions.assumeTrue(present,
				"Bochum's open data CSV files not found at " + dir + "; set BOCHUM_OPENDATA_DIR to run this test");
		List<Path> csvs;
		try (var files = Files.list(dir)) {
			csvs = files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
		}
		assertThat(csvs.stream().map(f -> f.getFileName().toString()).collect(Collectors.toSet()))
			.as("every CSV of the folder has an independently counted expectation")
			.isEqualTo(EXPECTED.keySet());
		String name = PublishingFixtures.uniqueName("bochum-csv");
		DatasetView dataset = publishing.create(CkanWriteActions.form(Map.of("name", name, "title", "Bochumer CSV",
				"owner_org", "stadt-bochum", "license_id", "cc-zero"), null), List.of(), publisherOf("stadt-bochum"), "api");
		Map<String, String> ids = new java.util.HashMap<>();
		for (Path csv : csvs) {
			String file = csv.getFileName().toString();
			var added = publishing.addResource(dataset.id(), ResourceForm.empty(),
					new ResourceFiles.Upload(file, Files.readAllBytes(csv)), "http://localhost:" + port,
					publisherOf("stadt-bochum"), "api");
			ResourcePreview.DatastoreStatus status = loading.load(UUID.fromString(added.resource().id()));
			assertThat(status.status()).as(file + ": " + status.report()).isEqualTo("active");
			assertThat(status.rows()).as(file).isEqualTo(EXPECTED.get(file)[0]);
			JsonNode info = result(get("datastore_info", "resource_id=" + added.resource().id()));
			assertThat(info.get("fields")).as(file).hasSize(EXPECTED.get(file)[1]);
			assertThat(info.get("meta").get("count").asInt()).as(file).isEqualTo(EXPECTED.get(file)[0]);
			ids.put(file, added.resource().id());
		}

		Map<String, String> vehicles = types(ids.get("bochum_vehicle_inventory.csv"));
		assertThat(vehicles).containsEntry("Datum", "date").containsEntry("Personenkraftwagen", "int8")
			.containsEntry("Elektro-Kennzeichen", "text");
		JsonNode first = result(get("datastore_search", "resource_id=" + ids.get("bochum_vehicle_inventory.csv")
				+ "&sort=" + enc("Datum asc") + "&limit=1")).get("records").get(0);
		assertThat(first.get("Datum").asString()).isEqualTo("2013-01-31");
		assertThat(first.get("Personenkraftwagen").asLong()).isEqualTo(172461);

		// German dates become dates; keys with leading zeros stay text.
		Map<String, String> council = types(ids.get("bochum_council_election_20140525.csv"));
		assertThat(council).containsEntry("wahltermin_datum", "date");
		JsonNode election = result(get("datastore_search", "resource_id=" + ids.get("bochum_council_election_20140525.csv")
				+ "&limit=1")).get("records").get(0);
		assertThat(election.get("wahltermin_datum").asString()).isEqualTo("2014-05-25");

		// Windows-1252 with a header spanning lines, an empty header and German decimal commas inside text.
		Map<String, String> sports = types(ids.get("bochum_sports_facilities.csv"));
		assertThat(sports).containsKeys("Beleuchtung vorhanden", "Maße", "spalte_10");
		JsonNode hausacker = result(get("datastore_search", "resource_id=" + ids.get("bochum_sports_facilities.csv")
				+ "&q=Hausacker")).get("records").get(0);
		assertThat(hausacker.get("Art").asString()).isEqualTo("Sportplatzanlage");
		assertThat(hausacker.get("Maße").asString()).isEqualTo("64,2 x 104,6");

		// UTF-8 with BOM and ';': the first column is named without the BOM, decimals with a point are numbers.
		Map<String, String> tree = types(ids.get("Bochum_TreeSense_4_Esche_A8404109918718E8.csv"));
		assertThat(tree).containsEntry("time", "text").containsEntry("resistance", "numeric");
		Map<String, String> schools = types(ids.get("bochum_schools.csv"));
		assertThat(schools).containsEntry("poi_id", "int8").containsEntry("angelegt", "date")
			.containsEntry("rechts_utm", "int8").containsEntry("plz_ort", "text");
		JsonNode school = result(get("datastore_search", "resource_id=" + ids.get("bochum_schools.csv") + "&filters="
				+ enc("{\"poi_id\": 611755}"))).get("records").get(0);
		assertThat(school.get("name").asString()).isEqualTo("Ersatzstandort Paul-Dohrmann-Schule");
		assertThat(school.get("kategorie").asString()).isEqualTo("Förderschulen");
		assertThat(school.get("hoch_utm").asLong()).isEqualTo(5706591);
	}

	private Map<String, String> types(String resourceId) throws Exception {
		JsonNode fields = result(get("datastore_info", "resource_id=" + resourceId)).get("fields");
		Map<String, String> types = new java.util.LinkedHashMap<>();
		fields.forEach(f -> types.put(f.get("id").asString(), f.get("type").asString()));
		return types;
	}

	@Test
	void theLoaderHandlesWhatGermanSpreadsheetsWrite() {
		byte[] windows = "Stadtteil;Einwohner;Fläche;Stichtag;Gemischt;;Stadtteil\r\nWattenscheid-Mitte;\"12.345\";\"3,5\";31.12.2024;1,5;x;a\r\n\"Höntrop\nSüd\";8.001;12,25;01.01.2025;2.5;;b\r\nGrumme;7\r\n"
			.getBytes(java.nio.charset.Charset.forName("windows-1252"));
		CsvTable.Format format = CsvTable.detect(windows);
		assertThat(format.delimiter()).isEqualTo(';');
		assertThat(format.charset().name()).isEqualTo("windows-1252");
		CsvTable.Plan plan = CsvTable.plan(windows, format);
		assertThat(plan.fields().stream().map(Datastore.Field::id)).containsExactly("Stadtteil", "Einwohner", "Fläche",
				"Stichtag", "Gemischt", "spalte_6", "Stadtteil_2");
		assertThat(plan.fields().stream().map(f -> f.type().ckan)).containsExactly("text", "numeric", "numeric", "date",
				"text", "text", "text");
		List<String> problems = new java.util.ArrayList<>();
		List<String[]> rows = new java.util.ArrayList<>();
		CsvTable.stream(windows, plan, (line, values) -> rows.add(values), problems);
		assertThat(rows.get(0)).containsExactly("Wattenscheid-Mitte", "12345", "3.5", "2024-12-31", "1,5", "x", "a");
		assertThat(rows.get(1)[0]).isEqualTo("Höntrop\nSüd");
		assertThat(rows.get(1)[3]).isEqualTo("2025-01-01");
		assertThat(problems).containsExactly(LoadReport.line("opendata.job.width", 5, 2, 7));

		byte[] tabbed = "\uFEFFa\tb\n1\t2\n3\t4\n".getBytes(StandardCharsets.UTF_8);
		assertThat(CsvTable.detect(tabbed).delimiter()).isEqualTo('\t');
		assertThat(CsvTable.plan(tabbed, CsvTable.detect(tabbed)).names().get(0)).isEqualTo("a");
		assertThat(CsvTable.detect("x|y\n1|2\n".getBytes(StandardCharsets.UTF_8)).delimiter()).isEqualTo('|');
	}

	@Test
	void aLaterValueThatDoesNotFitTheSampledTypeMakesItsColumnTextAndIsReported() throws Exception {
		StringBuilder csv = new StringBuilder("nummer;wert\n");
		for (int i = 1; i <= CsvTable.SAMPLE_ROWS + 5; i++) {
			csv.append(i).append(';').append(i).append(",5\n");
		}
		csv.append("k. A.;7,5\n");
		var added = publishing.addResource(publishing.create(CkanWriteActions.form(Map.of("name",
				PublishingFixtures.uniqueName("widened"), "title", "Spät abweichend", "owner_org", "stadt-bochum",
				"license_id", "cc-zero"), null), List.of(), publisherOf("stadt-bochum"), "api").id(), ResourceForm.empty(),
				new ResourceFiles.Upload("spaet.csv", csv.toString().getBytes(StandardCharsets.UTF_8)),
				"http://localhost:" + port, publisherOf("stadt-bochum"), "api");
		ResourcePreview.DatastoreStatus status = loading.load(UUID.fromString(added.resource().id()));
		assertThat(status.status()).as(status.report()).isEqualTo("active");
		assertThat(status.rows()).isEqualTo(CsvTable.SAMPLE_ROWS + 6);
		assertThat(status.report()).contains(LoadReport.line("opendata.job.widened", "nummer", CsvTable.SAMPLE_ROWS + 7,
				"k. A.", "int8"));
		assertThat(types(added.resource().id())).containsEntry("nummer", "text").containsEntry("wert", "numeric");
		JsonNode last = result(get("datastore_search", "resource_id=" + added.resource().id() + "&filters="
				+ enc("{\"nummer\": \"k. A.\"}"))).get("records").get(0);
		assertThat(last.get("wert").asDouble()).isEqualTo(7.5);
	}
}
