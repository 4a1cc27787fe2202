package de.bochum.portal.appointments.internal;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bochum.portal.platform.Hashes;
import de.bochum.portal.testsupport.PortalHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static de.bochum.portal.appointments.internal.BookingSteps.detailsUrl;
import static de.bochum.portal.appointments.internal.BookingSteps.hold;
import static de.bochum.portal.appointments.internal.BookingSteps.slots;
import static de.bochum.portal.appointments.internal.BookingSteps.timeUrl;
import static de.bochum.portal.testsupport.PortalHttp.location;
import static org.assertj.core.api.Assertions.assertThat;

/** The proof-of-work is really checked: a right solution counts once; wrong, forged, expired or replayed ones are refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AltchaTest {

	private static final Pattern CHALLENGE = Pattern.compile(
			"data-altcha-challenge=\"([0-9a-f]{64})\" data-altcha-salt=\"([^\"]+)\"\\s+data-altcha-signature=\"([0-9a-f]{64})\"");

	@LocalServerPort
	int port;

	@Autowired
	Altcha altcha;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void freshLimits() {
		jdbc.sql("delete from platform_rate_limit").update();
	}

	/** What the browser's script does: search the number, send the JSON in Base64. */
	static String solve(String challenge, String salt, String signature) {
		return payload(challenge, salt, signature, solvedNumber(challenge, salt));
	}

	static String payload(String challenge, String salt, String signature, int number) {
		String json = "{\"algorithm\":\"SHA-256\",\"challenge\":\"" + challenge + "\",\"number\":" + number + ",\"salt\":\""
				+ salt + "\",\"signature\":\"" + signature + "\"}";
		return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void solutionCountsOnceAndForgeriesAreRefused() {
		Altcha.Challenge c = altcha.challenge();
		String good = solve(c.challenge(), c.salt(), c.signature());
		assertThat(altcha.verify(null)).isEqualTo(Altcha.Verdict.MISSING);
		assertThat(altcha.verify("not base64 !!")).isEqualTo(Altcha.Verdict.INVALID);

		int number = solvedNumber(c);
		assertThat(altcha.verify(payload(c.challenge(), c.salt(), c.signature(), number + 1))).isEqualTo(Altcha.Verdict.INVALID);
		assertThat(altcha.verify(payload(c.challenge(), c.salt(), "0".repeat(64), number))).isEqualTo(Altcha.Verdict.INVALID);
		String otherSalt = c.salt().replaceFirst("^.", c.salt().startsWith("a") ? "b" : "a");
		assertThat(altcha.verify(payload(c.challenge(), otherSalt, c.signature(), number))).isEqualTo(Altcha.Verdict.INVALID);

		assertThat(altcha.verify(good)).isEqualTo(Altcha.Verdict.VALID);
		assertThat(altcha.verify(good)).as("replayed").isEqualTo(Altcha.Verdict.INVALID);

		// signed by the server, solved, but expired
		String salt = "abcdef?expires=" + Instant.now().minusSeconds(60).getEpochSecond();
		String challenge = Hashes.sha256Hex(salt + 7);
		assertThat(altcha.verify(payload(challenge, salt, altcha.hmac(challenge), 7))).isEqualTo(Altcha.Verdict.INVALID);
	}

	@Test
	void bookingFormRefusesAWrongOrReplayedSolution() {
		String choice = "meldebescheinigung*1";
		String ort = "buergerbuero-wattenscheid";
		PortalHttp http = new PortalHttp(port);
		List<String> offered = slots(http.get(timeUrl(choice, ort)).body());
		String page = http.get(detailsUrl(choice, ort, offered.get(0))).body();
		Matcher m = CHALLENGE.matcher(page);
		assertThat(m.find()).as("challenge on the page").isTrue();
		String salt = m.group(2).replace("&#63;", "?").replace("&#61;", "=");
		String good = solve(m.group(1), salt, m.group(3));
		String wrong = payload(m.group(1), salt, m.group(3), solvedNumber(m.group(1), salt) + 1);

		HttpResponse<String> refused = hold(http, choice, ort, offered.get(0), "Petra Prüfung", AppointmentBookingTest.email("pow"), wrong);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Die Sicherheitsprüfung ist ungültig");

		HttpResponse<String> accepted = hold(http, choice, ort, offered.get(0), "Petra Prüfung", AppointmentBookingTest.email("pow"), good);
		assertThat(location(accepted)).contains("/termine/reserviert");

		HttpResponse<String> replayed = hold(new PortalHttp(port), choice, ort, offered.get(1), "Paul Wiederholung",
				AppointmentBookingTest.email("replay"), good);
		assertThat(replayed.statusCode()).isEqualTo(400);
		assertThat(replayed.body()).contains("Die Sicherheitsprüfung ist ungültig");
	}

	private static int solvedNumber(Altcha.Challenge c) {
		return solvedNumber(c.challenge(), c.salt());
	}

	private static int solvedNumber(String challenge, String salt) {
		for (int n = 0; n <= 1_000_000; n++) {
			if (Hashes.sha256Hex(salt + n).equals(challenge)) {
				return n;
			}
		}
		throw new AssertionError("no solution");
	}

}
