package de.bochum.portal.privacy.internal;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static de.bochum.portal.testsupport.PortalHttp.location;
import static org.assertj.core.api.Assertions.assertThat;

/** Access to one's data without an account, by reference and code: the parts that need no record. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferenceDataTest {

	@LocalServerPort
	int port;

	@Test
	void missingInputIsExplainedAndTheReferenceKept() {
		PortalHttp visitor = new PortalHttp(port);
		HttpResponse<String> empty = visitor.submit("/meine-daten", "/meine-daten", Map.of("referenz", "BO-2026-ABCDE"));
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("Bitte geben Sie den Zugangscode aus Ihrer Bestätigung ein.", "href=\"#code\"",
				"value=\"BO-2026-ABCDE\"");
		assertThat(HtmlChecker.errors(empty.body())).isEmpty();
	}

	@Test
	void anUnknownPairRevealsNothingAndTriesAreLimited() {
		PortalHttp visitor = new PortalHttp(port);
		Map<String, String> guess = new LinkedHashMap<>();
		guess.put("referenz", "BO-2026-NICHTS");
		guess.put("code", "falscher-code");
		for (int i = 0; i < 10; i++) {
			assertThat(visitor.submit("/meine-daten", "/meine-daten", guess).body())
				.contains("Zu dieser Vorgangsnummer und diesem Zugangscode haben wir nichts gefunden.");
		}
		assertThat(visitor.submit("/meine-daten", "/meine-daten", guess).body()).contains("Zu viele Versuche.");
		assertThat(location(visitor.get("/meine-daten/auskunft"))).as("nothing to show without a proven pair")
			.endsWith("/meine-daten");
	}

	@Test
	void thePrivacyNoticeLeadsThere() {
		assertThat(new PortalHttp(port).get("/datenschutz").body()).contains("href=\"/meine-daten\"");
	}
}
