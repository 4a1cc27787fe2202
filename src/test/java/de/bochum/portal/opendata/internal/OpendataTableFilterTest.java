package de.bochum.portal.opendata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * The filter form of the table page: what a visitor finds with a search, column filters and a
 * sort, that paging and the downloads keep the selection, and that wrong input is explained at its
 * field with everything typed kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpendataTableFilterTest {

	/** 400 stops: even ones in Wattenscheid, every third a tram stop, the rest bus stops. */
	static final int ROWS = 400;

	/** Bus stops in Wattenscheid: even, not a multiple of three. */
	static final List<Integer> BUS_IN_WATTENSCHEID = IntStream.rangeClosed(1, ROWS)
		.filter(i -> i % 2 == 0 && i % 3 != 0)
		.boxed()
		.toList();

	private static final Pattern STOP = Pattern.compile("<td>(Halt \\d+)</td>");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Publishing publishing;

	@Autowired
	DatastoreJobs jobs;

	String table;

	String resourcePage;

	/** The test table as CSV, German dates and ";" as a publisher in Bochum writes it; a column name with spaces. */
	static byte[] csv() {
		StringBuilder csv = new StringBuilder("Haltestelle;Bezirk;Verkehrsmittel;Einsteiger je Tag;Datum;Auslastung\n");
		for (int i = 1; i <= ROWS; i++) {
			csv.append("Halt ").append(i).append(';').append(i % 2 == 0 ? "Wattenscheid" : "Mitte").append(';')
				.append(i % 3 == 0 ? "Straßenbahn" : "Bus").append(';').append(i * 10).append(';')
				.append(LocalDate.of(2024, 1, 1).plusDays(i % 10).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))
				.append(';').append(i % 4).append(",5\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	@BeforeAll
	void loadTable() throws Exception {
		resourcePage = PublishingFixtures.loadedResource(publishing, jobs, jdbc, port, "haltestellen.csv", csv());
		table = resourcePage + "/tabelle";
	}

	@AfterAll
	void cleanUp() {
		PublishingFixtures.deleteTestDatasets(jdbc, publishing);
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String text(HttpResponse<String> response) {
		return HtmlUtils.htmlUnescape(response.body());
	}

	private static List<String> stops(String html) {
		List<String> stops = new ArrayList<>();
		Matcher m = STOP.matcher(html);
		while (m.find()) {
			stops.add(m.group(1));
		}
		return stops;
	}

	private static List<String> stops(List<Integer> numbers) {
		return numbers.stream().map(i -> "Halt " + i).toList();
	}

	private static String link(String html, String pattern) {
		Matcher m = Pattern.compile(pattern).matcher(html);
		assertThat(m.find()).as("link %s", pattern).isTrue();
		return HtmlUtils.htmlUnescape(m.group(1));
	}

	private HttpResponse<String> ok(PortalHttp visitor, String path) {
		HttpResponse<String> page = visitor.get(path);
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		assertThat(HtmlChecker.errors(page.body())).as("Nu HTML Checker on " + path).isEmpty();
		return page;
	}

	@Test
	void aSearchAndAColumnFilterNarrowTheTableAndPagingAndDownloadsKeepThem() throws Exception {
		PortalHttp visitor = new PortalHttp(port);
		String unfiltered = text(ok(visitor, table));
		assertThat(unfiltered).contains("Insgesamt 400 Zeilen.", "Seite 1 von 4").doesNotContain("Filter zurücksetzen");

		HttpResponse<String> first = ok(visitor, table + "?q=Bus&spalte.Bezirk=Wattenscheid");
		assertThat(first.headers().allValues("Set-Cookie")).as("a GET form sets no cookie").isEmpty();
		String page1 = text(first);
		assertThat(page1).contains("134 von 400 Zeilen", "Seite 1 von 2", "value=\"Bus\"", "value=\"Wattenscheid\"",
				"href=\"" + table + "\"", "Filter zurücksetzen");
		assertThat(stops(page1)).isEqualTo(stops(BUS_IN_WATTENSCHEID.subList(0, 100)));

		String next = link(first.body(), "href=\"([^\"]*seite=2)\" rel=\"next\"");
		assertThat(next).contains("q=Bus", "spalte.Bezirk=Wattenscheid");
		String page2 = text(ok(visitor, next));
		assertThat(page2).contains("134 von 400 Zeilen", "Seite 2 von 2", "value=\"Bus\"");
		assertThat(stops(page2)).isEqualTo(stops(BUS_IN_WATTENSCHEID.subList(100, 134)));

		// The downloads on the page: exactly the selection, all pages, in the same order.
		String csv = visitor.get(link(first.body(), "id=\"export-csv\" href=\"([^\"]+)\"")).body();
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).isEqualTo("_id,Haltestelle,Bezirk,Verkehrsmittel,Einsteiger je Tag,Datum,Auslastung");
		assertThat(lines.subList(1, lines.size()).stream().map(l -> l.split(",")[1]).toList())
			.isEqualTo(stops(BUS_IN_WATTENSCHEID));
		String json = visitor.get(link(first.body(), "id=\"export-json\" href=\"([^\"]+)\"")).body();
		assertThat(new tools.jackson.databind.ObjectMapper().readTree(json).get("records")).hasSize(134);
	}

	@Test
	void aSortOrdersAllPagesAndTheDownload() throws Exception {
		PortalHttp visitor = new PortalHttp(port);
		HttpResponse<String> sorted = ok(visitor, table + "?spalte.Bezirk=Wattenscheid&sortierung=Einsteiger+je+Tag&richtung=absteigend");
		String page = text(sorted);
		assertThat(page).contains("200 von 400 Zeilen", "<option value=\"Einsteiger je Tag\" selected>",
				"<option value=\"absteigend\" selected>");
		List<String> expected = IntStream.iterate(ROWS, i -> i > 0, i -> i - 2).mapToObj(i -> "Halt " + i).toList();
		assertThat(stops(page)).isEqualTo(expected.subList(0, 100));
		String next = link(sorted.body(), "href=\"([^\"]*seite=2)\" rel=\"next\"");
		assertThat(next).contains("sortierung=Einsteiger+je+Tag", "richtung=absteigend");
		assertThat(stops(text(ok(visitor, next)))).isEqualTo(expected.subList(100, 200));
		List<String> csv = visitor.get(link(sorted.body(), "id=\"export-csv\" href=\"([^\"]+)\"")).body().lines().toList();
		assertThat(csv.subList(1, csv.size()).stream().map(l -> l.split(",")[1]).toList()).isEqualTo(expected);
	}

	@Test
	void typedColumnsAreComparedInTheirTypeAndGermanDatesAndDecimalCommasAreUnderstood() {
		PortalHttp visitor = new PortalHttp(port);
		assertThat(stops(text(ok(visitor, table + "?spalte.Einsteiger+je+Tag=1200")))).containsExactly("Halt 120");
		List<String> thirdOfJanuary = IntStream.rangeClosed(1, ROWS).filter(i -> i % 10 == 2).mapToObj(i -> "Halt " + i).toList();
		String german = text(ok(visitor, table + "?spalte.Datum=03.01.2024"));
		assertThat(german).contains("40 von 400 Zeilen", "value=\"03.01.2024\"");
		assertThat(stops(german)).isEqualTo(thirdOfJanuary);
		assertThat(stops(text(ok(visitor, table + "?spalte.Datum=2024-01-03")))).isEqualTo(thirdOfJanuary);
		List<String> halfFull = IntStream.rangeClosed(1, ROWS).filter(i -> i % 4 == 2).mapToObj(i -> "Halt " + i).toList();
		assertThat(stops(text(ok(visitor, table + "?spalte.Auslastung=2,5&seite=1")))).isEqualTo(halfFull.subList(0, 100));
		assertThat(text(ok(visitor, table + "?spalte.Auslastung=2.5"))).contains("100 von 400 Zeilen");
	}

	@Test
	void noMatchingRowIsSaidInWordsWithoutAnEmptyTable() {
		String page = text(ok(new PortalHttp(port), table + "?q=" + enc("Hauptbahnhof")));
		assertThat(page).contains("0 von 400 Zeilen", "Keine Zeile passt zu dieser Suche", "Filter zurücksetzen")
			.doesNotContain("<table", "export.csv");
	}

	@Test
	void wrongInputIsExplainedAtItsFieldWithEverythingTypedKept() {
		PortalHttp visitor = new PortalHttp(port);
		String path = table + "?q=Bus&spalte.Bezirk=Wattenscheid&spalte.Einsteiger+je+Tag=abc&spalte.Datum=31.02.2024"
				+ "&sortierung=Einsteiger+je+Tag&richtung=absteigend";
		HttpResponse<String> refused = visitor.get(path);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(HtmlChecker.errors(refused.body())).as("Nu HTML Checker on the error page").isEmpty();
		String page = text(refused);
		assertThat(page).contains("<title>Fehler: ", "Bitte prüfen Sie Ihre Eingaben",
				"<a class=\"kern-link\" href=\"#filter-3\">„Einsteiger je Tag“ enthält ganze Zahlen",
				"<a class=\"kern-link\" href=\"#filter-4\">„Datum“ enthält Daten",
				"id=\"filter-3\" name=\"spalte.Einsteiger je Tag\" value=\"abc\" inputmode=\"numeric\" aria-invalid=\"true\"",
				"value=\"31.02.2024\"", "value=\"Bus\"", "value=\"Wattenscheid\"", "<option value=\"absteigend\" selected>",
				"<details class=\"kern-accordion opendata-table-filter__columns\" open>")
			.doesNotContain("<table", "href=\"#filter-1\"");

		HttpResponse<String> unknownColumn = visitor.get(table + "?q=Bus&spalte.Gibtsnicht=1");
		assertThat(unknownColumn.statusCode()).isEqualTo(400);
		assertThat(text(unknownColumn)).contains("href=\"#spaltenfilter\">Die Spalte „Gibtsnicht“ gibt es in dieser Tabelle nicht.",
				"value=\"Bus\"");

		HttpResponse<String> unknownSort = visitor.get(table + "?sortierung=Gibtsnicht");
		assertThat(unknownSort.statusCode()).isEqualTo(400);
		assertThat(text(unknownSort)).contains("href=\"#sortierung\">Nach „Gibtsnicht“ kann nicht sortiert werden");

		HttpResponse<String> english = visitor.get(table + "?spalte.Einsteiger+je+Tag=viele&lang=en");
		assertThat(english.statusCode()).isEqualTo(400);
		assertThat(text(english)).contains("There is a problem", "“Einsteiger je Tag” holds whole numbers", "value=\"viele\"");

		// The same input in the download is refused as well, before a byte of data.
		assertThat(visitor.get(resourcePage + "/export.csv?filters=" + enc("{\"Einsteiger je Tag\": \"abc\"}")).statusCode())
			.isEqualTo(400);
		assertThat(visitor.get(table + "?seite=abc").statusCode()).isEqualTo(200);
		assertThat(visitor.get(table + "?q=Bus&spalte.Bezirk=Wattenscheid&seite=3").statusCode()).isEqualTo(404);
		assertThat(visitor.get(table + "?seite=99999999").statusCode()).isEqualTo(404);
	}
}
