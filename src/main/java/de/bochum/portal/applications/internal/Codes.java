package de.bochum.portal.applications.internal;

import java.security.SecureRandom;
import java.time.Year;
import de.bochum.portal.platform.Hashes;


/**
 * Reference numbers people read out on the phone, and secret codes only their holder knows. The
 * alphabet leaves out characters that look alike (0/O, 1/I/L, U/V).
 */
final class Codes {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Codes() {
	}

	/** E.g. {@code BO-2026-7K4M9}: 29^5 ≈ 20 million per year, unique by the database. */
	static String reference(Year year) {
		return "BO-" + year.getValue() + "-" + random(5);
	}

	/** E.g. {@code 7K4M-9QXR-T2HB-WZ3A}: 16 characters, about 78 bits; shown once, only its hash is kept. */
	static String trackingCode() {
		String code = random(16);
		return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-" + code.substring(12);
	}

	/** A token for links (resume a draft): 32 characters, about 155 bits. */
	static String token() {
		return random(32);
	}

	static String random(int length) {
		StringBuilder code = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** What people type: upper case, without spaces or dashes, so "7k4m 9qxr…" is found too. */
	static String canonical(String code) {
		return code == null ? "" : code.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
	}

	/** Codes are random and long, so a fast hash is enough: there is nothing to guess from it. */
	static String hash(String code) {
		return Hashes.sha256Hex(canonical(code));
	}
}
