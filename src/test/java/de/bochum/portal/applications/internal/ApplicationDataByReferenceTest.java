package de.bochum.portal.applications.internal;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import de.bochum.portal.testsupport.DatabaseSearch;
import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static de.bochum.portal.testsupport.PortalHttp.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone without an account sees, takes and erases the data of their application at
 * {@code /meine-daten} with the reference number and the access code from the confirmation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationDataByReferenceTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FormCatalogue forms;

	@Autowired
	Drafts drafts;

	@Autowired
	Cases cases;

	@Test
	void theHolderOfReferenceAndCodeSeesTakesAndErasesTheApplicationWithoutATrace() {
		String email = "ohne-konto-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		Cases.Submission mine = CaseFixtures.bulkyWaste(forms, drafts, cases, email, false);
		Cases.Submission other = CaseFixtures.bulkyWaste(forms, drafts, cases, "jemand-anderes@example.org", false);
		jdbc.sql("update applications_case set state = 'BEWILLIGT', closed_at = now() where reference = ?")
			.param(mine.reference())
			.update();

		PortalHttp holder = new PortalHttp(port);
		assertThat(holder.submit("/meine-daten", "/meine-daten", pair(mine.reference(), other.trackingCode())).body())
			.as("another application's code opens nothing").contains("haben wir nichts gefunden");

		HttpResponse<String> found = holder.submit("/meine-daten", "/meine-daten",
				pair(mine.reference().toLowerCase(), mine.trackingCode()));
		assertThat(location(found)).endsWith("/meine-daten/auskunft");
		HttpResponse<String> page = holder.get("/meine-daten/auskunft");
		assertThat(page.body()).contains(mine.reference(), email, "Hattinger Straße 30, 44789 Bochum", "Online-Anträge")
			.doesNotContain(other.reference());
		assertThat(HtmlChecker.errors(page.body())).isEmpty();
		HttpResponse<String> json = holder.get("/meine-daten/auskunft.json");
		assertThat(json.headers().firstValue("Content-Disposition")).get().asString().contains("attachment");
		assertThat(json.body()).contains(mine.reference(), email, "Jupp");

		HttpResponse<String> unconfirmed = holder.submit("/meine-daten/auskunft", "/meine-daten/loeschen", Map.of());
		assertThat(unconfirmed.body()).contains("Bitte bestätigen Sie", "href=\"#bestaetigt\"");
		assertThat(cases.find(mine.reference())).as("nothing erased without the tick").isPresent();

		HttpResponse<String> erased = holder.submit("/meine-daten/auskunft", "/meine-daten/loeschen", Map.of("bestaetigt", "ja"));
		assertThat(location(erased)).endsWith("/meine-daten/geloescht");
		assertThat(holder.get("/meine-daten/geloescht").body()).contains("Wir haben die Daten gelöscht.");
		assertThat(cases.find(mine.reference())).isEmpty();
		assertThat(cases.find(other.reference())).isPresent();
		assertThat(DatabaseSearch.rowsMentioning(jdbc, email)).as("no trace of the address in any table")
			.allMatch(hit -> hit.startsWith("privacy_audit_log."));
		assertThat(location(holder.get("/meine-daten/auskunft"))).as("the pair no longer opens anything")
			.endsWith("/meine-daten");
	}

	@Test
	void anOpenApplicationIsKeptUntilItIsDecidedAndTheHolderIsToldWhy() {
		Cases.Submission open = CaseFixtures.bulkyWaste(forms, drafts, cases,
				"offen-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", false);
		PortalHttp holder = new PortalHttp(port);
		holder.submit("/meine-daten", "/meine-daten", pair(open.reference(), open.trackingCode()));
		HttpResponse<String> erased = holder.submit("/meine-daten/auskunft", "/meine-daten/loeschen", Map.of("bestaetigt", "ja"));
		assertThat(holder.get(location(erased).replaceFirst("^http://[^/]+", "")).body())
			.contains("aus rechtlichen Gründen aufbewahren", open.reference(), "wird noch bearbeitet");
		assertThat(cases.find(open.reference())).isPresent();
	}

	private static Map<String, String> pair(String reference, String code) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("referenz", reference);
		form.put("code", code);
		return form;
	}
}
