package de.bochum.portal.opendata.internal;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test (the name keeps it out of the suite): loads CSV files into the datastore and measures
 * rows per second against PostgreSQL's own COPY of the same file, then the latency of a filtered
 * datastore_search over HTTP. Run with benchmarks/opendata/datastore.sh; writes
 * benchmarks/results/opendata.txt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "portal.opendata.upload.max-size=200MB")
class DatastoreBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	Publishing publishing;

	@Autowired
	CsvLoading loading;

	@Autowired
	DataSource dataSource;

	@Autowired
	Datastore datastore;

	@Autowired
	JdbcClient jdbc;

	@Test
	void measure() throws Exception {
		int generatedRows = Integer.getInteger("rows", 200_000);
		StringBuilder out = new StringBuilder();
		out.append("# Datastore benchmark (").append(java.time.Instant.now()).append(", ")
			.append(Runtime.getRuntime().availableProcessors()).append(" cores, embedded PostgreSQL)\n\n")
			.append("| file | size | rows | loader (until queryable) | rows/s | raw COPY | rows/s | loader / COPY |"
					+ " indexes afterwards (full text + B-tree per column + analyze) | incl. index / COPY |\n|---|---|---|---|---|---|---|---|---|---|\n");
		Path largest = DatastoreBenchmarkFiles.largestShared();
		DatasetView dataset = publishing.create(CkanWriteActions.form(Map.of("name", PublishingFixtures.uniqueName("benchmark"),
				"title", "Benchmark", "owner_org", "stadt-bochum", "license_id", "cc-zero"), null), List.of(),
				new Publishers.Publisher("benchmark", true, Set.of()), "api");
		String lastId = null;
		List<Map.Entry<String, byte[]>> files = new ArrayList<>();
		if (largest != null) {
			files.add(Map.entry(largest.getFileName().toString(), Files.readAllBytes(largest)));
		}
		files.add(Map.entry("generated-" + generatedRows + "x10.csv", DatastoreBenchmarkFiles.generated(generatedRows)));
		for (Map.Entry<String, byte[]> file : files) {
			var added = publishing.addResource(dataset.id(), ResourceForm.empty(),
					new ResourceFiles.Upload(file.getKey(), file.getValue()), "http://localhost:" + port,
					new Publishers.Publisher("benchmark", true, Set.of()), "api");
			UUID id = UUID.fromString(added.resource().id());
			long start = System.nanoTime();
			ResourcePreview.DatastoreStatus status = loading.load(id);
			double withIndexSeconds = (System.nanoTime() - start) / 1e9;
			Datastore.Table table = datastore.table(id).orElseThrow();
			long indexStart = System.nanoTime();
			datastore.dropSearchIndexes(table);
			datastore.indexForSearch(table);
			double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
			double loadSeconds = withIndexSeconds - indexSeconds;
			double copySeconds = copy(file.getValue());
			out.append(String.format(Locale.ROOT,
					"| %s | %.1f MB | %d | %.2f s | %.0f | %.2f s | %.0f | %.0f %% | %.2f s | %.0f %% |%n",
					file.getKey(), file.getValue().length / 1e6, status.rows(), loadSeconds, status.rows() / loadSeconds,
					copySeconds, status.rows() / copySeconds, 100 * copySeconds / loadSeconds, indexSeconds,
					100 * copySeconds / withIndexSeconds));
			lastId = id.toString();
		}
		String query = "/api/3/action/datastore_search?resource_id=" + lastId + "&filters="
				+ URLEncoder.encode("{\"bezirk\": \"Wattenscheid\"}", StandardCharsets.UTF_8) + "&limit=20&sort="
				+ URLEncoder.encode("wert desc", StandardCharsets.UTF_8);
		HttpClient http = HttpClient.newHttpClient();
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + query)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (i >= 50) {
				millis.add((System.nanoTime() - start) / 1e6);
			}
			if (response.statusCode() != 200) {
				throw new AssertionError(response.body());
			}
		}
		Collections.sort(millis);
		out.append(String.format(Locale.ROOT,
				"%ndatastore_search filter on a text column + sort + total over %d rows, 1 client, 200 requests after 50 warm-up: median %.1f ms, p99 %.1f ms%n",
				generatedRows, millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.99) - 1)));
		Path result = Path.of(System.getProperty("out", "benchmarks/results/opendata-datastore-run.md"));
		Files.createDirectories(result.getParent());
		Files.writeString(result, out.toString());
		System.out.println(out);
		PublishingFixtures.deleteTestDatasets(jdbc, publishing);
	}

	/** PostgreSQL's COPY of the same file into a table of text columns: the ceiling for any loader. */
	private double copy(byte[] csv) throws Exception {
		CsvTable.Format format = CsvTable.detect(csv);
		CsvTable.Plan table = CsvTable.plan(csv, format);
		try (Connection connection = dataSource.getConnection()) {
			var statement = connection.createStatement();
			statement.execute("drop table if exists datastore.benchmark_copy");
			StringBuilder columns = new StringBuilder();
			for (int i = 0; i < table.fields().size(); i++) {
				columns.append(i == 0 ? "" : ", ").append("c").append(i).append(" text");
			}
			statement.execute("create table datastore.benchmark_copy (" + columns + ")");
			String options = "(format csv, header true, delimiter '" + format.delimiter() + "', encoding '"
					+ (format.charset().name().equals("UTF-8") ? "UTF8" : "WIN1252") + "')";
			byte[] body = csv.length >= 3 && (csv[0] & 0xFF) == 0xEF ? java.util.Arrays.copyOfRange(csv, 3, csv.length) : csv;
			long start = System.nanoTime();
			connection.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("copy datastore.benchmark_copy from stdin " + options, new ByteArrayInputStream(body));
			double seconds = (System.nanoTime() - start) / 1e9;
			statement.execute("drop table datastore.benchmark_copy");
			return seconds;
		}
	}
}
