package de.bochum.portal.privacy.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import de.bochum.portal.privacy.RetentionRule;
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
 * The retention rules remove exactly what has expired at a given moment and nothing else, the
 * job records counts, and the data protection officer sees them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetentionTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.util.List<RetentionRule> rules;

	@Test
	void failedSignInsAreForgottenAfter24HoursButNotWhileALockRuns() {
		RetentionRule rule = rules.stream().filter(r -> r.key().equals("identity.failed-sign-ins")).findFirst().orElseThrow();
		Instant now = Instant.parse("2030-03-01T03:15:00Z");
		String expired = failedAt(StaffFixtures.create(jdbc, "EDITOR"), now.minus(Duration.ofHours(25)), null);
		String recent = failedAt(StaffFixtures.create(jdbc, "EDITOR"), now.minus(Duration.ofHours(23)), null);
		String stillLocked = failedAt(StaffFixtures.create(jdbc, "EDITOR"), now.minus(Duration.ofHours(30)),
				now.plus(Duration.ofMinutes(5)));
		String lockOver = failedAt(StaffFixtures.create(jdbc, "EDITOR"), now.minus(Duration.ofHours(26)),
				now.minus(Duration.ofHours(25)));

		long dueBefore = rule.due(now);
		long affected = rule.apply(now);

		assertThat(affected).isEqualTo(dueBefore).isGreaterThanOrEqualTo(2);
		assertThat(failures(expired)).isZero();
		assertThat(failures(lockOver)).isZero();
		assertThat(failures(recent)).as("less than 24 hours old").isEqualTo(3);
		assertThat(failures(stillLocked)).as("the lock still protects the account").isEqualTo(3);
		assertThat(rule.due(now)).isZero();
		assertThat(rule.apply(now)).as("a second run finds nothing").isZero();
		assertThat(jdbc.sql("select last_failed_at from staff_account where username = ?").param(expired)
			.query(Timestamp.class).optional()).isEmpty();
	}

	@Test
	void theOfficerSeesWhatIsDueAndRunsTheJob() {
		failedAt(StaffFixtures.create(jdbc, "EDITOR"), Instant.now().minus(Duration.ofDays(2)), null);
		String officer = StaffFixtures.create(jdbc, "DATA_PROTECTION_OFFICER");
		PortalHttp http = new PortalHttp(port);
		http.signIn(officer, StaffFixtures.PASSWORD);
		String page = http.get("/intern/datenschutz/loeschfristen").body();
		assertThat(page).contains("Löschfristen", "identity.failed-sign-ins", "Fehlversuche bei der Anmeldung");
		assertThat(HtmlChecker.errors(page)).isEmpty();

		assertThat(location(http.submit("/intern/datenschutz/loeschfristen", "/intern/datenschutz/loeschfristen", Map.of())))
			.endsWith("/intern/datenschutz/loeschfristen");
		String after = http.get("/intern/datenschutz/loeschfristen").body();
		assertThat(after).contains("Löschlauf abgeschlossen", officer);
		assertThat(HtmlChecker.errors(after)).isEmpty();
		assertThat(jdbc.sql("select count(*) from privacy_retention_run where triggered_by = ? and affected >= 1")
			.param(officer).query(Long.class).single()).isEqualTo(1);

		PortalHttp editor = new PortalHttp(port);
		editor.signIn(StaffFixtures.create(jdbc, "EDITOR"), StaffFixtures.PASSWORD);
		assertThat(editor.get("/intern/datenschutz/loeschfristen").statusCode()).as("not for editors").isEqualTo(403);
	}

	private String failedAt(String username, Instant lastFailure, Instant lockedUntil) {
		jdbc.sql("update staff_account set failed_attempts = 3, last_failed_at = ?, locked_until = ? where username = ?")
			.params(Timestamp.from(lastFailure), lockedUntil == null ? null : Timestamp.from(lockedUntil), username)
			.update();
		return username;
	}

	private int failures(String username) {
		return jdbc.sql("select failed_attempts from staff_account where username = ?").param(username)
			.query(Integer.class).single();
	}
}
