package de.bochum.portal.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import de.bochum.portal.platform.RateLimiter;
import de.bochum.portal.privacy.RetentionRule;
import de.bochum.portal.testsupport.DatabaseSearch;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attempt counters every guarded form relies on: a limit holds across instances, ends with its
 * window, keeps no address in the database, and its old windows are removed by the retention job.
 */
@SpringBootTest
class RateLimiterTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<RetentionRule> rules;

	private final Instant nine = Instant.parse("2031-05-06T09:00:10Z");

	@Test
	void aLimitHoldsAcrossInstancesAndEndsWithItsWindow() {
		RateLimiter.Limit limit = new RateLimiter.Limit("test.ip", 3, Duration.ofHours(1));
		RateLimiter one = new DatabaseRateLimiter(jdbc, Clock.fixed(nine, ZoneOffset.UTC), new DatabaseInstallationSecrets(jdbc));
		RateLimiter other = new DatabaseRateLimiter(jdbc, Clock.fixed(nine.plusSeconds(60), ZoneOffset.UTC), new DatabaseInstallationSecrets(jdbc));

		assertThat(one.allow(limit, "203.0.113.77")).isTrue();
		assertThat(other.allow(limit, "203.0.113.77")).as("another instance counts into the same window").isTrue();
		assertThat(one.allow(limit, "203.0.113.77")).isTrue();
		assertThat(other.allow(limit, "203.0.113.77")).as("the fourth attempt within the hour").isFalse();
		assertThat(one.allow(limit, "203.0.113.78")).as("another address has its own count").isTrue();
		assertThat(one.allow(new RateLimiter.Limit("test.email", 3, Duration.ofHours(1)), "203.0.113.77"))
			.as("another limit has its own count").isTrue();

		RateLimiter nextHour = new DatabaseRateLimiter(jdbc, Clock.fixed(nine.plus(Duration.ofHours(1)), ZoneOffset.UTC), new DatabaseInstallationSecrets(jdbc));
		assertThat(nextHour.allow(limit, "203.0.113.77")).as("a new window starts afresh").isTrue();
	}

	@Test
	void onlyCountedFailuresUseUpALimit() {
		RateLimiter.Limit limit = new RateLimiter.Limit("test.code", 2, Duration.ofMinutes(15));
		RateLimiter limiter = new DatabaseRateLimiter(jdbc, Clock.fixed(nine, ZoneOffset.UTC), new DatabaseInstallationSecrets(jdbc));

		assertThat(limiter.exhausted(limit, "BO-2031-AAAAA")).isFalse();
		assertThat(limiter.exhausted(limit, "BO-2031-AAAAA")).as("asking does not count").isFalse();
		limiter.count(limit, "BO-2031-AAAAA");
		assertThat(limiter.exhausted(limit, "BO-2031-AAAAA")).isFalse();
		limiter.count(limit, "BO-2031-AAAAA");
		assertThat(limiter.exhausted(limit, "BO-2031-AAAAA")).isTrue();
		assertThat(limiter.exhausted(limit, "BO-2031-BBBBB")).isFalse();
	}

	@Test
	void aFailureGuardRefusesAClientThatFailedTooOftenButNotTheHolderElsewhere() {
		RateLimiter limiter = new DatabaseRateLimiter(jdbc, Clock.fixed(nine, ZoneOffset.UTC), new DatabaseInstallationSecrets(jdbc));
		RateLimiter.FailureGuard guard = limiter.failureGuard(new RateLimiter.Limit("test.guard.ref", 2, Duration.ofMinutes(15)),
				new RateLimiter.Limit("test.guard.client", 3, Duration.ofMinutes(15)));

		assertThat(guard.blocked("BO-2031-CCCCC", "192.0.2.1")).isFalse();
		guard.failed("BO-2031-CCCCC", "192.0.2.1");
		assertThat(guard.blocked("BO-2031-CCCCC", "192.0.2.1")).as("asking does not count").isFalse();
		guard.failed("BO-2031-CCCCC", "192.0.2.1");
		assertThat(guard.blocked("BO-2031-CCCCC", "192.0.2.1")).as("the guessing client is stopped").isTrue();
		assertThat(guard.blocked("BO-2031-CCCCC", "192.0.2.3"))
			.as("a stranger's wrong codes do not lock the holder out of their own reference").isFalse();
		assertThat(guard.blocked("BO-2031-DDDDD", "192.0.2.3")).as("another reference from a fresh client").isFalse();

		for (int client = 10; client < 10 + RateLimiter.FailureGuard.DISTRIBUTED_FACTOR; client++) {
			guard.failed("BO-2031-HHHHH", "198.51.100." + client);
			guard.failed("BO-2031-HHHHH", "198.51.100." + client);
		}
		assertThat(guard.blocked("BO-2031-HHHHH", "203.0.113.9"))
			.as("a guess spread over many addresses stops the reference for everyone").isTrue();

		guard.failed("BO-2031-DDDDD", "192.0.2.4");
		guard.failed("BO-2031-EEEEE", "192.0.2.4");
		assertThat(guard.blocked("BO-2031-FFFFF", "192.0.2.4")).as("one client's failures add up over references").isFalse();
		guard.failed("BO-2031-GGGGG", "192.0.2.4");
		assertThat(guard.blocked("BO-2031-FFFFF", "192.0.2.4")).as("the client is used up for any reference").isTrue();
	}

	@Test
	void theDatabaseKeepsNoAddressAndForgetsEndedWindows() {
		RateLimiter.Limit hourly = new RateLimiter.Limit("test.keep", 5, Duration.ofHours(1));
		RateLimiter.Limit daily = new RateLimiter.Limit("test.keep-day", 5, Duration.ofDays(1));
		Instant then = Instant.parse("2031-07-01T10:30:00Z");
		RateLimiter limiter = new DatabaseRateLimiter(jdbc, Clock.fixed(then, ZoneOffset.UTC), new DatabaseInstallationSecrets(jdbc));
		limiter.count(hourly, "198.51.100.23");
		limiter.count(daily, "person@example.org");

		assertThat(DatabaseSearch.rowsMentioning(jdbc, "198.51.100.23")).isEmpty();
		assertThat(DatabaseSearch.rowsMentioning(jdbc, "person@example.org")).isEmpty();

		RetentionRule retention = rules.stream().filter(r -> r.key().equals("platform.rate-limits")).findFirst().orElseThrow();
		Instant afterTheHour = Instant.parse("2031-07-01T11:00:00Z");
		long hourlyRows = rows("test.keep:%");
		long dailyRows = rows("test.keep-day:%");
		assertThat(retention.due(afterTheHour)).isGreaterThanOrEqualTo(1);
		retention.apply(afterTheHour);
		assertThat(rows("test.keep:%")).as("the hour is over").isEqualTo(hourlyRows - 1);
		assertThat(rows("test.keep-day:%")).as("the day still runs").isEqualTo(dailyRows);
		assertThat(retention.due(afterTheHour)).isZero();
	}

	private long rows(String bucket) {
		return jdbc.sql("select count(*) from platform_rate_limit where bucket like ?").param(bucket).query(Long.class).single();
	}
}
