package de.bochum.portal.opendata.internal;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue as visitors see it, over the demo datasets of the migration. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpendataPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	Catalogue catalogue;

	private String page(String path) {
		HttpResponse<String> response = new PortalHttp(port).get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return HtmlUtils.htmlUnescape(response.body());
	}

	@Test
	void aSearchFindsGermanWordsInOtherForms() {
		String html = page("/daten?q=Haltestelle");
		assertThat(html).contains("Haltestellen von Bus und Bahn", "1 Datensatz");
		assertThat(page("/daten?q=Schule")).contains("Schulen in Bochum");
		assertThat(page("/daten?q=Spielpl%C3%A4tzen")).contains("Spielplätze in Bochum");
	}

	@Test
	void facetsCountTheDatasetsOfTheCurrentResult() {
		var all = catalogue.search(new Catalogue.Query("", Map.of(), "", 0, 100, List.of("organization", "groups"), 50));
		assertThat(all.count()).isEqualTo(12);
		assertThat(all.facets().get("organization")).contains(new Catalogue.FacetCount("stadt-bochum", 9),
				new Catalogue.FacetCount("bogestra", 1));
		assertThat(all.facets().get("organization")).extracting(Catalogue.FacetCount::name)
			.doesNotContain("vbw-bauen-und-wohnen");

		String filtered = page("/daten?gruppe=envi&schlagwort=B%C3%A4ume");
		assertThat(filtered).contains("2 Datensätze", "Naturdenkmale", "Baumpflanzungen und Baumfällungen")
			.doesNotContain("Spielplätze in Bochum");
		assertThat(filtered).contains("Stadt Bochum <span class=\"opendata-count\">(2)</span>");
	}

	@Test
	void resultsCanBeSortedAndPaged() {
		var byModified = catalogue
			.search(new Catalogue.Query("", Map.of(), "metadata_modified desc", 0, 3, List.of(), 0));
		assertThat(byModified.results()).extracting(DatasetView::name)
			.containsExactly("spielplaetze", "haltestellen", "defibrillatoren");
		var secondPage = catalogue.search(new Catalogue.Query("", Map.of(), "name asc", 10, 10, List.of(), 0));
		assertThat(secondPage.count()).isEqualTo(12);
		assertThat(secondPage.results()).extracting(DatasetView::name).containsExactly("stolpersteine", "wertstoffhoefe");
	}

	@Test
	void privateDatasetsNeverShowUp() {
		assertThat(page("/daten?q=Mietspiegel")).contains("Keine Datensätze").doesNotContain("Mietspiegel (Entwurf)");
		assertThat(new PortalHttp(port).get("/daten/mietspiegel-entwurf").statusCode()).isEqualTo(404);
		assertThat(page("/daten/organisation/vbw-bauen-und-wohnen")).contains("Keine Datensätze");
		assertThat(catalogue.datasetNames()).doesNotContain("mietspiegel-entwurf");
	}

	@Test
	void theDatasetPageShowsMetadataAndRendersMarkdownSafely() {
		String html = page("/daten/spielplaetze");
		assertThat(html).contains("<strong>Spielplätze</strong>", "Datenlizenz Deutschland – Zero – Version 2.0",
				"Amt für Geoinformation, Liegenschaften und Kataster", "unregelmäßig", "Spielplätze (GeoJSON)",
				"EPSG:25832");
		assertThat(Markdown.toHtml("# Titel\n<script>alert(1)</script> [x](javascript:alert%281%29)"))
			.contains("<h3>Titel</h3>", "&lt;script&gt;")
			.doesNotContain("<script>", "href=\"javascript");
	}

	@Test
	void theResourcePageLinksToThePublishersFile() {
		String html = new PortalHttp(port).get("/daten/haltestellen").body();
		String link = html.replaceAll("(?s).*href=\"(/daten/haltestellen/ressource/[^\"]+)\".*", "$1");
		HttpResponse<String> response = new PortalHttp(port).get(link);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("id=\"herunterladen\"", "href=\"https://www.bogestra.de/opendata/haltestellen");
		assertThat(HtmlChecker.errors(response.body())).as(link).isEmpty();
	}

	@Test
	void everyPageIsValidHtmlWithOneHeading() {
		for (String path : List.of("/daten", "/daten?q=Schule&organisation=stadt-bochum&sortierung=aktualisiert",
				"/daten/schulen", "/daten/kommunalwahl-2014-ratswahl", "/daten/organisation/stadt-bochum",
				"/daten/gruppe/educ", "/daten?q=nichtsdergleichen")) {
			String html = new PortalHttp(port).get(path).body();
			assertThat(HtmlChecker.errors(html)).as(path).isEmpty();
			assertThat(html.split("<h1", -1)).as(path).hasSize(2);
		}
	}
}
