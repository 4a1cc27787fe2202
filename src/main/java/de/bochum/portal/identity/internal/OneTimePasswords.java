package de.bochum.portal.identity.internal;

import java.security.SecureRandom;

/** One-time passwords for new accounts and resets: 20 characters without look-alikes (0/O, 1/l/I). */
final class OneTimePasswords {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
	private static final SecureRandom RANDOM = new SecureRandom();

	private OneTimePasswords() {
	}

	static String generate() {
		StringBuilder password = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}
