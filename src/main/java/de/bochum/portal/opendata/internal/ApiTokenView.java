package de.bochum.portal.opendata.internal;

import java.time.Instant;
import java.util.UUID;

/** An API token as its owner sees it in the list: never the token itself. */
public record ApiTokenView(UUID id, String label, Instant created, Instant lastUsed, Instant expires, boolean expired) {
}
