package de.bochum.portal.privacy.internal;

import java.time.Instant;

/** One recorded run of one retention rule (public for the template). */
public record RetentionRun(String key, Instant startedAt, long affected, String failure, String triggeredBy) {
}
