package de.bochum.portal.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import de.bochum.portal.identity.Role;
import de.bochum.portal.platform.PersonalData;

/** A staff member who signs in at {@code /intern/anmelden}. */
@Entity
@Table(name = "staff_account")
class StaffAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@PersonalData(category = "Konto", purpose = "Anmeldung der Beschäftigten im internen Bereich",
			legalBasis = "Art. 6 Abs. 1 lit. c und e DSGVO, § 26 BDSG / Art. 88 DSGVO (Beschäftigtendaten)",
			retention = "bis zur Löschung des Kontos beim Ausscheiden", visibleTo = "Administration",
			label = "Benutzername")
	@Column(nullable = false, unique = true)
	private String username;

	@PersonalData(category = "Konto", purpose = "Anzeige, wer im internen Bereich angemeldet ist",
			legalBasis = "Art. 6 Abs. 1 lit. c und e DSGVO, § 26 BDSG / Art. 88 DSGVO (Beschäftigtendaten)",
			retention = "bis zur Löschung des Kontos beim Ausscheiden", visibleTo = "Administration",
			label = "Anzeigename")
	@Column(name = "display_name", nullable = false)
	private String displayName;

	@PersonalData(category = "Konto", purpose = "Anmeldung der Beschäftigten im internen Bereich",
			legalBasis = "Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 32 DSGVO (Sicherheit der Verarbeitung)",
			retention = "bis zur Löschung des Kontos; nur als bcrypt-Hash, nie im Klartext", visibleTo = "niemand",
			label = "Passwort (als Hash)")
	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "staff_account_role", joinColumns = @JoinColumn(name = "account_id"))
	@Enumerated(EnumType.STRING)
	@Column(name = "role", nullable = false)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "staff_account_office", joinColumns = @JoinColumn(name = "account_id"))
	@Column(name = "office", nullable = false)
	private Set<String> offices = new java.util.TreeSet<>();

	@Embedded
	private SignInFailures failures = new SignInFailures();

	@PersonalData(category = "Konto", purpose = "Anmeldung der Beschäftigten im internen Bereich",
			legalBasis = "Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 32 DSGVO (Sicherheit der Verarbeitung)",
			retention = "bis das Einmalpasswort ersetzt ist; mit dem Konto gelöscht", visibleTo = "Administration",
			label = "Hinweis, dass ein Einmalpasswort ersetzt werden muss")
	@Column(name = "must_change_password", nullable = false)
	private boolean mustChangePassword;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@PersonalData(category = "Konto", purpose = "Erkennen ungenutzter Konten",
			legalBasis = "Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 32 DSGVO (Sicherheit der Verarbeitung)",
			retention = "wird bei jeder Anmeldung überschrieben; mit dem Konto gelöscht", visibleTo = "Administration",
			label = "Zeitpunkt der letzten Anmeldung")
	@Column(name = "last_login_at")
	private Instant lastLoginAt;

	@PersonalData(category = "Konto", purpose = "Zweiter Faktor bei der Anmeldung der Beschäftigten (Authenticator-App)",
			legalBasis = "Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 32 DSGVO (Sicherheit der Verarbeitung)",
			retention = "bis zum Zurücksetzen des zweiten Faktors; mit dem Konto gelöscht", visibleTo = "niemand",
			label = "Geheimer Schlüssel der Authenticator-App")
	@Column(name = "totp_secret")
	private String totpSecret;

	@PersonalData(category = "Konto", purpose = "Verhindern, dass ein Anmeldecode zweimal genutzt wird",
			legalBasis = "Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 32 DSGVO (Sicherheit der Verarbeitung)",
			retention = "wird bei jeder Anmeldung überschrieben; mit dem Konto gelöscht", visibleTo = "niemand",
			label = "Zeitfenster des zuletzt genutzten Anmeldecodes")
	@Column(name = "totp_last_step")
	private Long totpLastStep;

	@PersonalData(category = "Konto", purpose = "Nachweis, seit wann das Konto mit zweitem Faktor geschützt ist",
			legalBasis = "Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 32 DSGVO (Sicherheit der Verarbeitung)",
			retention = "bis zum Zurücksetzen des zweiten Faktors; mit dem Konto gelöscht", visibleTo = "Administration",
			label = "Zeitpunkt der Einrichtung des zweiten Faktors")
	@Column(name = "totp_enrolled_at")
	private Instant totpEnrolledAt;

	@Version
	@Column(nullable = false)
	private long version;

	protected StaffAccount() {
	}

	StaffAccount(String username, String displayName, String passwordHash, Set<Role> roles,
			boolean mustChangePassword, Instant now) {
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.mustChangePassword = mustChangePassword;
		this.createdAt = now;
	}

	Long id() {
		return id;
	}

	String username() {
		return username;
	}

	String displayName() {
		return displayName;
	}

	String passwordHash() {
		return passwordHash;
	}

	Set<Role> roles() {
		return Set.copyOf(roles);
	}

	boolean mustChangePassword() {
		return mustChangePassword;
	}

	int failedAttempts() {
		return failures.count();
	}

	boolean isLockedAt(Instant now) {
		return failures.lockedAt(now);
	}

	/** Counts a failed sign-in; at {@code maxFailures} the account is locked for {@code lockFor}. */
	void recordFailure(Instant now, int maxFailures, java.time.Duration lockFor) {
		failures.record(now, maxFailures, lockFor);
	}

	void recordSuccess(Instant now) {
		failures.forget();
		lastLoginAt = now;
	}

	void changePassword(String newHash) {
		passwordHash = newHash;
		mustChangePassword = false;
	}

	/** An administrator set a one-time password: it must be replaced at the next sign-in. */
	void resetPassword(String oneTimeHash) {
		passwordHash = oneTimeHash;
		mustChangePassword = true;
		failures.forget();
	}

	void unlock() {
		failures.forget();
	}

	Set<String> offices() {
		return Set.copyOf(offices);
	}

	void update(String displayName, Set<Role> roles, Set<String> offices) {
		this.displayName = displayName;
		this.roles.clear();
		this.roles.addAll(roles);
		this.offices.clear();
		this.offices.addAll(offices);
	}

	boolean hasSecondFactor() {
		return totpSecret != null;
	}

	String totpSecret() {
		return totpSecret;
	}

	Long totpLastStep() {
		return totpLastStep;
	}

	Instant totpEnrolledAt() {
		return totpEnrolledAt;
	}

	void enrolTotp(String secret, long usedStep, Instant now) {
		totpSecret = secret;
		totpLastStep = usedStep;
		totpEnrolledAt = now;
	}

	/** Remembers the step of an accepted code: the same code must not sign anyone in again. */
	void useTotpStep(long step) {
		totpLastStep = step;
	}

	/** The phone is lost: the next sign-in sets up a new authenticator. */
	void resetSecondFactor() {
		totpSecret = null;
		totpLastStep = null;
		totpEnrolledAt = null;
	}

	Instant lastLoginAt() {
		return lastLoginAt;
	}

	Instant lockedUntil() {
		return failures.lockedUntil();
	}

	long version() {
		return version;
	}
}
