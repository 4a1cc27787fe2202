package de.bochum.portal.applications.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import de.bochum.portal.applications.ApplicationStateChanged;
import de.bochum.portal.applications.ApplicationSubmitted;
import de.bochum.portal.applications.CaseState;
import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.StaffFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static de.bochum.portal.testsupport.PortalHttp.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Submitted applications go to the office's system through the outbox, against a real HTTP
 * server: signed with HMAC-SHA256, retried after a failure, dead-lettered after the last attempt,
 * delivered when an administrator retries — and the case itself is there all along. Also: every
 * transition is an event other modules can hear.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeliveryTest {

	static final String KEY = "ein-geheimer-schluessel-fuer-die-tests-0123456789";
	static final HttpServer RECEIVER;
	static final AtomicInteger STATUS = new AtomicInteger(500);
	static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
	static final List<Object> EVENTS = new CopyOnWriteArrayList<>();

	static {
		try {
			RECEIVER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		RECEIVER.createContext("/eingang", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String signature = exchange.getRequestHeaders().getFirst("X-Portal-Signature");
			try {
				String expected = "sha256=" + HttpSubmissionDelivery.sign(KEY.getBytes(StandardCharsets.UTF_8), body);
				int status = expected.equals(signature) ? STATUS.get() : 401;
				if (status == 200) {
					RECEIVED.add(new String(body, StandardCharsets.UTF_8));
				}
				exchange.sendResponseHeaders(status, -1);
			}
			catch (Exception e) {
				exchange.sendResponseHeaders(500, -1);
			}
			exchange.close();
		});
		RECEIVER.start();
	}

	@DynamicPropertySource
	static void delivery(DynamicPropertyRegistry registry) {
		registry.add("portal.applications.delivery.url",
				() -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/eingang");
		registry.add("portal.applications.delivery.key", () -> KEY);
		registry.add("portal.applications.delivery.max-attempts", () -> "2");
		// the job is started by the test, not by the clock
		registry.add("portal.applications.delivery.interval", () -> "PT24H");
	}

	@TestConfiguration
	static class Listener {

		@Bean
		Object applicationEventsRecorder() {
			return new Object() {

				@EventListener
				void on(ApplicationSubmitted event) {
					EVENTS.add(event);
				}

				@EventListener
				void on(ApplicationStateChanged event) {
					EVENTS.add(event);
				}
			};
		}
	}

	@AfterAll
	static void stop() {
		RECEIVER.stop(0);
	}

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

	@Autowired
	DeliveryOutbox outbox;

	@Test
	void failedDeliveriesAreRetriedDeadLetteredAndDeliveredOnRetryWithoutLosingTheApplication() {
		STATUS.set(500);
		String ref = CaseFixtures.bulkyWaste(forms, drafts, cases, "d-" + UUID.randomUUID() + "@example.org", true)
			.reference();
		assertThat(EVENTS).anySatisfy(e -> assertThat(e).isInstanceOf(ApplicationSubmitted.class)
			.extracting("reference").isEqualTo(ref));

		outbox.deliverDue();
		assertThat(delivery(ref)).containsEntry("state", "PENDING").containsEntry("attempts", 1);
		assertThat(outbox.deliverDue()).as("not due again before the pause").isZero();
		jdbc.sql("update applications_delivery set next_attempt_at = now() - interval '1 second' where case_id = (select id from applications_case where reference = ?)")
			.param(ref).update();
		outbox.deliverDue();
		assertThat(delivery(ref)).containsEntry("state", "DEAD").containsEntry("attempts", 2);
		assertThat(cases.find(ref)).as("the application is kept").isPresent();

		PortalHttp admin = new PortalHttp(port);
		admin.signIn(StaffFixtures.create(jdbc, "ADMIN"), StaffFixtures.PASSWORD);
		String deadLetters = admin.get("/intern/antraege/zustellung").body();
		assertThat(deadLetters).contains(ref, "HTTP 500", "Jetzt erneut versuchen");
		assertThat(HtmlChecker.errors(deadLetters)).isEmpty();

		STATUS.set(200);
		assertThat(location(admin.submit("/intern/antraege/zustellung", "/intern/antraege/zustellung/" + ref + "/erneut",
				Map.of()))).endsWith("/intern/antraege/zustellung?stand=DELIVERED");
		assertThat(admin.get("/intern/antraege/zustellung?stand=DELIVERED").body()).contains(ref, "ist gelungen");
		assertThat(delivery(ref)).containsEntry("state", "DELIVERED");
		assertThat(RECEIVED).anySatisfy(body -> assertThat(body).contains("\"reference\":\"" + ref + "\"",
				"\"form\":\"sperrmuell\"", "\"formVersion\":1", "Hattinger Straße"));

		PortalHttp caseworker = new PortalHttp(port);
		caseworker.signIn(StaffFixtures.create(jdbc, "CASEWORKER"), StaffFixtures.PASSWORD);
		assertThat(caseworker.get("/intern/antraege/zustellung").statusCode()).isEqualTo(403);
	}

	@Test
	void everyTransitionIsAnEvent() {
		String ref = CaseFixtures.bulkyWaste(forms, drafts, cases, "e-" + UUID.randomUUID() + "@example.org", false)
			.reference();
		Cases.CaseRecord record = cases.find(ref).orElseThrow();
		cases.changeState(record, record.version(), CaseState.IN_BEARBEITUNG, null, "sachbearbeitung");
		assertThat(EVENTS).filteredOn(ApplicationStateChanged.class::isInstance)
			.map(ApplicationStateChanged.class::cast)
			.anySatisfy(e -> assertThat(e).isEqualTo(new ApplicationStateChanged(ref, "usb", CaseState.EINGEGANGEN,
					CaseState.IN_BEARBEITUNG, "sachbearbeitung", e.at())));
	}

	private Map<String, Object> delivery(String reference) {
		return jdbc.sql("""
				select d.state, d.attempts from applications_delivery d join applications_case c on c.id = d.case_id
				where c.reference = ?""")
			.param(reference)
			.query((rs, i) -> Map.<String, Object>of("state", rs.getString(1), "attempts", rs.getInt(2)))
			.single();
	}
}
