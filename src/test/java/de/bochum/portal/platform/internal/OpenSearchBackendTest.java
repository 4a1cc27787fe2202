package de.bochum.portal.platform.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import de.bochum.portal.testsupport.OpenSearchNode;
import de.bochum.portal.testsupport.PortalHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal with {@code portal.search.backend=elasticsearch} against a real OpenSearch 2.19 node
 * (started in its own JVM by {@link OpenSearchNode}): the demo catalogue is indexed there on start, and
 * the German analysis, the facets and the services search work as with the embedded Lucene index.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"portal.search.backend=elasticsearch",
		// a page right after a change should see it; the cluster would otherwise refresh within a second
		"spring.jpa.properties.hibernate.search.indexing.plan.synchronization.strategy=sync" })
class OpenSearchBackendTest {

	private static String node;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startNode() {
		// before the Spring context, so that missing OpenSearch jars skip the test instead of failing it
		node = OpenSearchNode.hostAndPort();
	}

	@DynamicPropertySource
	static void searchHosts(DynamicPropertyRegistry registry) {
		registry.add("portal.search.hosts", () -> node);
	}

	private String page(String path) {
		HttpResponse<String> response = new PortalHttp(port).get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return HtmlUtils.htmlUnescape(response.body());
	}

	@Test
	void theCatalogueIsIndexedInTheClusterNotInTheEmbeddedIndex() throws Exception {
		HttpResponse<String> indexes = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://" + node + "/_cat/indices?h=index,docs.count")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(indexes.body()).contains("opendata_dataset", "leistung");
		assertThat(indexes.body()).doesNotContainPattern("opendata_dataset\\S*\\s+0\\s");
	}

	@Test
	void germanWordFormsFindEachOther() {
		assertThat(page("/daten?q=Haltestelle")).contains("Haltestellen von Bus und Bahn", "1 Datensatz");
		assertThat(page("/daten?q=Haltestellen")).contains("Haltestellen von Bus und Bahn");
		assertThat(page("/daten?q=Spielpl%C3%A4tzen")).contains("Spielplätze in Bochum");
		assertThat(page("/daten?q=nichtsdergleichen")).contains("Keine Datensätze");
	}

	@Test
	void facetsCountTheDatasetsOfTheResult() {
		String filtered = page("/daten?gruppe=envi&schlagwort=B%C3%A4ume");
		assertThat(filtered).contains("2 Datensätze", "Naturdenkmale", "Baumpflanzungen und Baumfällungen")
			.doesNotContain("Spielplätze in Bochum");
		assertThat(filtered).contains("Stadt Bochum <span class=\"opendata-count\">(2)</span>");
		assertThat(page("/daten")).contains("BOGESTRA <span class=\"opendata-count\">(1)</span>");
	}

	@Test
	void theServicesSearchFindsWordFormsAndPrefixes() {
		assertThat(page("/leistungen?q=Hunde")).contains("Hundesteuer anmelden", "Hundesteuer abmelden");
		assertThat(page("/leistungen?q=Ausweise")).contains("Ausweis verloren oder gestohlen melden");
		assertThat(page("/leistungen?q=sperrmull")).contains("Sperrmüllabholung");
		assertThat(page("/leistungen?q=Raumschiff")).contains("0 Treffer");
	}
}
