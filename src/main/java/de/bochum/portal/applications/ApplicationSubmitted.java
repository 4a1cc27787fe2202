package de.bochum.portal.applications;

import java.time.Instant;

/**
 * A citizen submitted an application. Carries no answers: listeners that need more ask the
 * module, so personal data does not spread through the event registry.
 */
public record ApplicationSubmitted(String reference, String formId, int formVersion, String dienststelle,
		Instant at) {
}
