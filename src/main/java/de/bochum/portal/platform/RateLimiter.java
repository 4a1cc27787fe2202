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
	 * Slows down guessing of a secret (a code that belongs to a reference number, say): once a client
	 * has used up its limit of failures for one reference, or for all references together, its further
	 * attempts are refused until the window has passed. Only failures count, so a person who mistypes
	 * once and then succeeds is not held back. Failures for one reference count per client, so a
	 * stranger's wrong codes cannot lock the holder out of their own reference; only a reference that
	 * {@value FailureGuard#DISTRIBUTED_FACTOR} times as many failures hit from many clients together is refused to
	 * everyone, which stops a guess spread over many addresses.
	 */
	final class FailureGuard {

		/** How many times the per-client failures for one reference stop it for everyone. */
		public static final int DISTRIBUTED_FACTOR = 10;

		private final RateLimiter limiter;
		private final Limit perReferenceAndClient;
		private final Limit perReference;
		private final Limit perClient;

		private FailureGuard(RateLimiter limiter, Limit perReference, Limit perClient) {
			this.limiter = limiter;
			this.perReferenceAndClient = perReference;
			this.perReference = new Limit(perReference.kind().substring(0, Math.min(25, perReference.kind().length())) + ".alle",
					perReference.max() * DISTRIBUTED_FACTOR, perReference.window());
			this.perClient = perClient;
		}

		/** Whether attempts for this reference from this client are refused now. */
		public boolean blocked(String reference, String client) {
			return limiter.exhausted(perReferenceAndClient, pair(reference, client))
					|| limiter.exhausted(perClient, client) || limiter.exhausted(perReference, reference);
		}

		/** Counts a failed attempt against the limits. */
		public void failed(String reference, String client) {
			limiter.count(perReferenceAndClient, pair(reference, client));
			limiter.count(perReference, reference);
			limiter.count(perClient, client);
		}

		private static String pair(String reference, String client) {
			return reference + "\u0000" + client;
		}
	}
}
