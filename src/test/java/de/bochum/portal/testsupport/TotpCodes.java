package de.bochum.portal.testsupport;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * Plays the staff member's authenticator app in tests: an RFC 6238 implementation of its own,
 * written from the RFC rather than shared with the portal's, so a fault in one shows in the other.
 */
public final class TotpCodes {

	/** The authenticator secret of the test administrator and of every {@link StaffFixtures} account. */
	public static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	private TotpCodes() {
	}

	/** The 6-digit code for a 30-second time step. */
	public static String code(String base32Secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1"));
			byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int o = h[19] & 0xf;
			int value = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff))
					% 1_000_000;
			return String.format("%06d", value);
		}
		catch (GeneralSecurityException e) {
			throw new AssertionError(e);
		}
	}

	public static long currentStep() {
		return Instant.now().getEpochSecond() / 30;
	}

	/**
	 * A code the portal will accept for this account now: the portal takes each time step only
	 * once, and tests sign the same person in several times a minute, so this uses the step after
	 * the last one used (the portal allows one step of clock drift), waiting if need be.
	 */
	public static String freshCode(String username, String base32Secret) {
		Long last = lastUsedStep(username);
		while (true) {
			long now = currentStep();
			long step = last == null ? now : Math.max(now - 1, last + 1);
			if (step <= now + 1) {
				return code(base32Secret, step);
			}
			sleep(1000);
		}
	}

	private static Long lastUsedStep(String username) {
		try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl());
				PreparedStatement query = connection.prepareStatement(
						"select totp_last_step from staff_account where lower(username) = lower(?)")) {
			query.setString(1, username);
			try (ResultSet row = query.executeQuery()) {
				if (!row.next()) {
					return null;
				}
				long step = row.getLong(1);
				return row.wasNull() ? null : step;
			}
		}
		catch (SQLException e) {
			throw new AssertionError(e);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}
}
