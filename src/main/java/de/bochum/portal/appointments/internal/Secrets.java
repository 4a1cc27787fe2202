package de.bochum.portal.appointments.internal;

import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets; the database keeps only their hash ({@link de.bochum.portal.platform.Hashes}). */
final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final String REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private Secrets() {
	}

	/** 256 random bits, URL-safe. */
	static String token() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A short reference people can read out at the counter, without 0/O and 1/I. */
	static String reference() {
		StringBuilder reference = new StringBuilder("T-");
		for (int i = 0; i < 6; i++) {
			reference.append(REFERENCE_ALPHABET.charAt(RANDOM.nextInt(REFERENCE_ALPHABET.length())));
		}
		return reference.toString();
	}

	static byte[] randomBytes(int n) {
		byte[] bytes = new byte[n];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	static int randomInt(int boundInclusive) {
		return RANDOM.nextInt(boundInclusive + 1);
	}
}
