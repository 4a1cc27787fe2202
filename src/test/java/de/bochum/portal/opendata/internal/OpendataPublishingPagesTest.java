package de.bochum.portal.opendata.internal;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.util.HtmlUtils;

import static de.bochum.portal.testsupport.PortalHttp.location;
import static org.assertj.core.api.Assertions.assertThat;

/** Publishers create, edit and delete datasets on the staff pages, only for their own organizations. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpendataPublishingPagesTest extends PublishingTest {

	private static final Pattern LOCK_VERSION = Pattern.compile("name=\"lock_version\" value=\"(\\d+)\"");

	private PortalHttp signedIn(String username) {
		PortalHttp http = new PortalHttp(port);
		http.signIn(username, StaffFixtures.PASSWORD);
		return http;
	}

	private static String text(HttpResponse<String> response) {
		return HtmlUtils.htmlUnescape(response.body());
	}

	private static Map<String, String> dataset(String name, String title) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("title", title);
		fields.put("name", name);
		fields.put("notes", "Alle **Trinkbrunnen** im Stadtgebiet.");
		fields.put("owner_org", "stadtwerke-bochum");
		fields.put("license_id", "dl-zero-de/2.0");
		fields.put("groups", "envi");
		fields.put("tags", "Trinkwasser, Sommer");
		fields.put("maintainer", "Stadtwerke Bochum, Wasser");
		fields.put("maintainer_email", "wasser@stadtwerke-bochum.example");
		fields.put("spatial_key", "mitte");
		fields.put("temporal_start", "2026-01-01");
		fields.put("frequency", "MONTHLY");
		fields.put("extras", "quelle = Wasserwerk");
		return fields;
	}

	@Test
	void aPublisherCreatesEditsAndDeletesADatasetThatSearchFollows() {
		PortalHttp http = signedIn(PublishingFixtures.publisherFor(jdbc, "stadtwerke-bochum"));
		assertThat(text(http.get("/intern"))).contains("Offene Daten veröffentlichen");
		assertThat(http.get("/intern/daten").statusCode()).isEqualTo(200);

		String name = PublishingFixtures.uniqueName("trinkbrunnen");
		Map<String, String> wrong = dataset("Trink Brunnen!", "");
		wrong.put("temporal_end", "31.12.2025");
		HttpResponse<String> refused = http.submit("/intern/daten/neu", "/intern/daten/neu", wrong);
		assertThat(refused.statusCode()).isEqualTo(200);
		String page = text(refused);
		assertThat(page).contains("Bitte korrigieren Sie Ihre Eingaben", "href=\"#title\"", "href=\"#name\"",
				"href=\"#temporal_end\"", "Geben Sie einen Titel", "value=\"Trink Brunnen!\"",
				"value=\"31.12.2025\"", "Alle **Trinkbrunnen** im Stadtgebiet.", "value=\"Trinkwasser, Sommer\"");
		assertThat(page).containsPattern("value=\"envi\" checked");

		HttpResponse<String> created = http.submit("/intern/daten/neu", "/intern/daten/neu",
				dataset(name, "Trinkbrunnen in Bochum"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		assertThat(location(created)).endsWith("/intern/daten/datensatz/" + name + "?gespeichert=1");
		String edit = text(http.get("/intern/daten/datensatz/" + name + "?gespeichert=1"));
		assertThat(edit).contains("Der Datensatz wurde gespeichert", "Änderungsprotokoll", "angelegt",
				"„Trinkbrunnen in Bochum“ öffentlich ansehen");

		PortalHttp visitor = new PortalHttp(port);
		assertThat(text(visitor.get("/daten?q=Trinkbrunnen"))).contains("Trinkbrunnen in Bochum");
		assertThat(text(visitor.get("/daten/" + name))).contains("Trinkbrunnen in Bochum", "Bochum-Mitte");

		// Two people open the form; the second save is refused with the typed text kept.
		Matcher version = LOCK_VERSION.matcher(edit);
		assertThat(version.find()).isTrue();
		Map<String, String> first = dataset(name, "Trinkbrunnen im Stadtgebiet");
		first.put("lock_version", version.group(1));
		assertThat(http.submit("/intern/daten/datensatz/" + name, "/intern/daten/datensatz/" + name, first)
			.statusCode()).isEqualTo(302);
		Map<String, String> second = dataset(name, "Öffentliche Trinkbrunnen");
		second.put("lock_version", version.group(1));
		HttpResponse<String> stale = http.submit("/intern/daten/datensatz/" + name,
				"/intern/daten/datensatz/" + name, second);
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(text(stale)).contains("Jemand hat den Datensatz geändert", "value=\"Öffentliche Trinkbrunnen\"");
		assertThat(text(visitor.get("/daten/" + name))).contains("Trinkbrunnen im Stadtgebiet");

		// Saving the kept form again overwrites knowingly.
		Matcher current = LOCK_VERSION.matcher(stale.body());
		assertThat(current.find()).isTrue();
		second.put("lock_version", current.group(1));
		assertThat(http.submit("/intern/daten/datensatz/" + name, "/intern/daten/datensatz/" + name, second)
			.statusCode()).isEqualTo(302);
		assertThat(text(visitor.get("/daten?q=Trinkbrunnen"))).contains("Öffentliche Trinkbrunnen");

		HttpResponse<String> resource = http.submit("/intern/daten/datensatz/" + name + "/ressource/neu",
				"/intern/daten/datensatz/" + name + "/ressource/neu",
				Map.of("name", "Trinkbrunnen (CSV)", "url", "ftp://nicht-erlaubt", "format", "csv"));
		assertThat(text(resource)).contains("Geben Sie eine Adresse ein", "value=\"Trinkbrunnen (CSV)\"");
		assertThat(http.submit("/intern/daten/datensatz/" + name + "/ressource/neu",
				"/intern/daten/datensatz/" + name + "/ressource/neu",
				Map.of("name", "Trinkbrunnen (CSV)", "url", "https://example.org/trinkbrunnen.csv", "format", "csv"))
			.statusCode()).isEqualTo(302);
		assertThat(text(visitor.get("/daten?format=CSV&q=Trinkbrunnen"))).contains("Öffentliche Trinkbrunnen");

		String audit = text(http.get("/intern/daten/datensatz/" + name));
		assertThat(audit).contains("angelegt", "geändert", "Ressource hinzugefügt", "title");

		assertThat(text(http.get("/intern/daten/datensatz/" + name + "/loeschen"))).contains("wirklich löschen?");
		HttpResponse<String> deleted = http.submit("/intern/daten/datensatz/" + name + "/loeschen",
				"/intern/daten/datensatz/" + name + "/loeschen", Map.of());
		assertThat(location(deleted)).contains("/intern/daten?geloescht=");
		assertThat(text(visitor.get("/daten?q=Trinkbrunnen"))).doesNotContain("Öffentliche Trinkbrunnen");
		assertThat(visitor.get("/daten/" + name).statusCode()).isEqualTo(404);
		assertThat(text(http.get("/intern/daten"))).contains("Öffentliche Trinkbrunnen", "gelöscht");
		assertThat(text(http.get("/intern/daten/datensatz/" + name))).contains("gelöscht", "wiederherstellen");

		http.submit("/intern/daten/datensatz/" + name, "/intern/daten/datensatz/" + name + "/wiederherstellen", Map.of());
		assertThat(text(visitor.get("/daten?q=Trinkbrunnen"))).contains("Öffentliche Trinkbrunnen");
		assertThat(text(http.get("/intern/daten/datensatz/" + name))).contains("wiederhergestellt");
	}

	@Test
	void aPublisherCannotTouchAnotherOrganizationsDatasets() {
		PortalHttp bogestra = signedIn(PublishingFixtures.publisherFor(jdbc, "bogestra"));
		assertThat(text(bogestra.get("/intern/daten"))).contains("Haltestellen von Bus und Bahn")
			.doesNotContain("Spielplätze in Bochum");
		assertThat(bogestra.get("/intern/daten/datensatz/spielplaetze").statusCode()).isEqualTo(403);
		Map<String, String> foreign = dataset("spielplaetze", "Gekapert");
		foreign.put("owner_org", "stadt-bochum");
		String csrfPage = "/intern/daten/datensatz/haltestellen";
		assertThat(bogestra.submit(csrfPage, "/intern/daten/datensatz/spielplaetze", foreign).statusCode())
			.isEqualTo(403);
		assertThat(bogestra.submit(csrfPage, "/intern/daten/datensatz/spielplaetze/loeschen", Map.of()).statusCode())
			.isEqualTo(403);
		Map<String, String> elsewhere = dataset(PublishingFixtures.uniqueName("fremd"), "Fremd");
		elsewhere.put("owner_org", "stadt-bochum");
		assertThat(bogestra.submit("/intern/daten/neu", "/intern/daten/neu", elsewhere).statusCode()).isEqualTo(403);
		assertThat(new PortalHttp(port).get("/daten/spielplaetze").body()).contains("Spielplätze in Bochum");

		// Moving one's own dataset to a foreign organization is refused as well.
		Map<String, String> move = dataset("haltestellen", "Haltestellen von Bus und Bahn");
		move.put("owner_org", "stadt-bochum");
		assertThat(bogestra.submit(csrfPage, csrfPage, move).statusCode()).isEqualTo(403);

		PortalHttp caseworker = signedIn(StaffFixtures.create(jdbc, "CASEWORKER"));
		assertThat(caseworker.get("/intern/daten").statusCode()).isEqualTo(403);
	}

	@Test
	void privateDatasetsAreSeenOnlyByTheirOrganization() {
		PortalHttp vbw = signedIn(PublishingFixtures.publisherFor(jdbc, "vbw-bauen-und-wohnen"));
		assertThat(text(vbw.get("/intern/daten"))).contains("Mietspiegel (Entwurf)", "privat");
		assertThat(vbw.get("/intern/daten/datensatz/mietspiegel-entwurf").statusCode()).isEqualTo(200);
		assertThat(new PortalHttp(port).get("/daten/mietspiegel-entwurf").statusCode()).isEqualTo(404);
		PortalHttp other = signedIn(PublishingFixtures.publisherFor(jdbc, "usb-bochum"));
		assertThat(text(other.get("/intern/daten"))).doesNotContain("Mietspiegel");
		assertThat(other.get("/intern/daten/datensatz/mietspiegel-entwurf").statusCode()).isEqualTo(403);
	}

	@Test
	void administratorsDecideWhoPublishesForAnOrganization() {
		PortalHttp admin = signedIn(StaffFixtures.create(jdbc, "ADMIN"));
		String publisher = StaffFixtures.create(jdbc, "DATA_PUBLISHER");
		String editor = StaffFixtures.create(jdbc, "EDITOR");
		String page = "/intern/daten/organisationen/usb-bochum";
		assertThat(text(admin.get("/intern/daten/organisationen"))).contains("USB Bochum");
		assertThat(text(admin.submit(page, page, Map.of("username", "niemand-hier")))).contains("kein Konto");
		assertThat(text(admin.submit(page, page, Map.of("username", editor)))).contains("nicht die Rolle",
				"value=\"" + editor + "\"");
		assertThat(location(admin.submit(page, page, Map.of("username", publisher)))).contains("erteilt=");
		assertThat(text(admin.get(page))).contains(publisher);

		PortalHttp http = signedIn(publisher);
		assertThat(text(http.get("/intern/daten"))).contains("Wertstoffhöfe");
		assertThat(http.get("/intern/daten/organisationen").statusCode()).isEqualTo(403);

		admin.submit(page, page + "/entziehen", Map.of("username", publisher));
		assertThat(text(admin.get(page))).doesNotContain(publisher);
		assertThat(text(http.get("/intern/daten"))).doesNotContain("Wertstoffhöfe");
	}

	@Test
	void theStaffPagesAreValidHtml() {
		PortalHttp admin = signedIn(StaffFixtures.create(jdbc, "ADMIN"));
		for (String path : new String[] { "/intern/daten", "/intern/daten/neu", "/intern/daten/datensatz/spielplaetze",
				"/intern/daten/datensatz/spielplaetze/loeschen", "/intern/daten/tokens", "/intern/daten/organisationen",
				"/intern/daten/organisationen/bogestra", "/intern/daten/datensatz/spielplaetze/ressource/neu" }) {
			HttpResponse<String> page = admin.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(HtmlChecker.errors(page.body())).as("HTML errors on %s", path).isEmpty();
		}
		String withErrors = admin.submit("/intern/daten/neu", "/intern/daten/neu", dataset("X Y", "")).body();
		assertThat(HtmlChecker.errors(withErrors)).as("HTML errors on the form with errors").isEmpty();
		String tokenErrors = admin.submit("/intern/daten/tokens", "/intern/daten/tokens", Map.of("label", "")).body();
		assertThat(HtmlChecker.errors(tokenErrors)).as("HTML errors on the token form with errors").isEmpty();
	}

	@Test
	void everyDemoDatasetOpensInTheFormWithoutComplaint() {
		Publishers.Publisher admin = new Publishers.Publisher("test-admin", true,
				java.util.Set.copyOf(jdbc.sql("select name from opendata_organization").query(String.class).list()));
		for (String name : jdbc.sql("select name from opendata_dataset where name not like 'test-%'")
			.query(String.class)
			.list()) {
			assertThat(publishing.editable(name, admin).orElseThrow().form().check()).as(name).isEmpty();
		}
	}
}
