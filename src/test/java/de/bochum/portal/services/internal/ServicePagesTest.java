package de.bochum.portal.services.internal;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZonedDateTime;

import de.bochum.portal.services.ServiceCatalogue;
import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public catalogue pages on the demo content, with the clock fixed to Wednesday
 * 25 November 2026, 10:00 in Bochum.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServicePagesTest {

	@TestConfiguration
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(ZonedDateTime.parse("2026-11-25T10:00:00+01:00[Europe/Berlin]").toInstant(),
					java.time.ZoneOffset.UTC);
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	ServiceCatalogue catalogue;

	@Test
	void theIndexListsAboutFortyServicesFromAToZWithLettersAndLebenslagen() {
		assertThat(catalogue.leistungen()).hasSizeGreaterThanOrEqualTo(38);
		String html = get("/leistungen");
		String text = HtmlUtils.htmlUnescape(html);
		assertThat(text).contains("Leistungen von A bis Z", "href=\"#buchstabe-A\"", "id=\"buchstabe-W\"",
				"Personalausweis beantragen", "Umzug nach Bochum", "Hund halten", "Todesfall");
		assertThat(text.indexOf("Ausweis für Kinder")).isLessThan(text.indexOf("Auskunftssperre") < 0 ? 0 : text.indexOf("Baugenehmigung"));
		assertThat(HtmlChecker.errors(html)).isEmpty();
	}

	@Test
	void aServicePageShowsCostsDocumentsOfficeAndWhetherItIsOpenNow() {
		String html = get("/leistungen/personalausweis");
		String text = HtmlUtils.htmlUnescape(html);
		assertThat(text).contains("<h1", "Personalausweis beantragen", "37,00 EUR ab 24 Jahren", "22,80 EUR unter 24",
				"biometrisches Passfoto", "Personalausweisgesetz", "Bürgerbüros der Stadt Bochum", "Bürgerbüro Rathaus",
				"Willy-Brandt-Platz", "Bochum-Wattenscheid", "Stufenloser Zugang",
				"Jetzt geöffnet – schließt um 16:00 Uhr", "Heiligabend – geschlossen");
		assertThat(HtmlChecker.errors(html)).isEmpty();
	}

	@Test
	void lebenslageAndLocationPagesAreValidAndLinked() {
		String lebenslage = get("/leistungen/lebenslage/hund");
		assertThat(lebenslage).contains("Hundesteuer anmelden", "Hundesteuer abmelden");
		assertThat(HtmlChecker.errors(lebenslage)).isEmpty();

		String standort = HtmlUtils.htmlUnescape(get("/leistungen/standort/buergerbuero-gerthe"));
		assertThat(standort).contains("Bürgerbüro Nord (Gerthe)", "Stadtbezirk: Bochum-Nord", "Kein stufenloser Zugang",
				"Donnerstag", "08:00–13:00, 14:00–18:00", "Wohnsitz anmelden");
		assertThat(HtmlChecker.errors(get("/leistungen/standort/buergerbuero-gerthe"))).isEmpty();
		assertThat(new PortalHttp(port).get("/leistungen/gibt-es-nicht").statusCode()).isEqualTo(404);
	}

	@Test
	void searchFindsGermanWordFormsAndPrefixesBestMatchFirst() {
		String hund = HtmlUtils.htmlUnescape(get("/leistungen?q=Hunde"));
		assertThat(hund).contains("Treffer für „Hunde“", "Hundesteuer anmelden", "Hundesteuer abmelden");

		String ausweise = HtmlUtils.htmlUnescape(get("/leistungen?q=Ausweise"));
		assertThat(ausweise).contains("Ausweis verloren oder gestohlen melden");
		int results = ausweise.indexOf("id=\"treffer\"");
		assertThat(ausweise.indexOf("Ausweis verloren", results)).isLessThan(ausweise.indexOf("Beglaubigung", results) < 0
				? Integer.MAX_VALUE : ausweise.indexOf("Beglaubigung", results));

		String sperr = HtmlUtils.htmlUnescape(get("/leistungen?q=sperrmull"));
		assertThat(sperr).contains("Sperrmüllabholung");

		String none = HtmlUtils.htmlUnescape(get("/leistungen?q=Raumschiff"));
		assertThat(none).contains("0 Treffer", "Keine Leistung gefunden");
		assertThat(HtmlChecker.errors(get("/leistungen?q=Raumschiff"))).isEmpty();
		assertThat(HtmlUtils.htmlUnescape(get("/leistungen?q="))).contains("Bitte geben Sie einen Suchbegriff ein");
	}

	@Test
	void theHomePageLinksTheCatalogue() {
		assertThat(get("/")).contains("href=\"/leistungen\"");
		assertThat(HtmlUtils.htmlUnescape(get("/leistungen?lang=en"))).contains("Services from A to Z");
	}

	private String get(String path) {
		HttpResponse<String> response = new PortalHttp(port).get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}
}
