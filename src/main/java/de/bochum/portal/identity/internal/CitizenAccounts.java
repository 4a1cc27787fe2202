package de.bochum.portal.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import de.bochum.portal.platform.Hashes;
import de.bochum.portal.platform.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizen accounts: registration with a confirmed email address, sign-in with lockout, and the
 * rules for passwords. Logs name accounts by number, never by address.
 */
@Service
class CitizenAccounts {

	private static final Logger log = LoggerFactory.getLogger(CitizenAccounts.class);

	static final int MIN_PASSWORD_LENGTH = 10;
	static final Duration TOKEN_VALIDITY = Duration.ofHours(24);
	static final Duration UNVERIFIED_KEPT = Duration.ofDays(7);
	private static final int MAX_FAILURES = 5;
	private static final Duration LOCK = Duration.ofMinutes(15);
	private static final SecureRandom RANDOM = new SecureRandom();
	private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern
		.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
	/**
	 * Passwords that appear at the top of every published breach list, and local words an attacker
	 * tries first. Short on purpose: the length rule already rules out most weak passwords.
	 */
	private static final Set<String> COMMON = Set.of("passwort123", "password123", "1234567890", "12345678910",
			"qwertz1234", "qwerty1234", "passwort1234", "hallo12345", "bochum1234", "bochum12345", "vfl-bochum",
			"vflbochum1848", "ichliebedich", "iloveyou123", "schalke0404", "borussia09", "sommer2026", "winter2026",
			"fussball123", "abcdefghij", "0987654321", "1111111111", "passwortpasswort");

	enum SignIn {
		OK, WRONG, LOCKED, UNVERIFIED
	}

	record SignInResult(SignIn outcome, Long accountId) {
	}

	private final CitizenAccountRepository repository;
	private final JdbcClient jdbc;
	private final Mailer mailer;
	private final Clock clock;
	private final String baseUrl;
	private final BreachedPasswords breached;
	private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
	/** Compared against when the address is unknown, so that timing does not reveal which addresses exist. */
	private final String dummyHash = encoder.encode("kein-konto-" + RANDOM.nextLong());

	CitizenAccounts(CitizenAccountRepository repository, JdbcClient jdbc, Mailer mailer, Clock clock,
			@Value("${portal.base-url:http://localhost:8080}") String baseUrl, BreachedPasswords breached) {
		this.breached = breached;
		this.repository = repository;
		this.jdbc = jdbc;
		this.mailer = mailer;
		this.clock = clock;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/** Checks the form; returns field → message key for each problem, empty if all is well. */
	Map<String, String> validate(String email, String password, String repeated) {
		Map<String, String> errors = new LinkedHashMap<>();
		String address = email == null ? "" : email.trim();
		if (address.isEmpty()) {
			errors.put("email", "citizen.error.email.empty");
		}
		else if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
			errors.put("email", "citizen.error.email.invalid");
		}
		String problem = passwordProblem(address, password);
		if (problem == null && breached.contains(password)) {
			problem = "citizen.error.password.breached";
		}
		if (problem != null) {
			errors.put("passwort", problem);
		}
		else if (!password.equals(repeated)) {
			errors.put("wiederholung", "citizen.error.password.mismatch");
		}
		return errors;
	}

	static String passwordProblem(String email, String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			return "citizen.error.password.short";
		}
		if (password.length() > 200) {
			return "citizen.error.password.long";
		}
		String lower = password.toLowerCase(Locale.GERMAN);
		String localPart = email.contains("@") ? email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT) : "";
		boolean oneCharacter = password.chars().distinct().count() <= 2;
		if (COMMON.contains(lower) || oneCharacter || (localPart.length() >= 4 && lower.contains(localPart))) {
			return "citizen.error.password.guessable";
		}
		return null;
	}

	/**
	 * Registers an account and mails the confirmation link. An address that already has an
	 * account gets a mail saying so instead; the page looks the same either way, so nobody can
	 * find out through the form who has an account.
	 */
	@Transactional
	void register(String email, String password) {
		String address = email.trim();
		Instant now = clock.instant();
		Optional<CitizenAccount> existing = repository.findByEmailIgnoreCase(address);
		if (existing.isPresent()) {
			mailer.send(address, "Ihr Bürgerkonto im Bochumportal", """
					Guten Tag,

					jemand wollte mit dieser E-Mail-Adresse ein Bürgerkonto im Bochumportal anlegen. \
					Sie haben aber schon eines. Wenn Sie das waren: Melden Sie sich an unter
					%s/konto/anmelden

					Wenn nicht, müssen Sie nichts tun.

					Ihre Stadt Bochum""".formatted(baseUrl));
			return;
		}
		CitizenAccount account = repository.save(new CitizenAccount(address, encoder.encode(password), now));
		sendConfirmation(account, now);
		log.info("Bürgerkonto {} angelegt, Bestätigung versandt", account.id());
	}

	private void sendConfirmation(CitizenAccount account, Instant now) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		jdbc.sql("insert into citizen_email_token (token_hash, account_id, expires_at) values (?, ?, ?)")
			.params(hash(token), account.id(), Timestamp.from(now.plus(TOKEN_VALIDITY)))
			.update();
		mailer.send(account.email(), "Bitte bestätigen Sie Ihre E-Mail-Adresse", """
				Guten Tag,

				Sie haben im Bochumportal ein Bürgerkonto angelegt. Bitte bestätigen Sie Ihre \
				E-Mail-Adresse mit diesem Link (24 Stunden gültig):
				%s/konto/bestaetigen?code=%s

				Wenn Sie kein Konto angelegt haben, müssen Sie nichts tun: Das Konto wird nach 7 Tagen \
				von selbst gelöscht.

				Ihre Stadt Bochum""".formatted(baseUrl, token));
	}

	/** Confirms the address behind a link; empty if the link is unknown or expired. */
	@Transactional
	Optional<Long> confirm(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<Long> accountId = jdbc.sql("delete from citizen_email_token where token_hash = ? and expires_at > ? returning account_id")
			.params(hash(token), Timestamp.from(now))
			.query(Long.class)
			.optional();
		accountId.flatMap(repository::findById).ifPresent(account -> account.verify(now));
		return accountId;
	}

	@Transactional
	SignInResult signIn(String email, String password) {
		Instant now = clock.instant();
		Optional<CitizenAccount> found = email == null ? Optional.empty() : repository.findByEmailIgnoreCase(email.trim());
		if (found.isEmpty()) {
			encoder.matches(password == null ? "" : password, dummyHash);
			return new SignInResult(SignIn.WRONG, null);
		}
		CitizenAccount account = found.get();
		return checked(account, now,
				() -> password != null && account.hasPassword() && encoder.matches(password, account.passwordHash()));
	}

	/**
	 * The rules every way of signing in shares: a locked account is refused before the proof is even
	 * checked, a proof that does not hold counts as a failed attempt, and an unconfirmed address cannot
	 * sign in.
	 */
	private SignInResult checked(CitizenAccount account, Instant now, java.util.function.BooleanSupplier proofHolds) {
		if (account.isLockedAt(now)) {
			return new SignInResult(SignIn.LOCKED, null);
		}
		if (!proofHolds.getAsBoolean()) {
			account.recordFailure(now, MAX_FAILURES, LOCK);
			return new SignInResult(account.isLockedAt(now) ? SignIn.LOCKED : SignIn.WRONG, null);
		}
		if (!account.verified()) {
			return new SignInResult(SignIn.UNVERIFIED, null);
		}
		account.recordSuccess(now);
		return new SignInResult(SignIn.OK, account.id());
	}

	/** Sign-in with a passkey of this account, under the same rules as the password ({@link #checked}). */
	@Transactional
	SignInResult signInWithPasskey(long accountId, java.util.function.BooleanSupplier signatureHolds) {
		Instant now = clock.instant();
		Optional<CitizenAccount> found = repository.findById(accountId);
		if (found.isEmpty()) {
			return new SignInResult(SignIn.WRONG, null);
		}
		return checked(found.get(), now, signatureHolds);
	}

	/** Outcome of a sign-in through a state identity provider. */
	enum ProviderSignIn {
		OK, NO_VERIFIED_EMAIL, EMAIL_TAKEN, LOCKED
	}

	record ProviderSignInResult(ProviderSignIn outcome, Long accountId) {
	}

	/**
	 * The provider vouched for the person: the account linked to its issuer and subject, else a new
	 * one. An existing password account with the same address is linked only when the provider
	 * confirmed the address and the account had confirmed it too; anything else could hand one
	 * person's account to another.
	 */
	@Transactional
	ProviderSignInResult signInWithProvider(String issuer, String subject, String email, boolean emailVerified) {
		Instant now = clock.instant();
		Optional<CitizenAccount> linked = repository.findByOidcIssuerAndOidcSubject(issuer, subject);
		if (linked.isPresent()) {
			return providerSignIn(linked.get(), now);
		}
		if (email == null || email.isBlank() || !emailVerified) {
			return new ProviderSignInResult(ProviderSignIn.NO_VERIFIED_EMAIL, null);
		}
		Optional<CitizenAccount> sameAddress = repository.findByEmailIgnoreCase(email.trim());
		if (sameAddress.isPresent()) {
			CitizenAccount account = sameAddress.get();
			if (!account.verified() || account.linkedToProvider()) {
				return new ProviderSignInResult(ProviderSignIn.EMAIL_TAKEN, null);
			}
			account.linkProvider(issuer, subject);
			log.info("Bürgerkonto {} mit Identitätsanbieter verknüpft", account.id());
			return providerSignIn(account, now);
		}
		CitizenAccount account = repository.save(CitizenAccount.fromProvider(email.trim(), issuer, subject, now));
		log.info("Bürgerkonto {} über Identitätsanbieter angelegt", account.id());
		return providerSignIn(account, now);
	}

	private static ProviderSignInResult providerSignIn(CitizenAccount account, Instant now) {
		if (account.isLockedAt(now)) {
			return new ProviderSignInResult(ProviderSignIn.LOCKED, null);
		}
		account.recordSuccess(now);
		return new ProviderSignInResult(ProviderSignIn.OK, account.id());
	}

	@Transactional(readOnly = true)
	Optional<CitizenAccount> find(long id) {
		return repository.findById(id);
	}

	@Transactional(readOnly = true)
	boolean passwordMatches(long id, String password) {
		return password != null && repository.findById(id)
			.filter(CitizenAccount::hasPassword)
			.map(a -> encoder.matches(password, a.passwordHash()))
			.orElse(false);
	}

	@Transactional
	void delete(long id) {
		repository.deleteById(id);
		repository.flush();
		log.info("Bürgerkonto {} gelöscht", id);
	}

	static String hash(String token) {
		return Hashes.sha256Hex(token);
	}
}
