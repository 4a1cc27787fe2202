package de.bochum.portal.applications;

import java.time.Instant;

/**
 * A case moved from one state to another (also when the applicant answered a question and the
 * case went back to the office).
 *
 * @param actor the staff member's user name, or {@code antragsteller} for the applicant
 */
public record ApplicationStateChanged(String reference, String dienststelle, CaseState from, CaseState to,
		String actor, Instant at) {
}
