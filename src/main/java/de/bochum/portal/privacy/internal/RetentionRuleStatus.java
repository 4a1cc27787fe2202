package de.bochum.portal.privacy.internal;

import java.time.Instant;

/** One line of the retention page: a rule, what is due now, and its last run (public for the template). */
public record RetentionRuleStatus(String key, String description, long due, Instant lastRun, Long lastAffected,
		String lastFailure) {
}
