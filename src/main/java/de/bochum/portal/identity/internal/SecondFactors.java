package de.bochum.portal.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import de.bochum.portal.platform.Hashes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of staff sign-in: a TOTP authenticator app, and recovery codes for when the
 * phone is lost. Wrong codes count towards the same lockout as wrong passwords, so knowing a
 * password does not buy unlimited guesses at the code.
 */
@Service
class SecondFactors {

	private static final Logger log = LoggerFactory.getLogger(SecondFactors.class);

	static final int RECOVERY_CODES = 10;
	/** Base32 without the easily confused 0/O and 1/I/L. */
	private static final char[] RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	/** Outcome of a typed code. */
	enum Outcome {
		ACCEPTED, WRONG, LOCKED
	}

	/** Outcome of setting up the authenticator, with the recovery codes if it worked. */
	record Enrolment(Outcome outcome, List<String> recoveryCodes) {
	}

	private final StaffAccountRepository repository;
	private final JdbcClient jdbc;
	private final LockoutProperties lockout;
	private final Clock clock;
	private final boolean requiredForAll;

	SecondFactors(StaffAccountRepository repository, JdbcClient jdbc, LockoutProperties lockout, Clock clock,
			@Value("${portal.identity.second-factor:required}") String mode) {
		this.repository = repository;
		this.jdbc = jdbc;
		this.lockout = lockout;
		this.clock = clock;
		this.requiredForAll = !"optional".equalsIgnoreCase(mode.trim());
	}

	/** Whether this person must pass a second factor (set one up first, if they have none). */
	@Transactional(readOnly = true)
	boolean requiredFor(String username) {
		return requiredForAll || enrolled(username);
	}

	@Transactional(readOnly = true)
	boolean enrolled(String username) {
		return repository.findByUsernameIgnoreCase(username).map(StaffAccount::hasSecondFactor).orElse(false);
	}

	/** Checks a code from the authenticator app or a recovery code. */
	@Transactional
	Outcome verify(String username, String typed) {
		StaffAccount account = repository.findByUsernameIgnoreCase(username).orElseThrow();
		if (account.isLockedAt(clock.instant())) {
			return Outcome.LOCKED;
		}
		OptionalLong step = Totp.matchingStep(account.totpSecret(), typed, clock.instant(), account.totpLastStep());
		if (step.isPresent()) {
			account.useTotpStep(step.getAsLong());
		}
		else if (!useRecoveryCode(account.id(), typed)) {
			return failure(account);
		}
		account.recordSuccess(clock.instant());
		return Outcome.ACCEPTED;
	}

	/** Sets up the authenticator whose secret the person scanned, proven by a code from it. */
	@Transactional
	Enrolment enrol(String username, String secret, String typed) {
		StaffAccount account = repository.findByUsernameIgnoreCase(username).orElseThrow();
		if (account.isLockedAt(clock.instant())) {
			return new Enrolment(Outcome.LOCKED, List.of());
		}
		OptionalLong step = Totp.matchingStep(secret, typed, clock.instant(), null);
		if (step.isEmpty()) {
			return new Enrolment(failure(account), List.of());
		}
		account.enrolTotp(secret, step.getAsLong(), clock.instant());
		account.recordSuccess(clock.instant());
		log.info("Konto {}: zweiter Faktor eingerichtet", account.id());
		return new Enrolment(Outcome.ACCEPTED, newRecoveryCodes(account.id()));
	}

	/** Enrols a secret the operator provisioned (first administrator); no code to prove it. */
	@Transactional
	void enrolProvisioned(String username, String secret) {
		StaffAccount account = repository.findByUsernameIgnoreCase(username).orElseThrow();
		account.enrolTotp(secret, Totp.step(clock.instant()) - 2, clock.instant());
	}

	/**
	 * The phone is lost: removes the authenticator, the recovery codes and the passkeys; the next
	 * sign-in sets up anew.
	 */
	@Transactional
	void reset(long accountId) {
		StaffAccount account = repository.findById(accountId).orElseThrow();
		account.resetSecondFactor();
		jdbc.sql("delete from staff_recovery_code where account_id = ?").param(accountId).update();
		forgetPasskeys(account.username());
		log.info("Konto {}: zweiter Faktor zurückgesetzt", accountId);
	}

	/** Passkeys hang on the user name (Spring Security's tables); their credentials go with them. */
	void forgetPasskeys(String username) {
		jdbc.sql("delete from user_entities where lower(name) = lower(?)").param(username).update();
	}

	/** Replaces the recovery codes; returns them in clear text, the only time they exist so. */
	@Transactional
	List<String> newRecoveryCodes(long accountId) {
		jdbc.sql("delete from staff_recovery_code where account_id = ?").param(accountId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String code = randomCode();
			codes.add(code);
			jdbc.sql("insert into staff_recovery_code (account_id, code_hash) values (?, ?)")
				.params(accountId, hash(code))
				.update();
		}
		return codes;
	}

	@Transactional(readOnly = true)
	int unusedRecoveryCodes(long accountId) {
		return jdbc.sql("select count(*) from staff_recovery_code where account_id = ? and used_at is null")
			.param(accountId)
			.query(Integer.class)
			.single();
	}

	private Outcome failure(StaffAccount account) {
		account.recordFailure(clock.instant(), lockout.maxFailures(), lockout.duration());
		if (account.isLockedAt(clock.instant())) {
			log.warn("Konto {} nach {} falschen Anmeldecodes gesperrt", account.id(), account.failedAttempts());
			return Outcome.LOCKED;
		}
		return Outcome.WRONG;
	}

	private boolean useRecoveryCode(long accountId, String typed) {
		if (typed == null || typed.isBlank() || typed.length() > 40) {
			return false;
		}
		int used = jdbc.sql("""
				update staff_recovery_code set used_at = ?
				where account_id = ? and code_hash = ? and used_at is null""")
			.params(java.sql.Timestamp.from(clock.instant()), accountId, hash(typed))
			.update();
		if (used > 0) {
			log.info("Konto {}: Wiederherstellungscode genutzt", accountId);
		}
		return used > 0;
	}

	private static String randomCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(RECOVERY_ALPHABET[RANDOM.nextInt(RECOVERY_ALPHABET.length)]);
		}
		return code.toString();
	}

	/** Codes carry 49 random bits, so a fast hash suffices; case, spaces and dashes are forgiven. */
	static String hash(String code) {
		String normalized = code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
		return Hashes.sha256Hex(normalized);
	}
}
