package de.bochum.portal.opendata.internal;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.StaffFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OpenDocument spreadsheet, as many German municipalities publish, lands in the datastore like
 * XLSX: uploaded on the staff page or with {@code resource_create}, its first sheet is loaded with
 * typed columns of its values; a file that only calls itself ODS fails with a clear report and
 * leaves no table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpendataOdsTest extends PublishingTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	ApiTokens tokens;

	@Autowired
	DatastoreJobs jobs;

	@Test
	void aPublisherUploadsAnOdsOnTheStaffPageAndItsFirstSheetIsLoadedWithTypedColumns() throws Exception {
		String name = dataset();
		PortalHttp staff = new PortalHttp(port);
		staff.signIn(PublishingFixtures.publisherFor(jdbc, "bogestra"), StaffFixtures.PASSWORD);
		String form = "/intern/daten/datensatz/" + name + "/ressource/neu";
		HttpResponse<String> saved = new CkanMultipart().field("name", "")
			.file("upload", "Fahrgäste 2024.ods", "application/octet-stream", OdsFiles.spreadsheet(OdsFiles.FAHRGAESTE))
			.postFromForm(port, staff, form, form);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		String staffPage = PortalHttp.location(saved).replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*", "");
		String id = staffPage.replaceAll(".*/ressource/", "");
		assertThat(PublishingFixtures.awaitDatastoreJob(jdbc, id)).as("queued on upload").isEqualTo("done");

		assertThat(PublishingFixtures.datastoreColumns(jdbc, id)).isEqualTo("_id:bigint,Haltestelle:text,Einsteiger:bigint,Anteil:numeric,Stichtag:date,"
				+ "Erfasst:timestamp without time zone,Geprüft:text,Bemerkung:text");
		JsonNode result = search(id, "&sort=_id");
		assertThat(result.get("total").asInt()).as("the empty and filler rows and the second sheet are not loaded, the"
				+ " repeated row is").isEqualTo(5);
		JsonNode first = result.get("records").get(0);
		assertThat(first.get("Haltestelle").asString()).isEqualTo("Bochum Hbf, Bahnsteig 1");
		assertThat(first.get("Einsteiger").asLong()).as("12.000 on the sheet, with a comment").isEqualTo(12000);
		assertThat(first.get("Anteil").decimalValue()).as("25 %").isEqualByComparingTo("0.25");
		assertThat(first.get("Stichtag").asString()).startsWith("2024-12-31");
		assertThat(first.get("Erfasst").asString()).startsWith("2024-12-31T10:30");
		assertThat(first.get("Geprüft").asString()).isEqualTo("true");
		assertThat(first.get("Bemerkung").asString()).isEqualTo("Gleis 1\nAusgang  Nord\tSüd");
		JsonNode third = result.get("records").get(2);
		assertThat(third.get("Haltestelle").asString()).isEqualTo("Wattenscheid \"Markt\", Steig 2");
		assertThat(third.get("Anteil").decimalValue()).isEqualByComparingTo("0.05");
		JsonNode merged = result.get("records").get(3);
		assertThat(merged.get("Haltestelle").asString("")).as("a merged cell's covered part is empty").isEmpty();
		assertThat(merged.get("Einsteiger").asLong()).as("300,00 €").isEqualTo(300);
		assertThat(search(id, "&q=Rathaus").get("total").asInt()).as("German full text").isEqualTo(1);
		assertThat(search(id, "&q=BOGESTRA").get("total").asInt()).as("the second sheet").isZero();

		String staffHtml = HtmlUtils.htmlUnescape(staff.get(staffPage).body());
		assertThat(staffHtml).contains("Im Datastore: 5 Zeilen").doesNotContain("statt 7 Werte");
		String page = "/daten/" + name + "/ressource/" + id;
		HttpResponse<String> preview = new PortalHttp(port).get(page);
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(HtmlChecker.errors(preview.body())).as("Nu HTML Checker on " + page).isEmpty();
		assertThat(HtmlUtils.htmlUnescape(preview.body())).contains("Vorschau: Fahrgaste-2024.ods",
				"<th scope=\"col\">Einsteiger", "Bochum Hbf, Bahnsteig 1", "12000", "2024-12-31", "ODS");
	}

	@Test
	void ckanResourceCreateAcceptsAnOdsAndQueuesIt() throws Exception {
		String name = dataset();
		String token = tokens.create(PublishingFixtures.publisherFor(jdbc, "bogestra"), "Test", null);
		HttpResponse<String> created = new CkanMultipart().field("package_id", name)
			.file("upload", "zaehlung.ods", "application/zip", OdsFiles.spreadsheet(OdsFiles.FAHRGAESTE))
			.post(port, "/api/3/action/resource_create", Map.of("Authorization", token));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		JsonNode resource = JSON.readTree(created.body()).get("result");
		assertThat(resource.get("format").asString()).isEqualTo("ODS");
		assertThat(resource.get("mimetype").asString()).isEqualTo(OdsSheet.MEDIA_TYPE);
		String id = resource.get("id").asString();
		assertThat(PublishingFixtures.awaitDatastoreJob(jdbc, id)).isEqualTo("done");
		assertThat(search(id, "").get("total").asInt()).isEqualTo(5);
		assertThat(new PortalHttp(port).get("/daten/" + name + ".ttl").body()).as("DCAT-AP.de names the EU file type")
			.contains("http://publications.europa.eu/resource/authority/file-type/ODS");
	}

	@Test
	void aFileThatIsNoSpreadsheetFailsWithAReportAndLeavesNoTable() throws Exception {
		byte[] renamedCsv = "PK\u0003\u0004Haltestelle;Einsteiger\nBochum Hbf;12000\n".getBytes(StandardCharsets.ISO_8859_1);
		byte[] noContent = OdsFiles.zip(OdsSheet.MEDIA_TYPE, Map.of("META-INF/manifest.xml", "<manifest/>"));
		for (byte[] fake : List.of(renamedCsv, noContent)) {
			String[] created = PublishingFixtures.datasetWithFile(publishing, port, "kaputt.ods", fake);
			String id = created[1];
			jobs.enqueue(UUID.fromString(id), null);
			assertThat(PublishingFixtures.awaitDatastoreJob(jdbc, id)).isEqualTo("failed");
			assertThat(jdbc.sql("select report from opendata_datastore where resource_id = ?").param(UUID.fromString(id))
				.query(String.class).single()).isEqualTo(OdsSheet.NOT_ODS);
			assertThat(PublishingFixtures.datastoreTables(jdbc, id)).isZero();

			String page = "/intern/daten/datensatz/" + created[0] + "/ressource/" + id;
			PortalHttp staff = new PortalHttp(port);
			staff.signIn(PublishingFixtures.publisherFor(jdbc, "bogestra"), StaffFixtures.PASSWORD);
			assertThat(HtmlUtils.htmlUnescape(staff.get(page).body())).contains(
					"Die Datei konnte nicht in den Datastore geladen werden.",
					"Die Datei ist keine lesbare OpenDocument-Tabelle (ODS)");
			assertThat(HtmlUtils.htmlUnescape(staff.get(page + "?lang=en").body()))
				.contains("The file is not a readable OpenDocument spreadsheet (ODS)");
		}
	}

	private String dataset() {
		String name = PublishingFixtures.uniqueName("ods");
		publishing.create(CkanWriteActions.form(Map.of("name", name, "title", "Fahrgastzahlen", "owner_org", "bogestra",
				"license_id", "cc-by/4.0"), null), List.of(), new Publishers.Publisher("test-ods", true, Set.of()), "web");
		return name;
	}

	private JsonNode search(String id, String parameters) throws Exception {
		return JSON.readTree(new PortalHttp(port).get("/api/3/action/datastore_search?resource_id=" + id + parameters).body())
			.get("result");
	}
}
