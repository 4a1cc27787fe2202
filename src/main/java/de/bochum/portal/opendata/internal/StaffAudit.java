package de.bochum.portal.opendata.internal;

import java.time.Instant;

/** One line of a dataset's audit trail: who did what when, through the staff pages or the API. */
public record StaffAudit(Instant at, String actor, String action, String channel, String detail) {
}
