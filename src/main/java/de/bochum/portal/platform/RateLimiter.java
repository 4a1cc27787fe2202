package de.bochum.portal.platform;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts attempts per key in fixed windows, shared by every instance of the portal (the counters
 * live in PostgreSQL), so that guessing codes or flooding a form does not get easier by hitting
 * another instance. Keys are stored only as a keyed hash; callers pass an address or an email
 * address as it is.
 */
public interface RateLimiter {

	/** Counts one attempt and says whether it is still within the limit. */
	boolean allow(Limit limit, String key);

	/** Whether the key has used up its limit in the current window, without counting. */
	boolean exhausted(Limit limit, String key);

	/** Counts one attempt without asking, e.g. a failed one, so that only failures use up the limit. */
	void count(Limit limit, String key);

	/** Counter rows whose window has ended before {@code now}: they protect nothing any more. */
	long expired(Instant now);

	/** Deletes the counter rows {@link #expired(Instant)} counts; returns how many. */
	long deleteExpired(Instant now);

	/**
	 * At most {@code max} attempts per {@code window} for keys of one {@code kind} (e.g.
	 * {@code "termine.ip"}); the kind separates the counters of different limits.
	 */
	record Limit(String kind, int max, Duration window) {

		public Limit {
			if (kind == null || kind.isBlank() || kind.length() > 30 || max < 0 || window.toSeconds() < 1) {
				throw new IllegalArgumentException("invalid limit " + kind + " " + max + " " + window);
			}
		}
	}
}
