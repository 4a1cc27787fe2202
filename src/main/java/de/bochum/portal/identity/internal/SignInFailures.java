package de.bochum.portal.identity.internal;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import de.bochum.portal.platform.PersonalData;

/**
 * Failed sign-ins of one account and the lock they cause, the same for staff and citizens:
 * after {@code maxFailures} in a row the account is locked for a while, even for the right
 * password; a complete sign-in forgets them, and so does the retention job 24 hours later.
 */
@Embeddable
class SignInFailures {

	private static final String PURPOSE = "Schutz vor dem Erraten von Passwörtern (Sperre nach Fehlversuchen)";
	private static final String BASIS = "Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 32 DSGVO (Sicherheit der Verarbeitung)";
	private static final String RETENTION = "bis zur nächsten erfolgreichen Anmeldung, höchstens 24 Stunden nach dem letzten Fehlversuch";

	@PersonalData(category = "Konto", purpose = PURPOSE, legalBasis = BASIS, retention = RETENTION,
			visibleTo = "Administration", label = "Anzahl der Fehlversuche bei der Anmeldung")
	@Column(name = "failed_attempts", nullable = false)
	private int count;

	@PersonalData(category = "Konto", purpose = PURPOSE, legalBasis = BASIS, retention = RETENTION,
			visibleTo = "Administration", label = "Zeitpunkt des letzten Fehlversuchs")
	@Column(name = "last_failed_at")
	private Instant lastAt;

	@PersonalData(category = "Konto", purpose = PURPOSE, legalBasis = BASIS, retention = RETENTION,
			visibleTo = "Administration", label = "Gesperrt bis")
	@Column(name = "locked_until")
	private Instant lockedUntil;

	int count() {
		return count;
	}

	Instant lastAt() {
		return lastAt;
	}

	Instant lockedUntil() {
		return lockedUntil;
	}

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	void record(Instant now, int maxFailures, Duration lockFor) {
		if (lockedUntil != null && !lockedUntil.isAfter(now)) {
			// A lock that has run out starts a fresh count.
			count = 0;
			lockedUntil = null;
		}
		count++;
		lastAt = now;
		if (count >= maxFailures) {
			lockedUntil = now.plus(lockFor);
		}
	}

	void forget() {
		count = 0;
		lastAt = null;
		lockedUntil = null;
	}
}
