package de.bochum.portal.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** One entry of the access audit log (public for the protocol page's template). */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String recordType,
		String recordId, String reason, String prevHash, String hash) {

	/** SHA-256 over the previous hash and every field, separated by a unit separator. */
	String computeHash() {
		String content = String.join("\u001f", prevHash, occurredAt.toString(), actor, action, recordType, recordId,
				reason);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
