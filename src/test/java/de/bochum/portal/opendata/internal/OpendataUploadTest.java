package de.bochum.portal.opendata.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.bochum.portal.platform.FileStore;
import de.bochum.portal.testsupport.HtmlChecker;
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
 * Publishers upload files on the staff page and with ckanapi; visitors see a preview and download
 * the file from the portal. The limit is 2 MB here, so that "too large" is cheap to test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.opendata.upload.max-size=2MB", "spring.servlet.multipart.max-request-size=3MB" })
class OpendataUploadTest extends PublishingTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	static final byte[] CSV = ("Haltestelle;Einsteiger;Anteil;Stichtag\r\n\"Bochum Hbf\";12.000;0,25;31.12.2024\r\n"
			+ "Rathaus (Süd);5.400;0,1;31.12.2024\r\n\"Wattenscheid\nMarkt\";800;0,05;01.01.2025\r\n")
		.getBytes(java.nio.charset.Charset.forName("windows-1252"));

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D };

	@Autowired
	ApiTokens tokens;

	@Autowired
	FileStore store;

	private String dataset(String organization, boolean privateDataset) {
		String name = PublishingFixtures.uniqueName("upload");
		publishing.create(CkanWriteActions.form(Map.of("name", name, "title", "Fahrgastzahlen", "owner_org", organization,
				"license_id", "cc-by/4.0", "private", privateDataset), null), List.of(),
				new Publishers.Publisher("test-upload", true, Set.of()), "web");
		return name;
	}

	/** Posts the staff form as a browser does: with session cookie and CSRF token from the form page. */
	private HttpResponse<String> staffUpload(PortalHttp http, String form, String action, Map<String, String> fields,
			String fileName, String claimedType, byte[] content) throws Exception {
		CkanMultipart multipart = new CkanMultipart();
		fields.forEach(multipart::field);
		if (fileName != null) {
			multipart.file("upload", fileName, claimedType, content);
		}
		return multipart.postFromForm(port, http, form, action);
	}

	private HttpResponse<byte[]> download(String path, PortalHttp session) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (session != null) {
			request.header("Cookie", CkanMultipart.cookies(session));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String text(HttpResponse<String> response) {
		return HtmlUtils.htmlUnescape(response.body());
	}

	private static void valid(String path, HttpResponse<String> page) {
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		assertThat(HtmlChecker.errors(page.body())).as("Nu HTML Checker on " + path).isEmpty();
	}

	@Test
	void aPublisherUploadsACsvOnTheStaffPageAndVisitorsSeeItsPreview() throws Exception {
		String name = dataset("bogestra", false);
		PortalHttp staff = new PortalHttp(port);
		staff.signIn(PublishingFixtures.publisherFor(jdbc, "bogestra"), StaffFixtures.PASSWORD);
		String form = "/intern/daten/datensatz/" + name + "/ressource/neu";
		String formHtml = text(staff.get(form));
		assertThat(formHtml).contains("enctype=\"multipart/form-data\"", "type=\"file\"", "höchstens 2 MB");
		valid(form, staff.get(form));

		// Too large: refused with the limit named, the typed name kept.
		HttpResponse<String> tooLarge = staffUpload(staff, form, form, Map.of("name", "Zählung 2024"), "gross.csv",
				"text/csv", new byte[2 * 1024 * 1024 + 1]);
		assertThat(text(tooLarge)).contains("größer als erlaubt", "href=\"#upload\"", "value=\"Zählung 2024\"",
				"höchstens 2 MB");
		valid(form + " (too large)", tooLarge);
		// A picture that calls itself CSV.
		assertThat(text(staffUpload(staff, form, form, Map.of(), "zaehlung.csv", "text/csv", PNG)))
			.contains("passt nicht zu ihrer Endung");

		HttpResponse<String> saved = staffUpload(staff, form, form, Map.of("name", "", "description", "Werktage"),
				"Fahrgäste 2024.csv", "application/octet-stream", CSV);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		String staffPage = PortalHttp.location(saved).replaceFirst("^https?://[^/]+", "");
		assertThat(staffPage).matches("/intern/daten/datensatz/" + name + "/ressource/[0-9a-f-]{36}\\?gespeichert=1");
		String resourceId = staffPage.replaceAll(".*/ressource/([0-9a-f-]{36}).*", "$1");
		assertThat(PublishingFixtures.awaitDatastoreJob(jdbc, resourceId)).isEqualTo("done");
		String staffHtml = text(staff.get(staffPage));
		assertThat(staffHtml).contains("Die Ressource wurde gespeichert", "Im Datastore: 3 Zeilen",
				"Kodierung windows-1252", "In den Datastore laden");
		valid(staffPage, staff.get(staffPage));

		JsonNode resource = JSON.readTree(new PortalHttp(port).get("/api/3/action/resource_show?id=" + resourceId).body())
			.get("result");
		assertThat(resource.get("name").asString()).isEqualTo("Fahrgaste-2024.csv");
		assertThat(resource.get("format").asString()).isEqualTo("CSV");
		assertThat(resource.get("mimetype").asString()).isEqualTo("text/csv");
		assertThat(resource.get("size").asLong()).isEqualTo(CSV.length);
		assertThat(resource.get("hash").asString()).isEqualTo(ResourceFiles.sha256(CSV));
		String url = resource.get("url").asString();
		assertThat(url).endsWith("/daten/" + name + "/ressource/" + resourceId + "/download/Fahrgaste-2024.csv");

		HttpResponse<byte[]> file = download(url.replaceFirst("^https?://[^/]+", ""), null);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(CSV);
		assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				d -> assertThat(d).startsWith("attachment").contains("Fahrgaste-2024.csv"));

		String page = "/daten/" + name + "/ressource/" + resourceId;
		HttpResponse<String> preview = new PortalHttp(port).get(page);
		valid(page, preview);
		assertThat(text(preview)).contains("<caption id=\"tabelle-titel\" class=\"kern-title\">Vorschau: Fahrgaste-2024.csv",
				"<th scope=\"col\">Einsteiger", "Wattenscheid\nMarkt", "12000", "0.25", "2024-12-31", "Die ersten 3 von 3 Zeilen",
				"href=\"" + page + "/tabelle\"", "Werktage");
		assertThat(preview.headers().allValues("Set-Cookie")).isEmpty();
		valid(page + "/tabelle", new PortalHttp(port).get(page + "/tabelle"));
		assertThat(new PortalHttp(port).get(page + "/tabelle?seite=2").statusCode()).isEqualTo(404);
		assertThat(text(new PortalHttp(port).get("/daten/" + name))).contains("href=\"" + page + "\"");

		// Deleting the resource removes the file and the table.
		assertThat(staff.submit(staffPage, "/intern/daten/datensatz/" + name + "/ressource/" + resourceId + "/loeschen",
				Map.of()).statusCode()).isEqualTo(302);
		assertThat(store.get("opendata/" + resourceId)).isEmpty();
		assertThat(download(url.replaceFirst("^https?://[^/]+", ""), null).statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = 'datastore' and table_name = ?")
			.param(Datastore.tableName(UUID.fromString(resourceId)))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void ckanapiUploadsWithMultipartAndTheFileTypeIsJudgedByItsContent() throws Exception {
		String name = dataset("bogestra", false);
		String token = tokens.create(PublishingFixtures.publisherFor(jdbc, "bogestra"), "Test", null);
		byte[] geojson = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"Bochum Hbf\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [7.2236, 51.4787]}}]}"
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> created = new CkanMultipart().field("package_id", name)
			.field("name", "Haltestellen (GeoJSON)")
			.field("url", "")
			.file("upload", "haltestellen.json", "image/png", geojson)
			.post(port, "/api/3/action/resource_create", Map.of("Authorization", token));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		JsonNode resource = JSON.readTree(created.body()).get("result");
		assertThat(resource.get("mimetype").asString()).as("sniffed, not the client's image/png")
			.isEqualTo("application/geo+json");
		assertThat(resource.get("format").asString()).isEqualTo("JSON");
		assertThat(resource.get("hash").asString()).isEqualTo(ResourceFiles.sha256(geojson));
		String id = resource.get("id").asString();

		String page = "/daten/" + name + "/ressource/" + id;
		HttpResponse<String> preview = new PortalHttp(port).get(page);
		valid(page, preview);
		assertThat(text(preview)).contains("class=\"opendata-json\" role=\"region\"", "\"type\" : \"FeatureCollection\"",
				"\"name\" : \"Bochum Hbf\"");

		HttpResponse<String> tooLarge = new CkanMultipart().field("id", id)
			.file("upload", "haltestellen.json", "application/json", new byte[2 * 1024 * 1024 + 1])
			.post(port, "/api/3/action/resource_update", Map.of("Authorization", token));
		assertThat(tooLarge.statusCode()).isEqualTo(409);
		JsonNode error = JSON.readTree(tooLarge.body()).get("error");
		assertThat(error.get("__type").asString()).isEqualTo("Validation Error");
		assertThat(error.get("upload").get(0).asString()).isEqualTo("The file is too large: at most 2 MB is allowed");
		HttpResponse<String> lying = new CkanMultipart().field("package_id", name)
			.file("upload", "tabelle.csv", "text/csv", PNG)
			.post(port, "/api/3/action/resource_create", Map.of("Authorization", token));
		assertThat(lying.statusCode()).isEqualTo(409);
		assertThat(lying.body()).contains("does not match its extension");
		assertThat(new CkanMultipart().field("package_id", name)
			.file("upload", "tabelle.csv", "text/csv", CSV)
			.post(port, "/api/3/action/resource_create", Map.of()).statusCode()).as("no token").isEqualTo(403);

		HttpResponse<String> updated = new CkanMultipart().field("id", id)
			.field("name", "Zählung")
			.file("upload", "zaehlung.csv", "application/octet-stream", CSV)
			.post(port, "/api/3/action/resource_update", Map.of("Authorization", token));
		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
		JsonNode csv = JSON.readTree(updated.body()).get("result");
		assertThat(csv.get("url").asString()).endsWith("/download/zaehlung.csv");
		assertThat(csv.get("mimetype").asString()).isEqualTo("text/csv");
		assertThat(PublishingFixtures.awaitDatastoreJob(jdbc, id)).isEqualTo("done");
		JsonNode search = JSON.readTree(new PortalHttp(port)
			.get("/api/3/action/datastore_search?resource_id=" + id + "&q=Rathaus").body()).get("result");
		assertThat(search.get("total").asInt()).as("loaded into the datastore on upload").isEqualTo(1);
		assertThat(search.get("records").get(0).get("Einsteiger").asInt()).isEqualTo(5400);
		assertThat(JSON.readTree(new PortalHttp(port).get("/api/3/action/package_show?id=" + name).body())
			.get("result").get("num_resources").asInt()).isEqualTo(1);
	}

	@Test
	void filesOfPrivateDatasetsAreForTheirOrganizationOnly() throws Exception {
		String name = dataset("stadtwerke-bochum", true);
		String token = tokens.create(PublishingFixtures.publisherFor(jdbc, "stadtwerke-bochum"), "Test", null);
		JsonNode resource = JSON.readTree(new CkanMultipart().field("package_id", name)
			.file("upload", "entwurf.csv", "text/csv", CSV)
			.post(port, "/api/3/action/resource_create", Map.of("Authorization", token))
			.body()).get("result");
		String path = resource.get("url").asString().replaceFirst("^https?://[^/]+", "");
		String page = "/daten/" + name + "/ressource/" + resource.get("id").asString();
		assertThat(download(path, null).statusCode()).isEqualTo(404);
		assertThat(new PortalHttp(port).get(page).statusCode()).isEqualTo(404);
		PortalHttp member = new PortalHttp(port);
		member.signIn(PublishingFixtures.publisherFor(jdbc, "stadtwerke-bochum"), StaffFixtures.PASSWORD);
		assertThat(download(path, member).statusCode()).isEqualTo(200);
		assertThat(member.get(page).statusCode()).isEqualTo(200);
		PortalHttp other = new PortalHttp(port);
		other.signIn(PublishingFixtures.publisherFor(jdbc, "bogestra"), StaffFixtures.PASSWORD);
		assertThat(download(path, other).statusCode()).isEqualTo(404);
	}
}
