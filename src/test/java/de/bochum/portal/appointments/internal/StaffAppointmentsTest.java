package de.bochum.portal.appointments.internal;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import de.bochum.portal.platform.internal.EmbeddedMailbox;
import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.StaffFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static de.bochum.portal.appointments.internal.BookingSteps.code;
import static de.bochum.portal.appointments.internal.BookingSteps.hold;
import static de.bochum.portal.appointments.internal.BookingSteps.slots;
import static de.bochum.portal.appointments.internal.BookingSteps.timeUrl;
import static de.bochum.portal.testsupport.PortalHttp.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day plan for the offices' staff: only for the caseworkers of the Bürgerbüros (and admins),
 * every view in the audit log; check-in, calling, no-show, blocking a time and walk-ins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffAppointmentsTest {

	static final String OFFICE = "buergerbuero-wattenscheid";
	static final String CHOICE = "wohnsitz-anmelden*2";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedMailbox mailbox;

	@BeforeEach
	void freshLimits() {
		jdbc.sql("delete from platform_rate_limit").update();
	}

	@Test
	void caseworkersSeeOnlyTheirOfficesAndEveryViewIsLogged() {
		PortalHttp outsider = new PortalHttp(port);
		outsider.signIn(StaffFixtures.createInOffices(jdbc, Set.of("steueramt"), "CASEWORKER"), StaffFixtures.PASSWORD);
		assertThat(outsider.get("/intern/termine").body()).contains("keinem Bürgerbüro zugeordnet");
		assertThat(outsider.get("/intern/termine/" + OFFICE).statusCode()).isEqualTo(404);
		PortalHttp editor = new PortalHttp(port);
		editor.signIn(StaffFixtures.create(jdbc, "EDITOR"), StaffFixtures.PASSWORD);
		assertThat(editor.get("/intern/termine").statusCode()).isEqualTo(403);
		assertThat(location(new PortalHttp(port).get("/intern/termine"))).contains("/intern/anmelden");

		// a citizen books and confirms
		String email = AppointmentBookingTest.email("walter");
		PortalHttp citizen = new PortalHttp(port);
		String slot = slots(citizen.get(timeUrl(CHOICE, OFFICE)).body()).get(0);
		hold(citizen, CHOICE, OFFICE, slot, "Walter Wattenscheid", email, null);
		String code = code(mailbox, email);
		citizen.submit("/termine/verwalten?code=" + code, "/termine/verwalten/bestaetigen", Map.of("code", code));
		String day = slot.substring(slot.indexOf('~') + 1, slot.indexOf('T'));
		long id = jdbc.sql("select id from appointments_booking where email = ?").param(email).query(Long.class).single();
		String reference = jdbc.sql("select reference from appointments_booking where id = ?").param(id).query(String.class).single();

		String username = StaffFixtures.createInOffices(jdbc, Set.of("buergerbueros"), "CASEWORKER");
		PortalHttp staff = new PortalHttp(port);
		staff.signIn(username, StaffFixtures.PASSWORD);
		HttpResponse<String> offices = staff.get("/intern/termine");
		assertThat(offices.body()).contains("Tagesplan Bürgerbüro Wattenscheid", "Tagesplan Bürgerbüro Rathaus");
		assertThat(HtmlChecker.errors(offices.body())).isEmpty();
		String plan = "/intern/termine/" + OFFICE + "?tag=" + day;
		HttpResponse<String> dayPlan = staff.get(plan);
		assertThat(dayPlan.statusCode()).isEqualTo(200);
		assertThat(dayPlan.body()).contains("Walter Wattenscheid", reference, "Wohnsitz anmelden (Anmeldung einer Wohnung) (2×)",
				"Schalter 1", "Schalter 2", "bestätigt");
		assertThat(HtmlChecker.errors(dayPlan.body())).isEmpty();
		assertThat(jdbc.sql("select count(*) from privacy_audit_log where actor = ? and record_type = 'termin-tagesplan' and record_id = ?")
			.params(username, OFFICE + "/" + day).query(Long.class).single()).isEqualTo(1);

		// call to the counter: checked in, and on the waiting room's display
		assertThat(location(staff.submit(plan, "/intern/termine/" + OFFICE + "/termin/" + id + "/aufrufen", Map.of("tag", day))))
			.contains(plan);
		assertThat(status(id)).isEqualTo("CHECKED_IN");
		HttpResponse<String> display = new PortalHttp(port).get("/termine/aufruf/" + OFFICE);
		assertThat(HtmlChecker.errors(display.body())).isEmpty();
		staff.submit(plan, "/intern/termine/" + OFFICE + "/termin/" + id + "/nicht-erschienen", Map.of("tag", day));
		assertThat(status(id)).isEqualTo("NO_SHOW");
		assertThat(jdbc.sql("select count(*) from privacy_audit_log where actor = ? and record_type = 'termin' and record_id = ?")
			.params(username, String.valueOf(id)).query(Long.class).single()).isEqualTo(2);

		// block a time: refused over the booking, accepted next to it; blocked times are not offered
		long counter = jdbc.sql("select counter_id from appointments_booking where id = ?").param(id).query(Long.class).single();
		String time = slot.substring(slot.indexOf('T') + 1);
		HttpResponse<String> overlap = staff.submit(plan, "/intern/termine/" + OFFICE + "/sperren", Map.of("tag", day,
				"sperre-schalter", String.valueOf(counter), "sperre-von", time, "sperre-bis", "23:00", "sperre-grund", "Besprechung"));
		assertThat(overlap.statusCode()).isEqualTo(422);
		assertThat(overlap.body()).contains("schon ein Termin", "href=\"#sperre-von\"");
		HttpResponse<String> missing = staff.submit(plan, "/intern/termine/" + OFFICE + "/sperren", Map.of("tag", day,
				"sperre-schalter", String.valueOf(counter), "sperre-von", "zehn", "sperre-bis", "", "sperre-grund", ""));
		assertThat(missing.body()).contains("href=\"#sperre-von\"", "href=\"#sperre-bis\"", "href=\"#sperre-grund\"");
		assertThat(HtmlChecker.errors(missing.body())).isEmpty();
		for (long c : jdbc.sql("select id from appointments_counter where office_id = (select office_id from appointments_booking where id = ?)")
			.param(id).query(Long.class).list()) {
			HttpResponse<String> blocked = staff.submit(plan, "/intern/termine/" + OFFICE + "/sperren", Map.of("tag", day,
					"sperre-schalter", String.valueOf(c), "sperre-von", "06:00", "sperre-bis", "07:59", "sperre-grund", "Frühbesprechung"));
			assertThat(location(blocked)).contains(plan);
		}
		assertThat(staff.get(plan).body()).contains("Frühbesprechung", "gesperrt");

		// a walk-in gets the next free place today, or a clear answer that there is none
		HttpResponse<String> walkIn = staff.submit(plan, "/intern/termine/" + OFFICE + "/spontan",
				Map.of("spontan-leistung", "meldebescheinigung", "spontan-anzahl", "1", "spontan-name", "Spontan Kunde"));
		assertThat(walkIn.statusCode()).isIn(302, 422);
		if (walkIn.statusCode() == 422) {
			assertThat(walkIn.body()).contains("mehr ein Platz frei");
		}
		else {
			assertThat(jdbc.sql("select count(*) from appointments_booking where name = 'Spontan Kunde' and walk_in and status = 'CHECKED_IN'")
				.query(Long.class).single()).isEqualTo(1);
		}
		jdbc.sql("delete from appointments_booking where status = 'BLOCKED' and note = 'Frühbesprechung'").update();
	}

	private String status(long id) {
		return jdbc.sql("select status from appointments_booking where id = ?").param(id).query(String.class).single();
	}

}
