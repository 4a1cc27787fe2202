package de.bochum.portal.privacy.internal;

import java.time.Instant;

import de.bochum.portal.platform.RateLimiter;
import de.bochum.portal.privacy.RetentionRule;

import org.springframework.stereotype.Component;

/**
 * The platform's attempt counters hold keyed hashes of addresses; privacy runs their deletion with
 * every other rule, so the staff page shows it and the platform need not know about retention.
 */
@Component
class RateLimitRetention implements RetentionRule {

	private final RateLimiter limiter;

	RateLimitRetention(RateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public String key() {
		return "platform.rate-limits";
	}

	@Override
	public String description() {
		return "Zähler der Ratenbegrenzung nach Ende ihres Zeitfensters löschen";
	}

	@Override
	public long due(Instant now) {
		return limiter.expired(now);
	}

	@Override
	public long apply(Instant now) {
		return limiter.deleteExpired(now);
	}
}
