package de.bochum.portal.applications.internal;

import java.time.Duration;

import de.bochum.portal.platform.RateLimiter;

import org.springframework.stereotype.Component;

/**
 * Slows down guessing of tracking codes: after 5 wrong codes for one reference number, or 20 wrong
 * attempts from one client, within 15 minutes, further attempts are refused until the window has
 * passed. With codes of about 78 bits this leaves no realistic chance. Only failures count, so a
 * person who mistypes once and then succeeds is not held back.
 */
@Component
class TrackingGuard {

	static final RateLimiter.Limit PER_REFERENCE = new RateLimiter.Limit("antrag.status.vorgang", 5, Duration.ofMinutes(15));
	static final RateLimiter.Limit PER_CLIENT = new RateLimiter.Limit("antrag.status.client", 20, Duration.ofMinutes(15));

	private final RateLimiter limiter;

	TrackingGuard(RateLimiter limiter) {
		this.limiter = limiter;
	}

	boolean blocked(String reference, String client) {
		return limiter.exhausted(PER_REFERENCE, reference) || limiter.exhausted(PER_CLIENT, client);
	}

	void failed(String reference, String client) {
		limiter.count(PER_REFERENCE, reference);
		limiter.count(PER_CLIENT, client);
	}
}
