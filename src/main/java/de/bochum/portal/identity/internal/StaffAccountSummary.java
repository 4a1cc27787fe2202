package de.bochum.portal.identity.internal;

import java.time.Instant;
import java.util.List;

/** A staff account as the administration's pages show it (public for the templates). */
public record StaffAccountSummary(long id, String username, String displayName, List<String> roles,
		List<String> offices, boolean locked,
		Instant lastLoginAt, boolean mustChangePassword, Instant secondFactorSince, long version) {
}
