package de.bochum.portal.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import de.bochum.portal.platform.InstallationSecrets;
import de.bochum.portal.platform.RateLimiter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters in PostgreSQL: one indexed upsert per attempt, shared by every instance
 * without another moving part. Bucket4j or a cache cluster would add a component for the handful
 * of guarded requests per second a city sees. The HMAC key is an installation secret, so every
 * instance derives the same bucket from the same address.
 */
@Component
class DatabaseRateLimiter implements RateLimiter {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final InstallationSecrets secrets;
	private volatile SecretKeySpec key;

	DatabaseRateLimiter(JdbcClient jdbc, Clock clock, InstallationSecrets secrets) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.secrets = secrets;
	}

	@Override
	public boolean allow(Limit limit, String key) {
		return add(limit, key) <= limit.max();
	}

	@Override
	public boolean exhausted(Limit limit, String key) {
		Instant start = windowStart(limit);
		Integer hits = jdbc.sql("select hits from platform_rate_limit where bucket = ? and window_start = ?")
			.params(bucket(limit, key), Timestamp.from(start))
			.query(Integer.class)
			.optional()
			.orElse(0);
		return hits >= limit.max();
	}

	@Override
	public void count(Limit limit, String key) {
		add(limit, key);
	}

	@Override
	public long expired(Instant now) {
		return jdbc.sql("select count(*) from platform_rate_limit where window_end <= ?")
			.param(Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	@Override
	public long deleteExpired(Instant now) {
		return jdbc.sql("delete from platform_rate_limit where window_end <= ?").param(Timestamp.from(now)).update();
	}

	private int add(Limit limit, String key) {
		Instant start = windowStart(limit);
		return jdbc.sql("""
				insert into platform_rate_limit (bucket, window_start, window_end, hits) values (?, ?, ?, 1)
				on conflict (bucket, window_start) do update set hits = platform_rate_limit.hits + 1
				returning hits""")
			.params(bucket(limit, key), Timestamp.from(start), Timestamp.from(start.plus(limit.window())))
			.query(Integer.class)
			.single();
	}

	private Instant windowStart(Limit limit) {
		long seconds = limit.window().toSeconds();
		return Instant.ofEpochSecond(clock.instant().getEpochSecond() / seconds * seconds);
	}

	private String bucket(Limit limit, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			byte[] digest = mac.doFinal((limit.kind() + "\n" + value).getBytes(StandardCharsets.UTF_8));
			return limit.kind() + ":" + HexFormat.of().formatHex(digest, 0, 20);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("every Java runtime has HmacSHA256", e);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec current = key;
		if (current == null) {
			current = new SecretKeySpec(secrets.secret("rate-limit"), "HmacSHA256");
			key = current;
		}
		return current;
	}
}
