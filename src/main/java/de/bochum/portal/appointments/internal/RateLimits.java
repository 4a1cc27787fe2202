package de.bochum.portal.appointments.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters in PostgreSQL: one upsert per attempt, shared by every instance without
 * another moving part, and the window rows are deleted by a retention rule. Bucket4j would need
 * the same database (or a cache cluster) to be shared across instances; at the handful of booking
 * attempts per second a city sees, one indexed upsert is enough. Keys are keyed hashes, never
 * the address itself.
 */
@Component
class RateLimits {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Altcha altcha;

	RateLimits(JdbcClient jdbc, Clock clock, Altcha altcha) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.altcha = altcha;
	}

	/** Counts one attempt for {@code kind:value} and says whether it is within {@code limit} per {@code window}. */
	boolean allow(String kind, String value, int limit, Duration window) {
		Instant now = clock.instant();
		long seconds = window.toSeconds();
		Instant start = Instant.ofEpochSecond(now.getEpochSecond() / seconds * seconds);
		String bucket = kind + ":" + altcha.hmac(kind + ":" + value).substring(0, 40);
		int hits = jdbc.sql("""
				insert into appointments_rate (bucket, window_start, hits) values (?, ?, 1)
				on conflict (bucket, window_start) do update set hits = appointments_rate.hits + 1
				returning hits""")
			.params(bucket, Timestamp.from(start))
			.query(Integer.class)
			.single();
		return hits <= limit;
	}
}
