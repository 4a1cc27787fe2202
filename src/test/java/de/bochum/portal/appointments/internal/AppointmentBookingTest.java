package de.bochum.portal.appointments.internal;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.bochum.portal.platform.internal.EmbeddedMailbox;
import de.bochum.portal.privacy.Citizen;
import de.bochum.portal.privacy.CitizenData;
import de.bochum.portal.privacy.PersonalDataRegister;
import de.bochum.portal.privacy.RetentionRule;
import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static de.bochum.portal.appointments.internal.BookingSteps.code;
import static de.bochum.portal.appointments.internal.BookingSteps.enc;
import static de.bochum.portal.appointments.internal.BookingSteps.hold;
import static de.bochum.portal.appointments.internal.BookingSteps.slots;
import static de.bochum.portal.appointments.internal.BookingSteps.timeUrl;
import static de.bochum.portal.testsupport.PortalHttp.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen books, confirms by the mailed link, gets a valid calendar file, moves and cancels the
 * appointment; wrong input of every kind gets a clear answer and changes nothing; reminders,
 * retention and the data export work on what the booking stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AppointmentBookingTest {

	static final String PASS = "reisepass*1";
	static final String IDS = "personalausweis*3";
	static final String RATHAUS = "buergerbuero-rathaus";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedMailbox mailbox;

	@Autowired
	ReminderJob reminders;

	@Autowired
	List<RetentionRule> rules;

	@Autowired
	CitizenData citizenData;

	@Autowired
	PersonalDataRegister register;

	@BeforeEach
	void freshLimits() {
		jdbc.sql("delete from platform_rate_limit").update();
	}

	static String email(String who) {
		return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	@Test
	void bookConfirmDownloadMoveAndCancel() throws Exception {
		PortalHttp http = new PortalHttp(port);
		HttpResponse<String> start = http.get("/termine");
		assertThat(start.statusCode()).isEqualTo(200);
		assertThat(start.headers().allValues("Set-Cookie")).as("no cookie before name and email").isEmpty();
		assertThat(start.body()).contains("Personalausweis beantragen", "Reisepass beantragen");
		assertThat(HtmlChecker.errors(start.body())).isEmpty();

		HttpResponse<String> chosen = http.get("/termine?weiter=1&anzahl-personalausweis=3&anzahl-reisepass=0");
		assertThat(location(chosen)).endsWith("/termine/ort?l=" + IDS);
		HttpResponse<String> officePage = http.get("/termine/ort?l=" + enc(IDS));
		assertThat(officePage.body()).contains("Bürgerbüro Rathaus", "erster freier Termin", "Nächster freier Termin");
		assertThat(HtmlChecker.errors(officePage.body())).isEmpty();
		assertThat(location(http.get("/termine/ort?weiter=1&l=" + enc(IDS) + "&ort=" + RATHAUS)))
			.contains("/termine/zeit?l=");

		HttpResponse<String> timePage = http.get(timeUrl(IDS, RATHAUS));
		assertThat(HtmlChecker.errors(timePage.body())).isEmpty();
		List<String> offered = slots(timePage.body());
		assertThat(offered).isNotEmpty().allMatch(s -> s.startsWith(RATHAUS + "~"));
		String slot = offered.get(0);
		assertThat(location(http.get(timeUrl(IDS, RATHAUS) + "&weiter=1&termin=" + enc(slot))))
			.contains("/termine/angaben?");
		HttpResponse<String> details = http.get(BookingSteps.detailsUrl(IDS, RATHAUS, slot));
		assertThat(details.body()).contains("Personalausweis beantragen (3×)", "etwa 60 Minuten", "data-altcha-challenge");
		assertThat(HtmlChecker.errors(details.body())).isEmpty();

		String email = email("erika");
		HttpResponse<String> held = hold(http, IDS, RATHAUS, slot, "Erika Mustermann", email, null);
		assertThat(location(held)).contains("/termine/reserviert");
		assertThat(http.get(location(held).replaceFirst("^https?://[^/]+", "")).body()).contains("Bitte bestätigen Sie");
		assertThat(mailbox.mailsTo(email)).hasSize(1);
		assertThat(mailbox.mailsTo(email).get(0).subject()).startsWith("Bitte bestätigen Sie Ihren Termin T-");
		String code = code(mailbox, email);
		assertThat(jdbc.sql("select count(*) from appointments_booking where token_hash = sha256(convert_to(?, 'UTF8'))")
			.param(code).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from appointments_booking where encode(token_hash, 'escape') like ?")
			.param("%" + code + "%").query(Long.class).single()).isZero();

		assertThat(jdbc.sql("select status from appointments_booking where email = ?").param(email).query(String.class).single())
			.isEqualTo("HELD");

		HttpResponse<String> manage = http.get("/termine/verwalten?code=" + code);
		assertThat(manage.body()).contains("Termin verbindlich bestätigen", "Erika Mustermann");
		assertThat(HtmlChecker.errors(manage.body())).isEmpty();
		HttpResponse<String> confirmed = http.submit("/termine/verwalten?code=" + code, "/termine/verwalten/bestaetigen",
				Map.of("code", code));
		assertThat(location(confirmed)).contains("bestaetigt=1");
		assertThat(http.get("/termine/verwalten?code=" + code + "&bestaetigt=1").body())
			.contains("Ihr Termin ist bestätigt", "Termin absagen", "Termin verschieben", "Bitte mitbringen");
		assertThat(mailbox.mailsTo(email).get(0).subject()).contains("ist bestätigt");
		assertThat(mailbox.mailsTo(email).get(0).text()).contains("termin.ics?code=" + code, "Bitte mitbringen");

		HttpResponse<String> ics = http.get("/termine/verwalten/termin.ics?code=" + code);
		assertThat(ics.statusCode()).isEqualTo(200);
		assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
		assertThat(ics.body()).contains("\r\n").doesNotContain("\n\n");
		assertThat(ics.body().split("\r\n")).allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
		calendar.validate();
		VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
		assertThat(event.getSummary().getValue()).contains("Bürgerbüro Rathaus", "Personalausweis beantragen (3×)");
		assertThat(event.getLocation().getValue()).contains("Willy-Brandt-Platz");
		assertThat(Duration.between(Instant.from(event.getDateTimeStart().getDate()), Instant.from(event.getDateTimeEnd().getDate())))
			.isEqualTo(Duration.ofMinutes(60));

		// move it to a later slot: the old one becomes free, the link stays the same
		HttpResponse<String> movePage = http.get(timeUrl(IDS, RATHAUS) + "&umbuchen=" + code);
		String later = slots(movePage.body()).stream().filter(s -> !s.equals(slot)).skip(3).findFirst().orElseThrow();
		HttpResponse<String> moved = http.submit(timeUrl(IDS, RATHAUS) + "&umbuchen=" + code, "/termine/zeit",
				Map.of("l", IDS, "ort", RATHAUS, "termin", later, "umbuchen", code));
		assertThat(location(moved)).contains("umgebucht=1");
		assertThat(jdbc.sql("select count(*) from appointments_booking where email = ? and status = 'CONFIRMED'").param(email)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from appointments_booking where email = ? and status = 'CANCELLED'").param(email)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from appointments_booking where email = ? and status = 'CONFIRMED' and lower(period) = ?::timestamp at time zone 'Europe/Berlin'")
			.params(email, later.substring(later.indexOf('~') + 1).replace('T', ' ')).query(Long.class).single()).isEqualTo(1);

		// cancel, then the same link again
		assertThat(location(http.submit("/termine/verwalten?code=" + code, "/termine/verwalten/absagen", Map.of("code", code))))
			.endsWith("/termine/abgesagt");
		assertThat(mailbox.mailsTo(email).get(0).subject()).contains("ist abgesagt");
		HttpResponse<String> again = http.post("/termine/verwalten/absagen", Map.of("code", code, "_csrf", csrf(http)));
		assertThat(again.statusCode()).isEqualTo(410);
		assertThat(again.body()).contains("bereits abgesagt");
		assertThat(http.get("/termine/verwalten?code=" + code).statusCode()).isEqualTo(404);
		assertThat(http.get("/termine/verwalten/termin.ics?code=" + code).statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from appointments_booking where email = ? and status in ('HELD', 'CONFIRMED')")
			.param(email).query(Long.class).single()).isZero();
	}

	@Test
	void badInputGetsClearAnswersAndChangesNothing() {
		PortalHttp http = new PortalHttp(port);
		long before = bookings();
		HttpResponse<String> none = http.get("/termine?weiter=1");
		assertThat(none.body()).contains("Bitte korrigieren Sie Folgendes", "mindestens ein Anliegen");
		assertThat(HtmlChecker.errors(none.body())).isEmpty();
		HttpResponse<String> tooMany = http.get("/termine?weiter=1&anzahl-reisepass=77");
		assertThat(tooMany.body()).contains("Anzahl aus der Liste");
		assertThat(http.get("/termine/ort?l=" + enc("reisepass*1,hundesteuer*1")).statusCode()).isEqualTo(400);
		assertThat(http.get("/termine/zeit?l=" + enc("<script>*1") + "&ort=alle").statusCode()).isEqualTo(400);

		String future = slots(http.get(timeUrl(PASS, RATHAUS)).body()).get(0);
		String day = future.substring(future.indexOf('~') + 1, future.indexOf('T'));
		Map<String, String> answers = Map.of(
				RATHAUS + "~2020-01-06T10:00", "in der Vergangenheit",
				RATHAUS + "~" + day + "T03:00", "nicht geöffnet",
				RATHAUS + "~" + day + "T10:03", "nicht geöffnet",
				RATHAUS + "~2099-01-05T10:00", "noch nicht zur Buchung freigegeben",
				"buergerbuero-atlantis~" + day + "T10:00", "gibt es nicht",
				"kaputt", "gibt es nicht");
		answers.forEach((slot, text) -> {
			HttpResponse<String> answer = http.get(timeUrl(PASS, RATHAUS) + "&weiter=1&termin=" + enc(slot));
			assertThat(answer.statusCode()).as(slot).isEqualTo(422);
			assertThat(answer.body()).as(slot).contains(text, "href=\"#termin\"");
			HttpResponse<String> direct = http.post("/termine/angaben", Map.of("l", PASS, "ort", RATHAUS, "termin", slot,
					"name", "Max", "email", email("max"), "_csrf", csrf(http)));
			assertThat(direct.statusCode()).as(slot).isIn(400, 422);
		});

		HttpResponse<String> badEmail = hold(http, PASS, RATHAUS, future, "", "erika@", null);
		assertThat(badEmail.statusCode()).isEqualTo(422);
		assertThat(badEmail.body()).contains("href=\"#name\"", "href=\"#email\"", "name@beispiel.de", "value=\"erika@\"");
		assertThat(HtmlChecker.errors(badEmail.body())).isEmpty();
		assertThat(bookings()).isEqualTo(before);
	}

	@Test
	void expiredHoldFreesTheSlotAndItsLinkSaysSo() {
		PortalHttp http = new PortalHttp(port);
		String slot = slots(http.get(timeUrl(PASS, "buergerbuero-weitmar")).body()).get(0);
		String first = email("first");
		assertThat(location(hold(http, PASS, "buergerbuero-weitmar", slot, "Erste Person", first, null))).contains("reserviert");
		String code = code(mailbox, first);
		jdbc.sql("update appointments_booking set hold_until = now() - interval '1 minute' where email = ?").param(first).update();

		assertThat(http.get("/termine/verwalten?code=" + code).body()).contains("Reservierung abgelaufen");
		HttpResponse<String> late = http.post("/termine/verwalten/bestaetigen", Map.of("code", code, "_csrf", csrf(http)));
		assertThat(late.statusCode()).isEqualTo(410);
		assertThat(late.body()).contains("Reservierung abgelaufen");
		assertThat(slots(http.get(timeUrl(PASS, "buergerbuero-weitmar")).body())).contains(slot);
		String second = email("second");
		assertThat(location(hold(new PortalHttp(port), PASS, "buergerbuero-weitmar", slot, "Zweite Person", second, null)))
			.contains("reserviert");
		assertThat(jdbc.sql("select status from appointments_booking where email = ?").param(first).query(String.class).single())
			.isEqualTo("EXPIRED");
	}

	@Test
	void oneActiveBookingPerServiceAndEmailAndRateLimits() {
		String email = email("viel");
		PortalHttp http = new PortalHttp(port);
		List<String> offered = slots(http.get(timeUrl(PASS, "buergerbuero-gerthe")).body());
		assertThat(location(hold(http, PASS, "buergerbuero-gerthe", offered.get(0), "Viel Bucher", email, null))).contains("reserviert");
		HttpResponse<String> second = hold(http, PASS, "buergerbuero-gerthe", offered.get(5), "Viel Bucher", email.toUpperCase(), null);
		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(second.body()).contains("schon einen Termin für dieses Anliegen");

		// 200 attempts from one address: stopped by the limit per IP without proof-of-work, nothing else written
		long before = jdbc.sql("select count(*) from appointments_booking").query(Long.class).single();
		int refused = 0;
		String token = csrf(http);
		for (int i = 0; i < 200; i++) {
			HttpResponse<String> r = http.post("/termine/angaben", Map.of("l", PASS, "ort", "buergerbuero-gerthe", "termin",
					offered.get(10 + i % 20), "name", "Bot " + i, "email", email("bot" + i), "_csrf", token));
			assertThat(r.statusCode()).isLessThan(500);
			if (r.statusCode() == 429) {
				assertThat(r.body()).contains("zu viele Buchungsversuche");
				refused++;
			}
		}
		assertThat(refused).isGreaterThanOrEqualTo(190);
		assertThat(jdbc.sql("select count(*) from appointments_booking").query(Long.class).single()).isLessThanOrEqualTo(before + 6);
	}

	@Test
	void remindersRetentionAndExport() {
		String email = email("rita");
		PortalHttp http = new PortalHttp(port);
		String slot = slots(http.get(timeUrl(PASS, "buergerbuero-querenburg")).body()).get(0);
		hold(http, PASS, "buergerbuero-querenburg", slot, "Rita Erinnerung", email, null);
		String code = code(mailbox, email);
		http.submit("/termine/verwalten?code=" + code, "/termine/verwalten/bestaetigen", Map.of("code", code));
		Instant start = jdbc.sql("select lower(period) from appointments_booking where email = ?").param(email)
			.query(Timestamp.class).single().toInstant();

		Instant dayBefore = start.minus(Duration.ofDays(1));
		int sent = reminders.sendReminders(dayBefore);
		assertThat(sent).isGreaterThanOrEqualTo(1);
		assertThat(mailbox.mailsTo(email).get(0).subject()).startsWith("Erinnerung: Ihr Termin morgen");
		assertThat(mailbox.mailsTo(email).get(0).text()).contains("Rita Erinnerung", "Bürgerbüro Süd");
		int mails = mailbox.mailsTo(email).size();
		reminders.sendReminders(dayBefore);
		assertThat(mailbox.mailsTo(email)).hasSize(mails);

		assertThat(citizenData.export(new Citizen(null, email)))
			.anySatisfy(section -> assertThat(section.records()).anySatisfy(r -> assertThat(r).containsEntry("Name", "Rita Erinnerung")));
		assertThat(register.declarations()).anySatisfy(d -> {
			assertThat(d.table()).isEqualTo("appointments_booking");
			assertThat(d.column()).isEqualTo("email");
		});

		RetentionRule anonymise = rules.stream().filter(r -> r.key().equals("appointments.anonymise")).findFirst().orElseThrow();
		assertThat(anonymise.apply(start.plus(Duration.ofDays(29)))).isZero();
		assertThat(anonymise.apply(start.plus(Duration.ofDays(31)))).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("select count(*) from appointments_booking where email = ?").param(email).query(Long.class).single())
			.isZero();

		String held = email("verfallen");
		hold(new PortalHttp(port), PASS, "buergerbuero-querenburg", slots(http.get(timeUrl(PASS, "buergerbuero-querenburg")).body()).get(0),
				"Verfallen", held, null);
		RetentionRule holds = rules.stream().filter(r -> r.key().equals("appointments.expired-holds")).findFirst().orElseThrow();
		assertThat(holds.apply(Instant.now().plus(Duration.ofHours(1)))).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("select count(*) from appointments_booking where email = ?").param(held).query(Long.class).single())
			.isZero();
	}

	@Test
	void withoutAnAccountTheBookingIsSeenAndErasedByReferenceAndLinkCode() {
		String email = email("ohne.konto");
		PortalHttp http = new PortalHttp(port);
		String slot = slots(http.get(timeUrl(PASS, "buergerbuero-weitmar")).body()).get(0);
		hold(http, PASS, "buergerbuero-weitmar", slot, "Ohne Konto", email, null);
		String code = code(mailbox, email);
		String reference = jdbc.sql("select reference from appointments_booking where email = ?").param(email)
			.query(String.class).single();

		PortalHttp holder = new PortalHttp(port);
		assertThat(holder.submit("/meine-daten", "/meine-daten", Map.of("referenz", reference, "code", "falsch")).body())
			.contains("haben wir nichts gefunden");
		holder.submit("/meine-daten", "/meine-daten", Map.of("referenz", reference, "code", code));
		assertThat(holder.get("/meine-daten/auskunft").body()).contains(reference, "Ohne Konto", email,
				"Termine im Bürgerbüro");
		holder.submit("/meine-daten/auskunft", "/meine-daten/loeschen", Map.of("bestaetigt", "ja"));
		assertThat(jdbc.sql("select status from appointments_booking where reference = ?").param(reference)
			.query(String.class).single()).as("the appointment is given up").isEqualTo("CANCELLED");
		assertThat(de.bochum.portal.testsupport.DatabaseSearch.rowsMentioning(jdbc, email))
			.allMatch(hit -> hit.startsWith("privacy_audit_log."));
		assertThat(http.get("/termine/verwalten?code=" + code).body()).as("the link is dead too")
			.doesNotContain("Ohne Konto");
	}

	private long bookings() {
		return jdbc.sql("select count(*) from appointments_booking").query(Long.class).single();
	}

	/** A CSRF token of the client's session, from the first form that has one (the details page). */
	private static String csrf(PortalHttp http) {
		String slot = slots(http.get(timeUrl(PASS, RATHAUS)).body()).get(0);
		var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(http.get(BookingSteps.detailsUrl(PASS, RATHAUS, slot)).body());
		return m.find() ? m.group(1) : "";
	}
}
