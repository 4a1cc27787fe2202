package de.bochum.portal.appointments.internal;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bochum.portal.services.OpeningHours;
import de.bochum.portal.testsupport.PortalHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static de.bochum.portal.appointments.internal.BookingSteps.detailsUrl;
import static de.bochum.portal.testsupport.PortalHttp.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 people press "reserve" at the same moment for 10 free slots, over real HTTP: exactly 10
 * get one, the 190 others are told the slot is taken and shown the next free ones, nobody sees
 * a server error, and no counter is booked twice. The proof-of-work is switched off here (its own
 * test proves it is checked) and the rate limits are raised, as all requests come from one address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"portal.appointments.altcha.enabled=false", "portal.appointments.rate.ip-per-hour=100000",
		"portal.appointments.rate.email-per-day=100000", "spring.datasource.hikari.maximum-pool-size=20" })
class ConcurrentBookingTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final String OFFICE = "buergerbuero-langendreer";
	private static final String CHOICE = "meldebescheinigung*1";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	de.bochum.portal.services.ServiceCatalogue catalogue;

	@Autowired
	Offices offices;

	@AfterEach
	void restore() {
		jdbc.sql("delete from appointments_closure where reason = 'Lasttest'").update();
		jdbc.sql("update appointments_counter set active = true").update();
		jdbc.sql("delete from appointments_booking where email like 'ansturm%'").update();
		offices.forget();
	}

	@Test
	void twoHundredAttemptsAtTenSlots() throws Exception {
		long office = jdbc.sql("select id from appointments_office where standort_slug = ?").param(OFFICE).query(Long.class).single();
		List<Long> counters = jdbc.sql("select id from appointments_counter where office_id = ? order by label").param(office)
			.query(Long.class).list();
		jdbc.sql("update appointments_counter set active = false where office_id = ? and id <> ?").params(office, counters.get(0)).update();
		LocalDate day = LocalDate.now(OpeningHours.BOCHUM).plusDays(3);
		OpeningHours hours = catalogue.location(OFFICE).orElseThrow().hours();
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY || hours.on(day).isEmpty()) {
			day = day.plusDays(1);
		}
		// one counter, open 08:00–09:40 on that day and closed at every other time of the horizon: ten 10-minute slots
		ZonedDateTime opens = day.atTime(8, 0).atZone(OpeningHours.BOCHUM);
		ZonedDateTime closes = day.atTime(9, 40).atZone(OpeningHours.BOCHUM);
		jdbc.sql("insert into appointments_closure (office_id, period, reason) values (?, tstzrange(now() - interval '1 day', ?), 'Lasttest')")
			.params(office, Timestamp.from(opens.toInstant())).update();
		jdbc.sql("insert into appointments_closure (office_id, period, reason) values (?, tstzrange(?, now() + interval '1 year'), 'Lasttest')")
			.params(office, Timestamp.from(closes.toInstant())).update();
		jdbc.sql("delete from appointments_booking where office_id = ? and status = 'BLOCKED'").param(office).update();
		offices.forget();

		List<String> slots = BookingSteps.slots(new PortalHttp(port).get(BookingSteps.timeUrl(CHOICE, OFFICE)).body());
		assertThat(slots).hasSize(10);

		// every client opens the form first (session and CSRF token), then all send at once
		int attempts = 200;
		List<PortalHttp> clients = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < attempts; i++) {
			PortalHttp client = new PortalHttp(port);
			Matcher token = CSRF.matcher(client.get(detailsUrl(CHOICE, OFFICE, slots.get(i % 10))).body());
			assertThat(token.find()).isTrue();
			clients.add(client);
			tokens.add(token.group(1));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(attempts);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < attempts; i++) {
			int n = i;
			answers.add(pool.submit(() -> {
				start.await();
				return clients.get(n).post("/termine/angaben", Map.of("l", CHOICE, "ort", OFFICE, "termin", slots.get(n % 10),
						"name", "Person " + n, "email", "ansturm" + n + "@example.org", "_csrf", tokens.get(n)));
			}));
		}
		start.countDown();
		int booked = 0;
		int taken = 0;
		List<String> other = new ArrayList<>();
		for (Future<HttpResponse<String>> answer : answers) {
			HttpResponse<String> r = answer.get();
			assertThat(r.statusCode()).as("no server error").isLessThan(500);
			if (r.statusCode() == 302 && location(r).contains("/termine/reserviert")) {
				booked++;
			}
			else if (r.statusCode() == 409 && r.body().contains("Dieser Termin ist inzwischen vergeben")
					&& r.body().contains("Die nächsten freien Termine")) {
				taken++;
			}
			else {
				other.add(r.statusCode() + " " + location(r));
			}
		}
		pool.shutdown();
		assertThat(other).isEmpty();
		assertThat(booked).isEqualTo(10);
		assertThat(taken).isEqualTo(190);
		assertThat(jdbc.sql("select count(*) from appointments_booking where office_id = ? and email like 'ansturm%' and status = 'HELD'")
			.param(office).query(Long.class).single()).isEqualTo(10);
		assertThat(jdbc.sql("""
				select count(*) from appointments_booking a join appointments_booking b
				  on a.counter_id = b.counter_id and a.id < b.id and a.period && b.period
				where a.status not in ('CANCELLED', 'EXPIRED') and b.status not in ('CANCELLED', 'EXPIRED')""")
			.query(Long.class).single()).as("overlapping bookings").isZero();
	}
}
