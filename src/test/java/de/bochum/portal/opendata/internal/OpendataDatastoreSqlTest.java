package de.bochum.portal.opendata.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import de.bochum.portal.platform.InstallationSecrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code datastore_search_sql}: what a hackday developer can ask, and that neither the check, nor
 * the database login, nor the transaction lets a query write or read beyond public tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpendataDatastoreSqlTest extends PublishingTest {

	@Autowired
	ApiTokens tokens;

	@Autowired
	InstallationSecrets secrets;

	@Autowired
	DataSource dataSource;

	private final HttpClient http = HttpClient.newHttpClient();

	/** A BOGESTRA dataset with a table of bus lines; returns the dataset's name and the resource id. */
	private String[] table(String token, boolean privateDataset, String records) throws Exception {
		String name = PublishingFixtures.uniqueName("sql");
		DatasetView dataset = publishing.create(
				CkanWriteActions.form(Map.of("name", name, "title", "Fahrten " + name, "owner_org", "bogestra",
						"license_id", "cc-by/4.0", "private", privateDataset), null),
				List.of(new ResourceForm("Fahrten", "https://example.org/fahrten.csv", "CSV", "", "", "", "")),
				new Publishers.Publisher("test-sql", false, Set.of("bogestra")), "api");
		String id = dataset.resources().get(0).id();
		result(post("datastore_create", token, """
				{"resource_id": "%s", "fields": [{"id": "linie", "type": "text"}, {"id": "fahrten", "type": "int4"},
				  {"id": "stichtag", "type": "date"}], "records": %s}""".formatted(id, records)));
		return new String[] { name, id };
	}

	private static final String LINES = """
			[{"linie": "302", "fahrten": 120, "stichtag": "2024-12-31"}, {"linie": "310", "fahrten": 80, "stichtag": "2024-12-31"},
			 {"linie": "302", "fahrten": 30, "stichtag": "2025-01-02"}, {"linie": "CE31", "fahrten": 12, "stichtag": "2025-01-02"}]""";

	private HttpResponse<String> sql(String sql) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/3/action/datastore_search_sql?sql=" + URLEncoder.encode(sql, StandardCharsets.UTF_8))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String action, String token, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/3/action/" + action))
			.header("Content-Type", "application/json")
			.header("Authorization", token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode result(HttpResponse<String> response) {
		return OpendataCkanWriteTest.result(response);
	}

	private static String error(HttpResponse<String> response, int status, String type) {
		JsonNode error = OpendataCkanWriteTest.error(response, status, type);
		return error.has("query") ? error.get("query").get(0).asString() : error.path("message").asString(error.toString());
	}

	private long rows(String resourceId) {
		return jdbc.sql("select count(*) from datastore." + Datastore.tableName(java.util.UUID.fromString(resourceId)))
			.query(Long.class)
			.single();
	}

	@Test
	void aHackdayDeveloperAggregatesAndJoinsPublicTables() throws Exception {
		String token = tokens.create(PublishingFixtures.publisherFor(jdbc, "bogestra"), "Test", null);
		String id = table(token, false, LINES)[1];
		String other = table(token, false, """
				[{"linie": "302", "fahrten": 1, "stichtag": "2024-01-01"}]""")[1];

		String query = "SELECT linie, sum(fahrten) AS summe, max(stichtag) AS zuletzt FROM \"" + id
				+ "\" GROUP BY linie ORDER BY summe DESC";
		JsonNode found = result(sql(query));
		assertThat(found.get("sql").asString()).isEqualTo(query);
		assertThat(found.get("records").findValuesAsString("linie")).containsExactly("302", "310", "CE31");
		assertThat(found.get("records").get(0).get("summe").asLong()).isEqualTo(150);
		assertThat(found.get("records").get(0).get("zuletzt").asString()).isEqualTo("2025-01-02");
		assertThat(found.get("fields").findValuesAsString("id")).containsExactly("linie", "summe", "zuletzt");
		assertThat(found.get("fields").findValuesAsString("type")).containsExactly("text", "int8", "date");
		assertThat(found.has("records_truncated")).isFalse();

		// A join, a query's own column list, and ';' or DELETE inside a text or a comment are no statement.
		JsonNode joined = result(sql("""
				WITH heute(l, f) AS (SELECT linie, fahrten FROM "%s" WHERE linie <> 'x; DELETE')
				SELECT h.l, h.f, o.fahrten AS vorjahr FROM heute h JOIN "%s" o ON o.linie = h.l /* ; DROP */
				WHERE h.f > 100""".formatted(id, other)));
		assertThat(joined.get("records")).hasSize(1);
		assertThat(joined.get("records").get(0).get("vorjahr").asInt()).isEqualTo(1);

		// The row limit: at most 32000 records, and the answer says it cut them off.
		JsonNode many = result(sql("SELECT n FROM generate_series(1, 40000) AS n"));
		assertThat(many.get("records")).hasSize(32000);
		assertThat(many.get("records_truncated").asBoolean()).isTrue();

		// Nor does the portal hold a huge answer in memory: rows with long values built by the query itself.
		assertThat(error(sql("SELECT repeat('x', 100000000) AS lang"), 409, "Validation Error")).contains("larger than 20 MB");
		assertThat(error(sql("SELECT repeat('x', 1000000) AS lang FROM generate_series(1, 30)"), 409, "Validation Error"))
			.contains("larger than 20 MB");
	}

	@Test
	void writingOrEscapingIsRefusedWithCkansErrorsAndChangesNothing() throws Exception {
		String token = tokens.create(PublishingFixtures.publisherFor(jdbc, "bogestra"), "Test", null);
		String id = table(token, false, LINES)[1];
		String t = "\"" + id + "\"";

		assertThat(error(sql("DELETE FROM " + t), 409, "Validation Error")).contains("Only a SELECT").contains("DELETE");
		assertThat(error(sql("SELECT 1; DELETE FROM " + t), 409, "Validation Error"))
			.isEqualTo("Query is not a single statement.");
		assertThat(error(sql("WITH weg AS (DELETE FROM " + t + " RETURNING *) SELECT * FROM weg"), 409, "Validation Error"))
			.contains("Only reading is allowed").contains("DELETE");
		assertThat(error(sql("SELECT * INTO kopie FROM " + t), 409, "Validation Error")).contains("INTO");
		assertThat(error(sql("SELECT * FROM " + t + " FOR UPDATE"), 409, "Validation Error")).contains("UPDATE");
		assertThat(error(sql("SELECT * FROM " + t + " WHERE"), 409, "Validation Error")).contains("syntax error");
		assertThat(error(sql("SELECT 'a"), 409, "Validation Error")).contains("does not end");
		assertThat(OpendataCkanWriteTest.error(sql(""), 409, "Validation Error").get("sql").get(0).asString())
			.isEqualTo("Missing value");

		// Functions that write, run SQL from text, change settings or wait: refused as CKAN refuses them.
		for (String call : List.of("SELECT nextval('datastore." + Datastore.tableName(java.util.UUID.fromString(id)) + "__id_seq')",
				"SELECT query_to_xml('select * from opendata_dataset', true, true, '')",
				"SELECT \"query_to_xml\"('select 1', true, true, '')",
				"SELECT pg_catalog.query_to_xml('select 1', true, true, '')",
				"SELECT set_config('role', 'postgres', false)", "SELECT pg_sleep(10)",
				"SELECT linie FROM " + t + " WHERE lo_import('/etc/passwd') > 0")) {
			assertThat(error(sql(call), 403, "Authorization Error")).as(call).contains("Not authorized to call function");
		}
		assertThat(rows(id)).isEqualTo(4);
		assertThat(jdbc.sql("select count(*) from pg_tables where tablename = 'kopie'").query(Long.class).single()).isZero();

		// What takes too long is cancelled (5 s by default), with CKAN's message.
		assertThat(error(sql("SELECT count(*) FROM generate_series(1, 1000000) a, generate_series(1, 1000000) b"), 409,
				"Validation Error")).isEqualTo("Query took too long");
	}

	@Test
	void onlyTablesOfPublicDatasetsCanBeRead() throws Exception {
		String token = tokens.create(PublishingFixtures.publisherFor(jdbc, "bogestra"), "Test", null);
		String secret = table(token, true, LINES)[1];
		String[] shown = table(token, false, LINES);

		assertThat(error(sql("SELECT * FROM \"" + secret + "\""), 403, "Authorization Error")).contains("permission denied");
		// Names resolve in the datastore schema only; the portal's own tables are not even found there.
		assertThat(error(sql("SELECT * FROM opendata_dataset"), 409, "Validation Error")).contains("does not exist");
		for (String outside : List.of("SELECT * FROM public.opendata_dataset", "SELECT * FROM public.citizen_account",
				"SELECT rolname FROM pg_roles", "SELECT relname FROM pg_catalog.pg_class",
				"SELECT * FROM \"" + shown[1] + "\" WHERE linie IN (SELECT name FROM public.opendata_organization)")) {
			error(sql(outside), 403, "Authorization Error");
		}

		// Made private, the table is out of reach from the next query on; public again, it is back.
		assertThat(result(sql("SELECT count(*) AS n FROM \"" + shown[1] + "\"")).get("records").get(0).get("n").asInt())
			.isEqualTo(4);
		result(post("package_patch", token, "{\"id\": \"" + shown[0] + "\", \"private\": true}"));
		error(sql("SELECT count(*) AS n FROM \"" + shown[1] + "\""), 403, "Authorization Error");
		result(post("package_patch", token, "{\"id\": \"" + shown[0] + "\", \"private\": false}"));
		assertThat(result(sql("SELECT count(*) AS n FROM \"" + shown[1] + "\"")).get("records").get(0).get("n").asInt())
			.isEqualTo(4);
	}

	/**
	 * The second lock alone: connected as the reader login directly, without the check in front,
	 * nothing beyond public tables can be read (also not through SQL run from a text), nothing
	 * written, and the session cannot become another role.
	 */
	@Test
	void theReaderLoginItselfReadsPublicTablesOnly() throws Exception {
		String token = tokens.create(PublishingFixtures.publisherFor(jdbc, "bogestra"), "Test", null);
		String secret = table(token, true, LINES)[1];
		String shown = table(token, false, LINES)[1];
		result(sql("SELECT count(*) FROM \"" + shown + "\""));
		String database = jdbc.sql("select current_database()").query(String.class).single();
		String role = "portal_reader_" + database;
		String url;
		try (Connection app = dataSource.getConnection()) {
			url = DatastoreSqlSearch.withoutCredentials(app.getMetaData().getURL());
		}
		try (Connection reader = DriverManager.getConnection(url, role,
				HexFormat.of().formatHex(secrets.secret("datastore-reader")))) {
			var statement = reader.createStatement();
			var rs = statement.executeQuery("select count(*) from datastore." + Datastore.tableName(java.util.UUID.fromString(shown)));
			rs.next();
			assertThat(rs.getInt(1)).isEqualTo(4);
			for (String beyond : List.of("select * from opendata_dataset",
					"select * from datastore." + Datastore.tableName(java.util.UUID.fromString(secret)),
					"select query_to_xml('select * from datastore." + Datastore.tableName(java.util.UUID.fromString(secret))
							+ "', true, true, '')",
					"set role postgres", "select set_config('role', 'postgres', false)",
					"delete from datastore." + Datastore.tableName(java.util.UUID.fromString(shown)),
					"create table datastore.neu (a int)")) {
				assertThatThrownBy(() -> statement.execute(beyond)).as(beyond).isInstanceOf(SQLException.class);
			}
		}
		assertThat(rows(shown)).isEqualTo(4);
	}
}
