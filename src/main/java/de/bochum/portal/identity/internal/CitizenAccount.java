package de.bochum.portal.identity.internal;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import de.bochum.portal.platform.PersonalData;

/**
 * An optional citizen account: an email address and a password, nothing more. Everything the
 * portal offers works without one; the account only gathers one's applications and bookings.
 */
@Entity
@Table(name = "citizen_account")
class CitizenAccount {

	private static final String BASIS = "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung durch Anlegen des Kontos)";
	private static final String UNTIL_DELETED = "bis Sie das Konto löschen; unbestätigte Konten 7 Tage";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@PersonalData(category = "Kontakt", purpose = "Anmeldung am Bürgerkonto und Nachrichten zu Ihren Anliegen",
			legalBasis = BASIS, retention = UNTIL_DELETED, visibleTo = "Sie selbst", label = "E-Mail-Adresse")
	@Column(nullable = false)
	private String email;

	@PersonalData(category = "Konto", purpose = "Anmeldung am Bürgerkonto", legalBasis = BASIS,
			retention = UNTIL_DELETED + "; nur als Argon2id-Hash, nie im Klartext", visibleTo = "niemand",
			label = "Passwort (als Hash)")
	@Column(name = "password_hash")
	private String passwordHash;

	@PersonalData(category = "Konto", purpose = "Anmeldung über ein Nutzerkonto eines Identitätsanbieters (BundID, Servicekonto des Landes)",
			legalBasis = BASIS, retention = UNTIL_DELETED, visibleTo = "niemand", label = "Anbieter des Nutzerkontos")
	@Column(name = "oidc_issuer")
	private String oidcIssuer;

	@PersonalData(category = "Konto", purpose = "Anmeldung über ein Nutzerkonto eines Identitätsanbieters (BundID, Servicekonto des Landes)",
			legalBasis = BASIS, retention = UNTIL_DELETED, visibleTo = "niemand",
			label = "Kennung beim Identitätsanbieter (pseudonym)")
	@Column(name = "oidc_subject")
	private String oidcSubject;

	@PersonalData(category = "Konto", purpose = "Nachweis, wann das Konto angelegt wurde", legalBasis = BASIS,
			retention = UNTIL_DELETED, visibleTo = "Sie selbst", label = "Zeitpunkt der Registrierung")
	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@PersonalData(category = "Konto", purpose = "Nachweis, dass die E-Mail-Adresse Ihnen gehört", legalBasis = BASIS,
			retention = UNTIL_DELETED, visibleTo = "Sie selbst", label = "Zeitpunkt der Bestätigung der E-Mail-Adresse")
	@Column(name = "email_verified_at")
	private Instant emailVerifiedAt;

	@PersonalData(category = "Konto", purpose = "Hinweis auf die letzte Anmeldung, damit Sie fremde Zugriffe bemerken",
			legalBasis = BASIS, retention = "wird bei jeder Anmeldung überschrieben; mit dem Konto gelöscht",
			visibleTo = "Sie selbst", label = "Zeitpunkt der letzten Anmeldung")
	@Column(name = "last_login_at")
	private Instant lastLoginAt;

	@Embedded
	private SignInFailures failures = new SignInFailures();

	protected CitizenAccount() {
	}

	CitizenAccount(String email, String passwordHash, Instant now) {
		this.email = email;
		this.passwordHash = passwordHash;
		this.createdAt = now;
	}

	/** An account a state identity provider vouches for: no password, the address as the provider confirmed it. */
	static CitizenAccount fromProvider(String email, String issuer, String subject, Instant now) {
		CitizenAccount account = new CitizenAccount(email, null, now);
		account.linkProvider(issuer, subject);
		account.verify(now);
		return account;
	}

	void linkProvider(String issuer, String subject) {
		this.oidcIssuer = issuer;
		this.oidcSubject = subject;
	}

	String oidcIssuer() {
		return oidcIssuer;
	}

	String oidcSubject() {
		return oidcSubject;
	}

	boolean hasPassword() {
		return passwordHash != null;
	}

	boolean linkedToProvider() {
		return oidcSubject != null;
	}

	Long id() {
		return id;
	}

	String email() {
		return email;
	}

	String passwordHash() {
		return passwordHash;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant emailVerifiedAt() {
		return emailVerifiedAt;
	}

	Instant lastLoginAt() {
		return lastLoginAt;
	}

	int failedAttempts() {
		return failures.count();
	}

	Instant lastFailedAt() {
		return failures.lastAt();
	}

	Instant lockedUntil() {
		return failures.lockedUntil();
	}

	boolean verified() {
		return emailVerifiedAt != null;
	}

	boolean isLockedAt(Instant now) {
		return failures.lockedAt(now);
	}

	void verify(Instant now) {
		if (emailVerifiedAt == null) {
			emailVerifiedAt = now;
		}
	}

	void recordFailure(Instant now, int maxFailures, Duration lockFor) {
		failures.record(now, maxFailures, lockFor);
	}

	void recordSuccess(Instant now) {
		failures.forget();
		lastLoginAt = now;
	}
}
