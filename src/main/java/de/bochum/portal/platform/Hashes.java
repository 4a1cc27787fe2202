package de.bochum.portal.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 for values that are random and long (tokens, codes, file contents): there is nothing to
 * guess from such a hash, so a fast one is right. Passwords take Argon2id instead, and guessable
 * values (addresses) a keyed hash.
 */
public final class Hashes {

	private Hashes() {
	}

	public static byte[] sha256(byte[] content) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(content);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	public static byte[] sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Lower-case hex of the SHA-256 of the UTF-8 bytes of {@code text}. */
	public static String sha256Hex(String text) {
		return HexFormat.of().formatHex(sha256(text));
	}

	public static String sha256Hex(byte[] content) {
		return HexFormat.of().formatHex(sha256(content));
	}
}
