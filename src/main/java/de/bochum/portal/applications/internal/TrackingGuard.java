package de.bochum.portal.applications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down guessing of tracking codes: after 5 wrong codes for one reference number, or 20 wrong
 * attempts from one client, within 15 minutes, further attempts are refused until the window has
 * passed. With codes of about 78 bits this leaves no realistic chance. Kept in memory per instance
 * (a reverse proxy's rate limit covers many instances).
 */
@Component
class TrackingGuard {

	static final Duration WINDOW = Duration.ofMinutes(15);
	static final int PER_REFERENCE = 5;
	static final int PER_CLIENT = 20;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
	private final Clock clock;

	TrackingGuard(Clock clock) {
		this.clock = clock;
	}

	boolean blocked(String reference, String client) {
		return count("ref:" + reference) >= PER_REFERENCE || count("client:" + client) >= PER_CLIENT;
	}

	void failed(String reference, String client) {
		add("ref:" + reference);
		add("client:" + client);
	}

	private int count(String key) {
		Deque<Instant> times = failures.get(key);
		if (times == null) {
			return 0;
		}
		synchronized (times) {
			Instant limit = clock.instant().minus(WINDOW);
			while (!times.isEmpty() && times.peekFirst().isBefore(limit)) {
				times.pollFirst();
			}
			return times.size();
		}
	}

	private void add(String key) {
		if (failures.size() > 100_000) {
			failures.clear();
		}
		Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
		synchronized (times) {
			times.addLast(clock.instant());
		}
	}
}
