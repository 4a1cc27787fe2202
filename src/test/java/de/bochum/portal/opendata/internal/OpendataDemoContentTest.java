package de.bochum.portal.opendata.internal;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's first start: the demo catalogue is there, every file is served by the portal
 * itself, CSV files are in the datastore, and starting again adds nothing. On a database of its
 * own, since the other tests count V30's datasets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.opendata.demo-content=true", TestDatabase.OWN_DATABASE + "=opendata_demo",
				"portal.files.dir=target/demo-files" })
class OpendataDemoContentTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoCatalogue demo;

	@Test
	void theDemoCatalogueHasAboutThirtyDatasetsFromEveryPublisher() throws Exception {
		JsonNode result = ok("/api/3/action/package_search?rows=100&facet.field=" + enc("[\"organization\",\"res_format\"]"));
		assertThat(result.get("count").asInt()).isBetween(28, 40);
		assertThat(result.get("facets").get("organization").propertyNames()).contains("stadt-bochum",
				"stadtwerke-bochum", "bogestra", "usb-bochum", "vbw-bauen-und-wohnen");
		assertThat(result.get("facets").get("res_format").propertyNames()).contains("CSV", "GEOJSON", "JSON");
		assertThat(ok("/api/3/action/package_search?q=Haltestelle").get("count").asInt()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void everyResourceIsAFileThePortalServesWithItsMediaTypeSizeAndHash() throws Exception {
		List<Map<String, Object>> resources = jdbc
			.sql("select r.id, r.url, r.mimetype, r.size, r.hash, r.format from opendata_resource r")
			.query()
			.listOfRows();
		assertThat(resources).hasSizeGreaterThan(35);
		PortalHttp http = new PortalHttp(port);
		for (Map<String, Object> r : resources) {
			String url = (String) r.get("url");
			assertThat(url).as("served by the portal").contains("/ressource/" + r.get("id") + "/download/");
			assertThat(r.get("size")).as(url).isNotNull();
			assertThat((String) r.get("hash")).as(url).hasSize(64);
			String path = URI.create(url).getRawPath();
			if (path.startsWith("/daten/mietspiegel-entwurf/")) {
				assertThat(http.get(path).statusCode()).as("private draft").isEqualTo(404);
				continue;
			}
			HttpResponse<String> response = http.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			String type = response.headers().firstValue("Content-Type").orElse("");
			assertThat(type).as(path).startsWith((String) r.get("mimetype"));
			String expected = switch ((String) r.get("format")) {
				case "CSV" -> "text/csv";
				case "GEOJSON" -> "application/geo+json";
				case "JSON" -> "application/json";
				default -> "?";
			};
			assertThat(type).as(path).startsWith(expected);
			assertThat(response.headers().firstValueAsLong("Content-Length").orElse(-1)).as(path)
				.isEqualTo(((Number) r.get("size")).longValue());
		}
	}

	@Test
	void csvFilesAreLoadedIntoTheDatastore() throws Exception {
		// Queued by the seeder like any upload; the job worker loads them in the background.
		for (String queued : jdbc.sql("select resource_id::text from opendata_datastore_job").query(String.class).list()) {
			PublishingFixtures.awaitDatastoreJob(jdbc, queued);
		}
		long csv = jdbc.sql("select count(*) from opendata_resource where format = 'CSV'").query(Long.class).single();
		long loaded = jdbc.sql("select count(*) from opendata_datastore d join opendata_resource r on r.id = d.resource_id "
				+ "where r.format = 'CSV' and d.status = 'active' and d.loaded_rows > 0").query(Long.class).single();
		assertThat(loaded).isEqualTo(csv).isGreaterThan(15);
		String id = jdbc.sql("select r.id from opendata_resource r join opendata_dataset d on d.id = r.dataset_id "
				+ "where d.name = 'einwohner-stadtteile'").query(String.class).single();
		JsonNode search = ok("/api/3/action/datastore_search?resource_id=" + id + "&limit=50");
		assertThat(search.get("total").asInt()).isEqualTo(30);
		assertThat(new PortalHttp(port).get("/daten/einwohner-stadtteile/ressource/" + id).body()).contains("Grumme", "einwohner");
	}

	@Test
	void downloadsAreCountedPerResourceWithoutKeepingAnythingAboutTheVisitor() throws Exception {
		JsonNode before = ok("/api/3/action/package_show?id=wlan-hotspots");
		JsonNode resource = before.get("resources").get(0);
		long recent = resource.get("tracking_summary").get("recent").asLong();
		long datasetTotal = before.get("tracking_summary").get("total").asLong();
		String path = URI.create(resource.get("url").asString()).getRawPath();
		PortalHttp http = new PortalHttp(port);
		assertThat(http.get(path).statusCode()).isEqualTo(200);
		assertThat(http.get(path).statusCode()).isEqualTo(200);

		JsonNode after = ok("/api/3/action/package_show?id=wlan-hotspots");
		assertThat(after.get("resources").get(0).get("tracking_summary").get("recent").asLong()).isEqualTo(recent + 2);
		assertThat(after.get("tracking_summary").get("total").asLong()).isEqualTo(datasetTotal + 2);
		assertThat(ok("/api/3/action/resource_show?id=" + resource.get("id").asString()).get("tracking_summary")
			.get("total").asLong()).isEqualTo(recent + 2);
		String resourcePage = http.get("/daten/wlan-hotspots/ressource/" + resource.get("id").asString()).body();
		assertThat(resourcePage).contains((recent + 2) + " Abrufe in den letzten 30 Tagen");
		assertThat(http.get("/daten/wlan-hotspots").body()).contains((recent + 2) + " Abrufe in den letzten 30 Tagen");
		assertThat(jdbc.sql("select column_name from information_schema.columns where table_name = 'opendata_download'")
			.query(String.class).list()).containsExactlyInAnyOrder("resource_id", "day", "count");
	}

	@Test
	void aGeoJsonResourceHasAMapAndWithoutJavaScriptATableOfItsFeatures() throws Exception {
		JsonNode dataset = ok("/api/3/action/package_show?id=wlan-hotspots");
		String id = dataset.get("resources").get(0).get("id").asString();
		assertThat(dataset.get("resources").get(0).get("format").asString()).isEqualTo("GEOJSON");
		PortalHttp http = new PortalHttp(port);
		String html = http.get("/daten/wlan-hotspots/ressource/" + id).body();
		assertThat(html).contains("id=\"karte\"", "data-tile-url=\"\"", "hidden", "/leaflet/leaflet.js",
				"/js/opendata-karte.js", "Die Karte zeigt die 48 Objekte der Datei.", "hotspot: Bochum.freifunk 1");
		assertThat(html.split("<tr>", -1)).hasSize(1 + 1 + 48);
		assertThat(de.bochum.portal.testsupport.HtmlChecker.errors(html)).isEmpty();
		HttpResponse<String> data = http.get("/daten/wlan-hotspots/ressource/" + id + "/karte.geojson");
		assertThat(data.statusCode()).isEqualTo(200);
		assertThat(data.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
		assertThat(http.get("/leaflet/leaflet.js").statusCode()).isEqualTo(200);
		assertThat(http.get("/").headers().firstValue("Content-Security-Policy").orElse(""))
			.contains("img-src 'self' data:;");
	}

	@Test
	void aSecondStartAddsNothing() {
		String counts = "select (select count(*) from opendata_dataset) || '/' || (select count(*) from opendata_resource)"
				+ " || '/' || (select count(*) from opendata_upload) || '/' || (select count(*) from opendata_audit)";
		String before = jdbc.sql(counts).query(String.class).single();
		assertThat(demo.seed()).isZero();
		assertThat(jdbc.sql(counts).query(String.class).single()).isEqualTo(before);
	}

	private JsonNode ok(String path) throws Exception {
		HttpResponse<String> response = new PortalHttp(port).get(path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("result");
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}
}
