package de.bochum.portal.appointments.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import de.bochum.portal.platform.Hashes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Proof-of-work in the manner of ALTCHA: the server signs a challenge, the browser searches the
 * number that hashes to it (about {@code maxNumber / 2} SHA-256 hashes), the server checks the
 * signature, the hash, the expiry, and that the challenge is used once. Costless for one person,
 * expensive for a bot that books thousands. No third party, no tracking, no cookie.
 */
@Component
public class Altcha {

	enum Verdict {
		/** No solution sent (no JavaScript): allowed, with the stricter rate limit. */
		MISSING,
		VALID,
		/** Wrong, expired, forged or replayed. */
		INVALID
	}

	public record Challenge(String algorithm, String challenge, int maxNumber, String salt, String signature) {
	}

	private static final Pattern FIELD = Pattern.compile("\"(algorithm|challenge|number|salt|signature)\"\\s*:\\s*(\"([^\"]*)\"|(\\d+))");

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AppointmentProperties.Altcha settings;
	private final byte[] key;

	Altcha(JdbcClient jdbc, Clock clock, AppointmentProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = properties.altcha();
		this.key = settings.hmacKey().isBlank() ? Secrets.randomBytes(32) : settings.hmacKey().getBytes(StandardCharsets.UTF_8);
	}

	boolean enabled() {
		return settings.enabled();
	}

	Challenge challenge() {
		long expires = clock.instant().plusSeconds(settings.validMinutes() * 60L).getEpochSecond();
		String salt = HexFormat.of().formatHex(Secrets.randomBytes(12)) + "?expires=" + expires;
		int number = Secrets.randomInt(settings.maxNumber());
		String challenge = Hashes.sha256Hex(salt + number);
		return new Challenge("SHA-256", challenge, settings.maxNumber(), salt, hmac(challenge));
	}

	/** Checks a solution (Base64 of the JSON the solver sends) and uses it up. */
	Verdict verify(String payload) {
		if (payload == null || payload.isBlank()) {
			return Verdict.MISSING;
		}
		String json;
		try {
			json = new String(Base64.getDecoder().decode(payload.strip()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return Verdict.INVALID;
		}
		java.util.Map<String, String> fields = new java.util.HashMap<>();
		Matcher m = FIELD.matcher(json);
		while (m.find()) {
			fields.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(4));
		}
		String challenge = fields.get("challenge");
		String salt = fields.get("salt");
		String number = fields.get("number");
		String signature = fields.get("signature");
		if (!"SHA-256".equals(fields.get("algorithm")) || challenge == null || salt == null || number == null
				|| signature == null || !challenge.matches("[0-9a-f]{64}")) {
			return Verdict.INVALID;
		}
		Instant now = clock.instant();
		Matcher expires = Pattern.compile("[?&]expires=(\\d{1,12})").matcher(salt);
		if (!expires.find() || Instant.ofEpochSecond(Long.parseLong(expires.group(1))).isBefore(now)) {
			return Verdict.INVALID;
		}
		if (!MessageDigest.isEqual(hmac(challenge).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII))
				|| !MessageDigest.isEqual(Hashes.sha256Hex(salt + number).getBytes(StandardCharsets.US_ASCII),
						challenge.getBytes(StandardCharsets.US_ASCII))) {
			return Verdict.INVALID;
		}
		int fresh = jdbc.sql("insert into appointments_pow (challenge, expires_at) values (?, ?) on conflict do nothing")
			.params(challenge, Timestamp.from(Instant.ofEpochSecond(Long.parseLong(expires.group(1)))))
			.update();
		return fresh == 1 ? Verdict.VALID : Verdict.INVALID;
	}

	/** A keyed hash, also used to pseudonymise rate-limit keys. */
	String hmac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}
}
