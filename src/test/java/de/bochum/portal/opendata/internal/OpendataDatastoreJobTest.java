package de.bochum.portal.opendata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.StaffFixtures;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * Loading into the datastore runs as a job in the background: the staff page shows its state, the
 * rows and a failure's line and reason; the publisher overrides what was detected and loads again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpendataDatastoreJobTest extends PublishingTest {

	@Autowired
	DatastoreJobs jobs;

	private String[] upload(String file, byte[] content) {
		return PublishingFixtures.datasetWithFile(publishing, port, file, content);
	}

	private static String text(HttpResponse<String> response) {
		return HtmlUtils.htmlUnescape(response.body());
	}

	private static long tables(JdbcClient jdbc, String resourceId) {
		return jdbc.sql("select count(*) from information_schema.tables where table_schema = 'datastore' and table_name = ?")
			.param(Datastore.tableName(UUID.fromString(resourceId)))
			.query(Long.class)
			.single();
	}

	@Test
	void aPublisherOverridesTheDetectedHeaderRowAndLoadsAgain() throws Exception {
		String[] created = upload("zaehlung.csv", "1;2,5\n3;4,5\n".getBytes(StandardCharsets.UTF_8));
		String page = "/intern/daten/datensatz/" + created[0] + "/ressource/" + created[1];
		jobs.enqueue(UUID.fromString(created[1]), null);
		assertThat(PublishingFixtures.awaitDatastoreJob(jdbc, created[1])).isEqualTo("done");

		PortalHttp staff = new PortalHttp(port);
		staff.signIn(PublishingFixtures.publisherFor(jdbc, "bogestra"), StaffFixtures.PASSWORD);
		HttpResponse<String> detected = staff.get(page);
		assertThat(detected.statusCode()).isEqualTo(200);
		assertThat(HtmlChecker.errors(detected.body())).as("Nu HTML Checker").isEmpty();
		// Detected: UTF-8, ";", decimal comma, the first line as column names; so one row only.
		assertThat(text(detected)).contains("Im Datastore: 1 Zeilen", "Kodierung UTF-8, Trennzeichen „;“",
				"<option value=\"UTF-8\" selected>", "<option value=\";\" selected>");

		HttpResponse<String> reload = staff.submit(page, page + "/datastore", Map.of("kodierung", "UTF-8",
				"trennzeichen", ";", "dezimalkomma", "ja", "kopfzeile", "nein"));
		assertThat(reload.statusCode()).isEqualTo(302);
		String pending = text(staff.get(page));
		assertThat(pending).containsAnyOf("wartet auf den Start", "Wird in den Datastore geladen", "Im Datastore: 2 Zeilen");
		assertThat(PublishingFixtures.awaitDatastoreJob(jdbc, created[1])).isEqualTo("done");
		String loaded = text(staff.get(page));
		assertThat(loaded).contains("Im Datastore: 2 Zeilen", "Kopfzeile: nein", "<option value=\"nein\" selected>");
		assertThat(jdbc.sql("select string_agg(column_name || ':' || data_type, ',' order by ordinal_position) from"
				+ " information_schema.columns where table_schema = 'datastore' and table_name = ?")
			.param(Datastore.tableName(UUID.fromString(created[1]))).query(String.class).single())
			.isEqualTo("_id:bigint,spalte_1:bigint,spalte_2:numeric");

		// A choice the form does not offer is refused and queues nothing.
		HttpResponse<String> bad = staff.submit(page, page + "/datastore", Map.of("kodierung", "EBCDIC",
				"trennzeichen", ";", "dezimalkomma", "ja", "kopfzeile", "nein"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(jobs.job(UUID.fromString(created[1])).orElseThrow().state()).isEqualTo("done");
	}

	@Test
	void aFileThatIsNotATableFailsWithItsLineAndReasonAndLeavesNoTable() throws Exception {
		String[] created = upload("brief.csv", "Sehr geehrte Damen und Herren".getBytes(StandardCharsets.UTF_8));
		jobs.enqueue(UUID.fromString(created[1]), null);
		assertThat(PublishingFixtures.awaitDatastoreJob(jdbc, created[1])).isEqualTo("failed");
		DatastoreJobs.Job job = jobs.job(UUID.fromString(created[1])).orElseThrow();
		assertThat(job.errorLine()).isEqualTo(1L);
		assertThat(tables(jdbc, created[1])).isZero();

		PortalHttp staff = new PortalHttp(port);
		staff.signIn(PublishingFixtures.publisherFor(jdbc, "bogestra"), StaffFixtures.PASSWORD);
		String page = "/intern/daten/datensatz/" + created[0] + "/ressource/" + created[1];
		assertThat(text(staff.get(page))).contains("Die Datei konnte nicht in den Datastore geladen werden.",
				"Zeile 1: Die Datei enthält keine Tabelle");
		PortalHttp english = new PortalHttp(port);
		english.signIn(PublishingFixtures.publisherFor(jdbc, "bogestra"), StaffFixtures.PASSWORD);
		assertThat(text(english.get(page + "?lang=en"))).contains("Line 1: the file holds no table");
	}

	@Test
	void aJobWhoseInstanceStoppedIsTakenUpAgain() throws Exception {
		String[] created = upload("zaehlung.csv", "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8));
		jobs.enqueue(UUID.fromString(created[1]), null);
		// As if an instance had claimed it and died: running, but no heartbeat for ten minutes.
		jdbc.sql("update opendata_datastore_job set state = 'running', heartbeat = now() - interval '10 minutes'"
				+ " where resource_id = ?").param(UUID.fromString(created[1])).update();
		jobs.work();
		assertThat(PublishingFixtures.awaitDatastoreJob(jdbc, created[1])).isEqualTo("done");
		assertThat(jobs.job(UUID.fromString(created[1])).orElseThrow().rows()).isEqualTo(1);
	}

	@Autowired
	CsvLoading loading;

	@Test
	void theFilteredTableDownloadsAsCsvAndJson() throws Exception {
		String[] created = upload("fahrgaeste.csv", "Haltestelle;Einsteiger\nBochum Hbf;12000\n\"Rathaus, Süd\";5400\nWattenscheid Markt;800\n"
			.getBytes(StandardCharsets.UTF_8));
		assertThat(loading.load(UUID.fromString(created[1])).status()).isEqualTo("active");
		String base = "/daten/" + created[0] + "/ressource/" + created[1];
		PortalHttp visitor = new PortalHttp(port);
		assertThat(text(visitor.get(base))).contains("href=\"" + base + "/export.csv\"", "href=\"" + base + "/export.json\"");

		HttpResponse<String> all = visitor.get(base + "/export.csv");
		assertThat(all.statusCode()).isEqualTo(200);
		assertThat(all.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		assertThat(all.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("fahrgaeste.csv"));
		assertThat(all.body()).isEqualTo("_id,Haltestelle,Einsteiger\r\n1,Bochum Hbf,12000\r\n2,\"Rathaus, Süd\",5400\r\n"
				+ "3,Wattenscheid Markt,800\r\n");

		String filtered = base + "/export.csv?filters=" + java.net.URLEncoder.encode("{\"Einsteiger\": [12000, 800]}", StandardCharsets.UTF_8)
				+ "&sort=" + java.net.URLEncoder.encode("Einsteiger asc", StandardCharsets.UTF_8) + "&fields=Haltestelle";
		assertThat(visitor.get(filtered).body()).isEqualTo("Haltestelle\r\nWattenscheid Markt\r\nBochum Hbf\r\n");

		HttpResponse<String> json = visitor.get(base + "/export.json?q=Rathaus");
		assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
		var tree = new tools.jackson.databind.ObjectMapper().readTree(json.body());
		assertThat(tree.get("fields").findValuesAsString("id")).containsExactly("_id", "Haltestelle", "Einsteiger");
		assertThat(tree.get("records")).hasSize(1);
		assertThat(tree.get("records").get(0).get("Einsteiger").asInt()).isEqualTo(5400);

		assertThat(visitor.get(base + "/export.csv?sort=gibtsnicht").statusCode()).isEqualTo(400);
		assertThat(visitor.get(base + "/export.csv?filters=" + java.net.URLEncoder.encode("{\"Einsteiger\": \"viele\"}",
				StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
	}
}
