package de.bochum.portal.identity.internal;

import java.time.Instant;

/** A registered passkey as the passkey page lists it (public for the template). */
public record PasskeyEntry(String id, String label, Instant created, Instant lastUsed) {
}
