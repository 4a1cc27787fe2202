package de.bochum.portal.identity.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238, the variant every authenticator app speaks: HMAC-SHA1,
 * 6 digits, 30-second steps). A code is accepted one step early or late, for clocks that drift,
 * and each step only once, so an observed code cannot be replayed.
 */
final class Totp {

	static final int DIGITS = 6;
	static final long STEP_SECONDS = 30;
	private static final int SECRET_BYTES = 20;
	private static final SecureRandom RANDOM = new SecureRandom();
	private static final Base32 BASE32 = new Base32();

	private Totp() {
	}

	/** A new shared secret, Base32 without padding, as authenticator apps expect it. */
	static String newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return BASE32.encodeToString(secret).replace("=", "");
	}

	static long step(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
	}

	/** The code for one time step; {@code digits} is 6 in the portal and 8 in RFC 6238's test vectors. */
	static String code(byte[] key, long step, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			int otp = binary % (int) Math.pow(10, digits);
			return String.format("%0" + digits + "d", otp);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
		}
	}

	/**
	 * The time step a typed code belongs to, if it is valid now and newer than the last step used;
	 * empty otherwise. Spaces (as apps show "123 456") are ignored.
	 */
	static OptionalLong matchingStep(String secret, String typed, Instant now, Long lastUsedStep) {
		if (secret == null || typed == null) {
			return OptionalLong.empty();
		}
		String code = typed.replace(" ", "");
		if (!code.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		byte[] key = BASE32.decode(secret);
		long current = step(now);
		for (long step = current - 1; step <= current + 1; step++) {
			boolean fresh = lastUsedStep == null || step > lastUsedStep;
			if (fresh && MessageDigest.isEqual(code(key, step, DIGITS).getBytes(), code.getBytes())) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	/** The {@code otpauth://} address an authenticator app reads from the QR code. */
	static String provisioningUri(String issuer, String account, String secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}
}
