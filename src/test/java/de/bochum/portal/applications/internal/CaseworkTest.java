package de.bochum.portal.applications.internal;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bochum.portal.platform.internal.EmbeddedMailbox;
import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static de.bochum.portal.testsupport.PortalHttp.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Caseworkers of the waste service (USB) work on a bulky waste pickup: the inbox shows only their
 * office's cases, every look is logged, a question goes to the applicant (by mail, as asked), who
 * answers with a file on the status page; two caseworkers changing the case at once get a clear
 * message instead of losing a change; someone of another office needs a reason, which the log
 * keeps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseworkTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedMailbox mailbox;

	@Autowired
	FormCatalogue forms;

	@Autowired
	Drafts drafts;

	@Autowired
	Cases cases;

	@Test
	void questionAnswerConflictAssignmentAndAccessFromAnotherOffice() {
		String email = "jupp." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		Cases.Submission submission = CaseFixtures.bulkyWaste(forms, drafts, cases, email, false);
		String ref = submission.reference();
		String page = "/intern/antraege/" + ref;

		String usb = StaffFixtures.createInOffices(jdbc, Set.of("usb"), "CASEWORKER");
		String colleague = StaffFixtures.createInOffices(jdbc, Set.of("usb"), "CASEWORKER");
		String taxOffice = StaffFixtures.createInOffices(jdbc, Set.of("steueramt"), "CASEWORKER");
		PortalHttp worker = signedIn(usb);
		PortalHttp other = signedIn(colleague);
		PortalHttp outsider = signedIn(taxOffice);

		String inbox = worker.get("/intern/antraege").body();
		assertThat(inbox).contains(ref, "Sperrmüllabholung bestellen", "Eingegangen");
		assertThat(HtmlChecker.errors(inbox)).isEmpty();
		assertThat(outsider.get("/intern/antraege").body()).as("another office's inbox").doesNotContain(ref);
		assertThat(new PortalHttp(port).get("/intern/antraege").statusCode()).isEqualTo(302);

		HttpResponse<String> view = worker.get(page);
		assertThat(view.statusCode()).isEqualTo(200);
		assertThat(view.body()).contains("Hattinger Straße 30, 44789 Bochum", "Möbel (Schränke, Sofas, Tische, Stühle), Matratzen");
		assertThat(HtmlChecker.errors(view.body())).isEmpty();
		assertThat(auditEntries(usb, ref, "VIEW")).isEqualTo(1);

		long version = version(ref);
		assertThat(location(worker.submit(page, page + "/status", Map.of("stand", "IN_BEARBEITUNG", "version", "" + version))))
			.endsWith(page + "?gespeichert");
		HttpResponse<String> noQuestion = worker.submit(page, page + "/status",
				Map.of("stand", "RUECKFRAGE", "version", "" + version(ref)));
		assertThat(noQuestion.body()).contains("Schreiben Sie die Frage", "href=\"#nachricht\"");

		// two caseworkers have the case open; the second one's change must not silently overwrite the first
		long seen = version(ref);
		assertThat(location(worker.submit(page, page + "/status", Map.of("stand", "RUECKFRAGE", "version", "" + seen,
				"nachricht", "Steht der Sperrmüll im Hinterhof oder vor dem Haus?")))).endsWith("?gespeichert");
		HttpResponse<String> stale = other.submit(page, page + "/zuweisen", Map.of("an", colleague, "version", "" + seen));
		assertThat(stale.body()).contains("Jemand anderes hat diesen Antrag inzwischen geändert");
		assertThat(assignee(ref)).isNull();
		assertThat(mailbox.mailsTo(email)).extracting(EmbeddedMailbox.Mail::text)
			.anySatisfy(text -> assertThat(text).contains(ref, "Rückfrage an Sie").doesNotContain("Hattinger"));

		// the applicant answers on the status page, with a photo
		PortalHttp applicant = new PortalHttp(port);
		assertThat(location(applicant.post("/antrag/status",
				Map.of("vorgangsnummer", ref, "zugangscode", submission.trackingCode())))).endsWith("/antrag/status/vorgang");
		String status = applicant.get("/antrag/status/vorgang").body();
		assertThat(status).contains("Rückfrage an Sie", "Steht der Sperrmüll im Hinterhof");
		assertThat(HtmlChecker.errors(status)).isEmpty();
		assertThat(Multipart.post(applicant, port, "/antrag/status/vorgang", "/antrag/status/antwort",
				Map.of("antwort", ""), Map.of()).body()).contains("Schreiben Sie eine Antwort.");
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };
		assertThat(location(Multipart.post(applicant, port, "/antrag/status/vorgang", "/antrag/status/antwort",
				Map.of("antwort", "Im Hinterhof, Zugang über die Einfahrt links."),
				Map.of("anhang", new Multipart.FilePart("hof.png", "image/png", png))))).endsWith("/antrag/status/vorgang?gesendet");
		assertThat(applicant.get("/antrag/status/vorgang?gesendet").body()).contains("Ihre Antwort ist angekommen", "In Bearbeitung");
		assertThat(applicant.submit("/antrag/status/vorgang", "/antrag/status/loeschen", Map.of()).body())
			.as("not while the office works on it").contains("wird noch bearbeitet");

		String afterAnswer = worker.get(page).body();
		assertThat(afterAnswer).contains("Im Hinterhof, Zugang über die Einfahrt links.", "hof.png", "In Bearbeitung");
		assertThat(location(worker.submit(page, page + "/vermerk", Map.of("vermerk", "Großes Fahrzeug nötig."))))
			.endsWith("?gespeichert");
		assertThat(location(worker.submit(page, page + "/zuweisen", Map.of("an", colleague, "version", "" + version(ref)))))
			.endsWith("?gespeichert");
		assertThat(other.get("/intern/antraege?meine=ja").body()).contains(ref);
		assertThat(applicant.get("/antrag/status/vorgang").body()).as("internal notes stay internal")
			.doesNotContain("Großes Fahrzeug");

		// someone of another office needs a reason, and the log keeps it
		HttpResponse<String> foreign = outsider.get(page);
		assertThat(foreign.body()).contains("Zugriff außerhalb Ihrer Dienststelle").doesNotContain("Hattinger");
		assertThat(HtmlChecker.errors(foreign.body())).isEmpty();
		assertThat(outsider.submit(page, page + "/status", Map.of("stand", "BEWILLIGT", "version", "" + version(ref)))
			.statusCode()).isEqualTo(403);
		assertThat(outsider.submit(page, page + "/zugriff", Map.of("grund", "kurz")).body())
			.contains("mindestens 10 Zeichen");
		assertThat(location(outsider.submit(page, page + "/zugriff",
				Map.of("grund", "Vertretung der Kollegin beim USB während ihres Urlaubs")))).endsWith(page);
		assertThat(outsider.get(page).body()).contains("Hattinger Straße 30");
		assertThat(jdbc.sql("select reason from privacy_audit_log where actor = ? and record_id = ?").params(taxOffice, ref)
			.query(String.class).list()).contains("Vertretung der Kollegin beim USB während ihres Urlaubs");

		assertThat(location(worker.submit(page, page + "/status", Map.of("stand", "BEWILLIGT", "version", "" + version(ref),
				"nachricht", "Abholung am Dienstag ab 7 Uhr.")))).endsWith("?gespeichert");
		assertThat(applicant.get("/antrag/status/vorgang").body()).contains("Abgeschlossen – bewilligt", "Abholung am Dienstag");
		assertThat(auditEntries(usb, ref, "CHANGE")).isGreaterThanOrEqualTo(4);

		// without an account: the applicant takes their data and has the closed application erased
		assertThat(Multipart.getBytes(applicant, port, "/antrag/status/daten.json").body())
			.asString(java.nio.charset.StandardCharsets.UTF_8).contains(ref, "Jupp", "hof.png", "Im Hinterhof");
		assertThat(location(applicant.submit("/antrag/status/vorgang", "/antrag/status/loeschen", Map.of())))
			.endsWith("/antrag/status?geloescht");
		assertThat(applicant.get("/antrag/status?geloescht").body()).contains("alle Angaben dazu sind gelöscht");
		assertThat(cases.find(ref)).isEmpty();
	}

	@Test
	void administratorsSeeEveryOfficeAndCaseworkersWithoutOfficeNothing() {
		String ref = CaseFixtures.bulkyWaste(forms, drafts, cases, "x-" + UUID.randomUUID() + "@example.org", false)
			.reference();
		assertThat(signedIn(StaffFixtures.create(jdbc, "ADMIN")).get("/intern/antraege?stand=EINGEGANGEN").body())
			.contains(ref, "Sie sehen die Anträge aller Dienststellen.");
		assertThat(signedIn(StaffFixtures.create(jdbc, "CASEWORKER")).get("/intern/antraege").body())
			.contains("Ihrem Konto ist keine Dienststelle zugeordnet").doesNotContain(ref);
		assertThat(signedIn(StaffFixtures.create(jdbc, "EDITOR")).get("/intern/antraege").statusCode()).isEqualTo(403);
	}

	private PortalHttp signedIn(String username) {
		PortalHttp http = new PortalHttp(port);
		http.signIn(username, StaffFixtures.PASSWORD);
		return http;
	}

	private long version(String reference) {
		return jdbc.sql("select version from applications_case where reference = ?").param(reference).query(Long.class).single();
	}

	private String assignee(String reference) {
		return jdbc.sql("select assigned_to from applications_case where reference = ?").param(reference)
			.query(String.class).optional().orElse(null);
	}

	private long auditEntries(String actor, String reference, String action) {
		return jdbc.sql("select count(*) from privacy_audit_log where actor = ? and record_id = ? and action = ?")
			.params(actor, reference, action).query(Long.class).single();
	}

	static Matcher find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).isTrue();
		return matcher;
	}
}
