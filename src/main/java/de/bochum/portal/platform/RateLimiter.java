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

	/** A guard over this limiter that refuses after too many failures per secret or per client. */
	default FailureGuard failureGuard(Limit perReference, Limit perClient) {
		return new FailureGuard(this, perReference, perClient);
	}

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

	/**
	 * Slows down guessing of a secret (a code that belongs to a reference number, say): once the
	 * reference or the client has used up its limit of failures, further attempts are refused until
	 * the window has passed. Only failures count, so a person who mistypes once and then succeeds is
	 * not held back; counting per reference as well as per client stops both one client trying many
	 * references and many clients trying one.
	 */
	final class FailureGuard {

		private final RateLimiter limiter;
		private final Limit perReference;
		private final Limit perClient;

		private FailureGuard(RateLimiter limiter, Limit perReference, Limit perClient) {
			this.limiter = limiter;
			this.perReference = perReference;
			this.perClient = perClient;
		}

		/** Whether attempts for this reference or from this client are refused now. */
		public boolean blocked(String reference, String client) {
			return limiter.exhausted(perReference, reference) || limiter.exhausted(perClient, client);
		}

		/** Counts a failed attempt against both limits. */
		public void failed(String reference, String client) {
			limiter.count(perReference, reference);
			limiter.count(perClient, client);
		}
	}
}
