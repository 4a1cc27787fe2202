package de.bochum.portal.applications.internal;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bochum.portal.platform.internal.EmbeddedMailbox;
import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static de.bochum.portal.testsupport.PortalHttp.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen registers a dog for the dog tax without an account, over HTTP as a browser would:
 * mistakes on purpose (a 31 February, a short chip number, a dog that lived with them before it was
 * born, a lying file extension, a wrong IBAN), a step skipped by editing the URL, saving and
 * continuing from the link in the real mail, checking the answers, the declaration, the receipt as
 * PDF and the status page with reference and tracking code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationFlowTest {

	static final Pattern RESUME_LINK = Pattern.compile("/antrag/fortsetzen\\?code=([A-Z0-9]+)");
	static final Pattern REFERENCE = Pattern.compile("id=\"vorgangsnummer\">(BO-\\d{4}-[A-Z0-9]{5})<");
	static final Pattern CODE = Pattern.compile("id=\"zugangscode\">([A-Z0-9-]{19})<");
	static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedMailbox mailbox;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDogIsRegisteredWithMistakesCorrectedSavedResumedSubmittedAndTracked() throws Exception {
		PortalHttp http = new PortalHttp(port);
		HttpResponse<String> start = http.get("/antrag/hundesteuer");
		assertThat(start.statusCode()).isEqualTo(200);
		assertThat(start.body()).contains("Hund zur Hundesteuer anmelden", "Jetzt beginnen");
		assertThat(HtmlChecker.errors(start.body())).isEmpty();

		assertThat(location(http.post("/antrag/hundesteuer/start", Map.of())))
			.endsWith("/antrag/hundesteuer/schritt/hund");
		String step = "/antrag/hundesteuer/schritt/hund";
		String first = http.get(step).body();
		assertThat(first).contains("Schritt 1 von 6", "Name des Hundes");
		assertThat(HtmlChecker.errors(first)).isEmpty();

		HttpResponse<String> wrong = http.submit(step, step, Map.of("hundName", "Bello", "rasse", "Mischling",
				"chipnummer", "12345", "hundGeburtsdatum", "31.02.2024", "gehaltenSeit", ""));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("Bitte korrigieren Sie Folgendes", "href=\"#chipnummer\"",
				"Die Chipnummer hat genau 15 Ziffern", "href=\"#hundGeburtsdatum\"", "gültiges Datum im Format TT.MM.JJJJ",
				"href=\"#gehaltenSeit\"", "value=\"Bello\"", "value=\"12345\"", "value=\"31.02.2024\"", "<title>Fehler: ");
		assertThat(HtmlChecker.errors(wrong.body())).isEmpty();

		HttpResponse<String> beforeBirth = http.submit(step, step, Map.of("hundName", "Bello", "rasse", "Mischling",
				"chipnummer", "276098100123456", "hundGeburtsdatum", "01.05.2023", "gehaltenSeit", "01.04.2023"));
		assertThat(beforeBirth.body()).contains("bevor er geboren ist");

		assertThat(location(http.get("/antrag/hundesteuer/schritt/zahlung"))).as("no skipping by editing the URL")
			.endsWith("/antrag/hundesteuer/schritt/hund");
		assertThat(location(http.submit(step, step, Map.of("hundName", "Bello", "rasse", "Mischling",
				"chipnummer", "276098100123456", "hundGeburtsdatum", "01.05.2023", "gehaltenSeit", "01.06.2023"))))
			.endsWith("/antrag/hundesteuer/schritt/einordnung");

		step = "/antrag/hundesteuer/schritt/einordnung";
		String einordnung = http.get(step).body();
		assertThat(einordnung).contains("Schritt 2 von 6", "enctype=\"multipart/form-data\"",
				"Nur nötig, wenn Sie „Ja, der Hund kommt aus dem Tierheim Bochum“ oder");
		assertThat(HtmlChecker.errors(einordnung)).isEmpty();
		Map<String, String> shelter = Map.of("weitererHund", "nein", "gefaehrlich", "nein", "ermaessigung", "tierheim");
		HttpResponse<String> noFile = Multipart.post(http, port, step, step, shelter, Map.of());
		assertThat(noFile.body()).contains("Laden Sie bei „Nachweis für die Steuerbefreiung“ eine Datei hoch.",
				"href=\"#befreiungsnachweis\"");
		HttpResponse<String> lying = Multipart.post(http, port, step, step, shelter,
				Map.of("befreiungsnachweis", new Multipart.FilePart("vertrag.pdf", "application/pdf", Multipart.NOT_A_PDF)));
		assertThat(lying.body()).contains("Die Datei „vertrag.pdf“ ist keine echte PDF-Datei", "value=\"tierheim\" checked");
		assertThat(HtmlChecker.errors(lying.body())).isEmpty();
		HttpResponse<String> wrongKind = Multipart.post(http, port, step, step, shelter,
				Map.of("befreiungsnachweis", new Multipart.FilePart("vertrag.exe", "application/pdf", Multipart.PDF)));
		assertThat(wrongKind.body()).contains("hat ein Format, das wir nicht annehmen");
		assertThat(location(Multipart.post(http, port, step, step, shelter,
				Map.of("befreiungsnachweis", new Multipart.FilePart("vertrag.pdf", "application/pdf", Multipart.PDF)))))
			.endsWith("/antrag/hundesteuer/schritt/halter");

		step = "/antrag/hundesteuer/schritt/halter";
		Map<String, String> person = new LinkedHashMap<>(Map.of("vorname", "Erika", "nachname", "Müller",
				"geburtsdatum", "27.03.1985", "anschrift.strasse", "Kortumstraße", "anschrift.hausnummer", "12",
				"anschrift.plz", "4478", "anschrift.ort", "Bochum"));
		HttpResponse<String> badPostcode = http.submit(step, step, person);
		assertThat(badPostcode.body()).contains("href=\"#anschrift.plz\"", "Die Postleitzahl hat fünf Ziffern",
				"value=\"Kortumstraße\"");
		person.put("anschrift.plz", "44787");
		assertThat(location(http.submit(step, step, person))).endsWith("/antrag/hundesteuer/schritt/zuzug");

		step = "/antrag/hundesteuer/schritt/zuzug";
		assertThat(http.submit(step, step, Map.of("zugezogen", "ja")).body())
			.as("a field shown only for one answer is required then").contains("href=\"#bisherigeGemeinde\"");
		assertThat(location(http.submit(step, step, Map.of("zugezogen", "ja", "bisherigeGemeinde", "Herne"))))
			.endsWith("/antrag/hundesteuer/schritt/zahlung");

		step = "/antrag/hundesteuer/schritt/zahlung";
		HttpResponse<String> badIban = http.submit(step, step, Map.of("kontoinhaber", "Erika Müller",
				"iban", "DE89 3704 0044 0532 0130 01"));
		assertThat(badIban.body()).contains("Die IBAN ist nicht gültig", "href=\"#mandat\"",
				"value=\"DE89370400440532013001\"");

		// save and leave: the draft is kept on the server, the link comes by mail
		String email = "erika." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		assertThat(location(http.submit(step, step, Map.of("kontoinhaber", "Erika Müller", "iban",
				"DE89 3704 0044 0532 0130 00", "mandat", "ja", "aktion", "speichern"))))
			.endsWith("/antrag/hundesteuer/speichern");
		assertThat(http.submit("/antrag/hundesteuer/speichern", "/antrag/hundesteuer/speichern", Map.of("email", "erika@"))
			.body()).contains("name@beispiel.de");
		assertThat(location(http.submit("/antrag/hundesteuer/speichern", "/antrag/hundesteuer/speichern",
				Map.of("email", email)))).endsWith("/antrag/hundesteuer/gespeichert");
		assertThat(http.get("/antrag/hundesteuer/gespeichert").body()).contains("Ihre Angaben sind gespeichert");
		Matcher link = RESUME_LINK.matcher(mailbox.mailsTo(email).get(0).text());
		assertThat(link.find()).isTrue();
		assertThat(jdbc.sql("select count(*) from applications_draft where resume_token_hash = ?")
			.param(link.group(1)).query(Long.class).single()).as("only the hash is stored").isZero();

		PortalHttp later = new PortalHttp(port);
		assertThat(later.get("/antrag/fortsetzen?code=FALSCH").body()).contains("Link ungültig oder abgelaufen");
		assertThat(location(later.get("/antrag/fortsetzen?code=" + link.group(1))))
			.as("the saved step's answers are kept; the next open step follows").endsWith("/antrag/hundesteuer/schritt/kontakt");
		step = "/antrag/hundesteuer/schritt/kontakt";
		assertThat(location(later.submit(step, step, Map.of("email", email)))).endsWith("/antrag/hundesteuer/pruefen");

		String check = later.get("/antrag/hundesteuer/pruefen").body();
		assertThat(check).contains("Prüfen Sie Ihre Angaben", "Bello", "Kortumstraße 12, 44787 Bochum", "vertrag.pdf",
				"DE89370400440532013000", "Herne",
				"href=\"/antrag/hundesteuer/schritt/hund?zurueck=pruefen\"");
		assertThat(HtmlChecker.errors(check)).isEmpty();

		// change an answer from the check page and come back to it
		assertThat(location(later.submit("/antrag/hundesteuer/schritt/zuzug?zurueck=pruefen",
				"/antrag/hundesteuer/schritt/zuzug?zurueck=pruefen", Map.of("zugezogen", "nein"))))
			.endsWith("/antrag/hundesteuer/pruefen");
		assertThat(later.get("/antrag/hundesteuer/pruefen").body()).doesNotContain("Herne");

		HttpResponse<String> noDeclaration = later.submit("/antrag/hundesteuer/pruefen", "/antrag/hundesteuer/absenden",
				Map.of());
		assertThat(noDeclaration.body()).contains("Bestätigen Sie die Erklärung", "href=\"#erklaerung\"");
		assertThat(location(later.submit("/antrag/hundesteuer/pruefen", "/antrag/hundesteuer/absenden",
				Map.of("erklaerung", "ja", "benachrichtigen", "ja")))).endsWith("/antrag/hundesteuer/bestaetigung");
		String confirmation = later.get("/antrag/hundesteuer/bestaetigung").body();
		assertThat(HtmlChecker.errors(confirmation)).isEmpty();
		Matcher reference = REFERENCE.matcher(confirmation);
		Matcher code = CODE.matcher(confirmation);
		assertThat(reference.find()).isTrue();
		assertThat(code.find()).isTrue();

		var stored = jdbc.sql("select form_version, answers::text, notify from applications_case where reference = ?")
			.param(reference.group(1)).query((rs, i) -> new Object[] { rs.getInt(1), rs.getString(2), rs.getBoolean(3) })
			.single();
		assertThat(stored[0]).as("the version it was filled with").isEqualTo(1);
		assertThat((String) stored[1]).as("hidden answers are not submitted").doesNotContain("Herne");
		assertThat(stored[2]).isEqualTo(true);
		assertThat(jdbc.sql("select count(*) from applications_file f join applications_case c on c.id = f.case_id where c.reference = ?")
			.param(reference.group(1)).query(Long.class).single()).isEqualTo(1);

		HttpResponse<byte[]> pdf = Multipart.getBytes(later, port, "/antrag/hundesteuer/bestaetigung.pdf");
		assertThat(pdf.headers().firstValue("Content-Type")).get().asString().startsWith("application/pdf");
		try (var document = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Eingangsbestätigung", reference.group(1), code.group(1), "Müller", "Kortumstraße");
		}

		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(check);
		assertThat(token.find()).isTrue();
		assertThat(location(later.post("/antrag/hundesteuer/absenden", Map.of("erklaerung", "ja", "_csrf", token.group(1)))))
			.as("a replayed submission creates no second case").endsWith("/antrag/hundesteuer/bestaetigung");

		PortalHttp stranger = new PortalHttp(port);
		HttpResponse<String> guessed = stranger.post("/antrag/status",
				Map.of("vorgangsnummer", reference.group(1), "zugangscode", "AAAA-BBBB-CCCC-DDDD"));
		assertThat(guessed.body()).contains("Vorgangsnummer oder Zugangscode stimmen nicht", "value=\"" + reference.group(1) + "\"");
		assertThat(HtmlChecker.errors(guessed.body())).isEmpty();
		assertThat(location(stranger.post("/antrag/status",
				Map.of("vorgangsnummer", reference.group(1).toLowerCase(), "zugangscode", code.group(1).toLowerCase().replace("-", " ")))))
			.endsWith("/antrag/status/vorgang");
		String status = stranger.get("/antrag/status/vorgang").body();
		assertThat(status).contains(reference.group(1), "Eingegangen", "Hund zur Hundesteuer anmelden");
		assertThat(HtmlChecker.errors(status)).isEmpty();
	}

	@Autowired
	de.bochum.portal.privacy.PersonalDataRegister register;

	@Autowired
	java.util.List<de.bochum.portal.privacy.RetentionRule> rules;

	@Autowired
	de.bochum.portal.privacy.CitizenData citizenData;

	@Autowired
	FormCatalogue forms;

	@Autowired
	Drafts drafts;

	@Autowired
	Cases cases;

	@Test
	void everyPersonalFormFieldIsInTheRegisterWithPurposeAndRetention() {
		assertThat(register.declarations()).filteredOn(d -> d.module().equals("applications"))
			.extracting(d -> d.column())
			.contains("answers → hundesteuer.iban", "answers → bewohnerparkausweis.kennzeichen", "answers → sperrmuell.email")
			.doesNotContain("answers → hundesteuer.hundName");
		assertThat(register.declarations()).filteredOn(d -> d.column().equals("answers → hundesteuer.iban"))
			.singleElement()
			.satisfies(d -> assertThat(d.retention()).isEqualTo("10 Jahre nach Abschluss (§ 147 AO)"))
			.satisfies(d -> assertThat(d.purpose()).isEqualTo("Festsetzung und Erhebung der Hundesteuer"));
		String notice = org.springframework.web.util.HtmlUtils.htmlUnescape(new PortalHttp(port).get("/datenschutz").body());
		assertThat(notice).contains("IBAN (Hund zur Hundesteuer anmelden)");
	}

	@Test
	void abandonedDraftsAndExpiredClosedCasesAreDeletedOpenCasesKept() {
		java.time.Instant now = java.time.Instant.now();
		FormDefinition form = forms.form("sperrmuell").orElseThrow();
		UUID old = drafts.create(form);
		UUID fresh = drafts.create(form);
		jdbc.sql("update applications_draft set updated_at = now() - interval '31 days' where id = ?").param(old).update();
		String closed = CaseFixtures.bulkyWaste(forms, drafts, cases, "r-" + UUID.randomUUID() + "@example.org", false).reference();
		String open = CaseFixtures.bulkyWaste(forms, drafts, cases, "o-" + UUID.randomUUID() + "@example.org", false).reference();
		jdbc.sql("update applications_case set state = 'BEWILLIGT', closed_at = now() - interval '366 days' where reference = ?")
			.param(closed).update();
		jdbc.sql("update applications_case set submitted_at = now() - interval '800 days' where reference = ?").param(open).update();
		for (var rule : rules) {
			if (rule.key().startsWith("applications.")) {
				assertThat(rule.apply(now)).isGreaterThanOrEqualTo(1);
			}
		}
		assertThat(drafts.find(old)).isEmpty();
		assertThat(drafts.find(fresh)).isPresent();
		assertThat(cases.find(closed)).isEmpty();
		assertThat(cases.find(open)).isPresent();
	}

	@Test
	void aCitizenAccountSeesItsApplicationsAndErasesTheClosedOnes() {
		String email = "konto-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String open = CaseFixtures.bulkyWaste(forms, drafts, cases, email, false).reference();
		String done = CaseFixtures.bulkyWaste(forms, drafts, cases, email, false).reference();
		jdbc.sql("update applications_case set state = 'ABGELEHNT', closed_at = now() where reference = ?").param(done).update();
		var citizen = new de.bochum.portal.privacy.Citizen(null, email.toUpperCase());
		String export = citizenData.export(citizen).toString();
		assertThat(export).contains(open, done, "Hattinger Straße 30, 44789 Bochum", "Vorname (Sperrmüllabholung bestellen)=Jupp");
		java.util.List<String> kept = citizenData.erase(citizen);
		assertThat(kept).singleElement().asString().contains(open, "wird noch bearbeitet");
		assertThat(cases.find(done)).isEmpty();
		assertThat(cases.find(open)).isPresent();
	}

	@Test
	void theServicePagesOnlineOptionLeadsToTheForm() {
		assertThat(new PortalHttp(port).get("/leistungen/hundesteuer-anmelden").body()).contains("href=\"/antrag/hundesteuer\"");
		assertThat(new PortalHttp(port).get("/leistungen/sperrmuell").body()).contains("href=\"/antrag/sperrmuell\"");
	}

	@Test
	void aCrossSitePostToStartOrStatusIsRefused() throws Exception {
		for (String[] attack : new String[][] { { "/antrag/sperrmuell/start", "Origin", "https://boese.example" },
				{ "/antrag/status", "Sec-Fetch-Site", "cross-site" } }) {
			String path = attack[0];
			var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
				.header(attack[1], attack[2])
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("vorgangsnummer=BO-2026-AAAAA&zugangscode=x"))
				.build();
			assertThat(java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding())
				.statusCode()).as(path).isEqualTo(403);
		}
	}

	@Test
	void aResidentsParkingPermitForACompanyCarIsAppliedForWithItsProofs() {
		PortalHttp http = new PortalHttp(port);
		assertThat(location(http.post("/antrag/bewohnerparkausweis/start", Map.of())))
			.endsWith("/antrag/bewohnerparkausweis/schritt/zone");
		String step = "/antrag/bewohnerparkausweis/schritt/zone";
		assertThat(http.submit(step, step, Map.of("zone", "2", "art", "verlaengerung", "bisherigeNummer", "2-1234")).body())
			.contains("Geben Sie die Ausweisnummer im Format 2-01234 ein.", "value=\"2-1234\"");
		assertThat(location(http.submit(step, step, Map.of("zone", "2", "art", "verlaengerung", "bisherigeNummer", "2-01234"))))
			.endsWith("/schritt/person");
		step = "/antrag/bewohnerparkausweis/schritt/person";
		assertThat(http.submit(step, step, Map.of("vorname", "Ayşe", "nachname", "Yılmaz", "geburtsdatum",
				GERMAN.format(LocalDate.now().minusYears(10)))).body()).contains("„Geburtsdatum“ darf nicht nach dem");
		assertThat(location(http.submit(step, step, Map.of("vorname", "Ayşe", "nachname", "Yılmaz", "geburtsdatum", "14.07.1990"))))
			.endsWith("/schritt/anschrift");
		step = "/antrag/bewohnerparkausweis/schritt/anschrift";
		assertThat(location(http.submit(step, step, Map.of("anschrift.strasse", "Kohlenstraße", "anschrift.hausnummer", "5",
				"anschrift.plz", "44795", "anschrift.ort", "Bochum")))).endsWith("/schritt/fahrzeug");
		step = "/antrag/bewohnerparkausweis/schritt/fahrzeug";
		assertThat(http.submit(step, step, Map.of("kennzeichen", "BOAB1234", "halter", "firma")).body())
			.contains("mit Bindestrich");
		assertThat(location(http.submit(step, step, Map.of("kennzeichen", "BO-AY 1990", "halter", "firma"))))
			.endsWith("/schritt/nachweise");
		step = "/antrag/bewohnerparkausweis/schritt/nachweise";
		String proofs = http.get(step).body();
		assertThat(proofs).as("the company's confirmation is asked only for a company car").contains("Nutzungsbestätigung");
		HttpResponse<String> onlyOne = Multipart.post(http, port, step, step, Map.of(),
				Map.of("fahrzeugschein", new Multipart.FilePart("schein.jpg", "image/jpeg",
						new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0 })));
		assertThat(onlyOne.body()).contains("href=\"#nutzungsbestaetigung\"").doesNotContain("href=\"#fahrzeugschein\"");
		assertThat(location(Multipart.post(http, port, step, step, Map.of(), Map.of("nutzungsbestaetigung",
				new Multipart.FilePart("bestaetigung.pdf", "application/pdf", Multipart.PDF))))).endsWith("/schritt/gueltigkeit");
		step = "/antrag/bewohnerparkausweis/schritt/gueltigkeit";
		LocalDate today = LocalDate.now(de.bochum.portal.platform.PageContext.CITY_ZONE);
		assertThat(location(http.submit(step, step, Map.of("gueltigAb", GERMAN.format(today.plusDays(3))))))
			.endsWith("/schritt/zahlung");
		step = "/antrag/bewohnerparkausweis/schritt/zahlung";
		assertThat(location(http.submit(step, step, Map.of("zahlweise", "rechnung")))).as("no IBAN for an invoice")
			.endsWith("/schritt/kontakt");
		step = "/antrag/bewohnerparkausweis/schritt/kontakt";
		assertThat(location(http.submit(step, step, Map.of("email", "ayse@example.org", "telefon", "0234 / 12 34 56"))))
			.endsWith("/antrag/bewohnerparkausweis/pruefen");
		String check = http.get("/antrag/bewohnerparkausweis/pruefen").body();
		assertThat(check).contains("Zone 2 – Ehrenfeld", "2-01234", "BO-AY 1990", "schein.jpg", "bestaetigung.pdf",
				"Per Überweisung nach Rechnung").doesNotContain("IBAN");
		assertThat(HtmlChecker.errors(check)).isEmpty();
		assertThat(location(http.submit("/antrag/bewohnerparkausweis/pruefen", "/antrag/bewohnerparkausweis/absenden",
				Map.of("erklaerung", "ja")))).endsWith("/antrag/bewohnerparkausweis/bestaetigung");
		assertThat(http.get("/antrag/bewohnerparkausweis/bestaetigung").body()).contains("Antrag eingegangen", "sofort");
	}

	@Test
	void guessingTrackingCodesIsCutOffAfterFiveAttempts() {
		PortalHttp http = new PortalHttp(port);
		String reference = "BO-2026-ZZZZ" + (char) ('A' + (int) (Math.random() * 20));
		for (int i = 0; i < 5; i++) {
			assertThat(http.post("/antrag/status",
					Map.of("vorgangsnummer", reference, "zugangscode", "AAAA-BBBB-CCCC-000" + i)).body())
				.contains("stimmen nicht");
		}
		assertThat(http.post("/antrag/status",
				Map.of("vorgangsnummer", reference, "zugangscode", "AAAA-BBBB-CCCC-0009")).body())
			.contains("Zu viele Versuche");
	}

	@Test
	void conditionsAreEvaluatedOnTheServer() {
		PortalHttp http = new PortalHttp(port);
		http.post("/antrag/sperrmuell/start", Map.of());
		String step = "/antrag/sperrmuell/schritt/abholort";
		assertThat(location(http.submit(step, step, Map.of("abholanschrift.strasse", "Hattinger Straße",
				"abholanschrift.hausnummer", "30", "abholanschrift.plz", "44789", "abholanschrift.ort", "Bochum"))))
			.endsWith("/antrag/sperrmuell/schritt/gegenstaende");
		step = "/antrag/sperrmuell/schritt/gegenstaende";
		assertThat(location(Multipart.post(http, port, step, step, Map.of("arten", "moebel", "menge", "3"), Map.of())))
			.as("the number of appliances is not asked without appliances").endsWith("/antrag/sperrmuell/schritt/zeitraum");
		HttpResponse<String> appliances = Multipart.post(http, port, step, step, Map.of("arten", "elektro", "menge", "3"),
				Map.of());
		assertThat(appliances.body()).contains("href=\"#anzahlElektro\"");
		assertThat(location(Multipart.post(http, port, step, step, Map.of("arten", "elektro", "anzahlElektro", "2",
				"menge", "3"), Map.of()))).endsWith("/antrag/sperrmuell/schritt/zeitraum");
		step = "/antrag/sperrmuell/schritt/zeitraum";
		LocalDate today = LocalDate.now(de.bochum.portal.platform.PageContext.CITY_ZONE);
		assertThat(http.submit(step, step, Map.of("fruehestens", GERMAN.format(today.plusDays(20)), "spaetestens",
				GERMAN.format(today.plusDays(10)))).body()).contains("„Spätestens am“ muss nach „Frühestens am“ liegen.");
		assertThat(http.submit(step, step, Map.of("fruehestens", GERMAN.format(today.plusDays(1)), "spaetestens",
				GERMAN.format(today.plusDays(10)))).body()).contains("„Frühestens am“ darf nicht vor dem "
						+ GERMAN.format(today.plusDays(7)) + " liegen.");
	}
}
