package de.bochum.portal.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import de.bochum.portal.privacy.RetentionRule;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins are kept only while they protect the account: 24 hours after the last one,
 * and never while a lock is still running, the count and its time are forgotten.
 */
@Component
class FailedSignInRetention implements RetentionRule {

	static final Duration KEEP = Duration.ofHours(24);

	private static final String EXPIRED = """
			last_failed_at < ? and (locked_until is null or locked_until <= ?)""";

	private final JdbcClient jdbc;

	FailedSignInRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String key() {
		return "identity.failed-sign-ins";
	}

	@Override
	public String description() {
		return "Fehlversuche bei der Anmeldung von Beschäftigten 24 Stunden nach dem letzten Fehlversuch vergessen";
	}

	@Override
	public long due(Instant now) {
		return jdbc.sql("select count(*) from staff_account where " + EXPIRED)
			.params(Timestamp.from(now.minus(KEEP)), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	@Override
	public long apply(Instant now) {
		return jdbc.sql("update staff_account set failed_attempts = 0, locked_until = null, last_failed_at = null where "
				+ EXPIRED)
			.params(Timestamp.from(now.minus(KEEP)), Timestamp.from(now))
			.update();
	}
}
