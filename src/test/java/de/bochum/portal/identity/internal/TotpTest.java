package de.bochum.portal.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {

	private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	/** RFC 6238, Appendix B, the SHA-1 rows. */
	@ParameterizedTest
	@CsvSource({ "59,94287082", "1111111109,07081804", "1111111111,14050471", "1234567890,89005924",
			"2000000000,69279037", "20000000000,65353130" })
	void matchesTheRfcTestVectors(long unixSeconds, String expected) {
		assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(unixSeconds)), 8)).isEqualTo(expected);
	}

	@Test
	void acceptsOneStepOfClockDriftButNotTwo() {
		String secret = new Base32().encodeToString(RFC_KEY);
		Instant now = Instant.ofEpochSecond(1_234_567_890);
		long step = Totp.step(now);
		assertThat(Totp.matchingStep(secret, Totp.code(RFC_KEY, step - 1, 6), now, null)).hasValue(step - 1);
		assertThat(Totp.matchingStep(secret, Totp.code(RFC_KEY, step + 1, 6), now, null)).hasValue(step + 1);
		assertThat(Totp.matchingStep(secret, Totp.code(RFC_KEY, step - 2, 6), now, null)).isEmpty();
	}

	@Test
	void aUsedStepIsNeverAcceptedAgain() {
		String secret = new Base32().encodeToString(RFC_KEY);
		Instant now = Instant.ofEpochSecond(1_234_567_890);
		String code = Totp.code(RFC_KEY, Totp.step(now), 6);
		assertThat(Totp.matchingStep(secret, code, now, Totp.step(now))).isEmpty();
		assertThat(Totp.matchingStep(secret, code.substring(0, 3) + " " + code.substring(3), now, null))
			.as("spaces as the apps show them").isPresent();
		assertThat(Totp.matchingStep(secret, "12345", now, null)).isEmpty();
		assertThat(Totp.matchingStep(secret, "abcdef", now, null)).isEmpty();
	}

	@Test
	void newSecretsAreRandomAndReadableByApps() {
		String one = Totp.newSecret();
		assertThat(one).matches("[A-Z2-7]{32}").isNotEqualTo(Totp.newSecret());
		assertThat(Totp.provisioningUri("Bochumportal", "erika mustermann", one))
			.startsWith("otpauth://totp/Bochumportal:erika%20mustermann?secret=" + one)
			.contains("&issuer=Bochumportal", "&digits=6", "&period=30");
	}
}
