package de.bochum.portal.privacy.internal;

import java.time.Instant;
import de.bochum.portal.platform.Hashes;


/** One entry of the access audit log (public for the protocol page's template). */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String recordType,
		String recordId, String reason, String prevHash, String hash) {

	/** SHA-256 over the previous hash and every field, separated by a unit separator. */
	String computeHash() {
		String content = String.join("\u001f", prevHash, occurredAt.toString(), actor, action, recordType, recordId,
				reason);
		return Hashes.sha256Hex(content);
	}
}
