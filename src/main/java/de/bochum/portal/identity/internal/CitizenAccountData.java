package de.bochum.portal.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.bochum.portal.privacy.Citizen;
import de.bochum.portal.privacy.CitizenDataHolder;
import de.bochum.portal.privacy.RetentionRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The citizen account's part of the export and the erasure, and its retention rules: unconfirmed
 * accounts after 7 days, confirmation links after 24 hours, failed sign-ins after 24 hours.
 */
@Configuration(proxyBeanMethods = false)
class CitizenAccountData implements CitizenDataHolder {

	private final CitizenAccountRepository repository;

	CitizenAccountData(CitizenAccountRepository repository) {
		this.repository = repository;
	}

	@Override
	public String title() {
		return "Bürgerkonto";
	}

	/** The account goes last: other modules find the person's records through it. */
	@Override
	public int erasureOrder() {
		return Integer.MAX_VALUE;
	}

	@Override
	public List<Map<String, Object>> export(Citizen citizen) {
		if (citizen.accountId() == null) {
			return List.of();
		}
		return repository.findById(citizen.accountId()).map(account -> {
			Map<String, Object> record = new LinkedHashMap<>();
			record.put("E-Mail-Adresse", account.email());
			record.put("Zeitpunkt der Registrierung", text(account.createdAt()));
			record.put("Zeitpunkt der Bestätigung der E-Mail-Adresse", text(account.emailVerifiedAt()));
			record.put("Zeitpunkt der letzten Anmeldung", text(account.lastLoginAt()));
			record.put("Passwort (als Hash)", account.hasPassword()
					? "gespeichert als Argon2id-Hash; das Passwort selbst kennt niemand" : "kein Passwort");
			record.put("Anbieter des Nutzerkontos", account.oidcIssuer());
			record.put("Kennung beim Identitätsanbieter (pseudonym)", account.oidcSubject());
			record.put("Anzahl der Fehlversuche bei der Anmeldung", account.failedAttempts());
			record.put("Zeitpunkt des letzten Fehlversuchs", text(account.lastFailedAt()));
			record.put("Gesperrt bis", text(account.lockedUntil()));
			return List.of(record);
		}).orElse(List.of());
	}

	@Override
	public List<String> erase(Citizen citizen) {
		if (citizen.accountId() != null) {
			repository.deleteById(citizen.accountId());
			repository.flush();
		}
		return List.of();
	}

	private static String text(Instant instant) {
		return instant == null ? null : instant.toString();
	}

	static final String FORGET_FAILURES = "failed_attempts = 0, last_failed_at = null, locked_until = null";
	static final String FAILURES_EXPIRED = "last_failed_at < :cutoff and (locked_until is null or locked_until <= :now)";

	@Bean
	static RetentionRule unconfirmedCitizenAccounts(JdbcClient jdbc) {
		return new TableRetentionRule(jdbc, "identity.unconfirmed-citizen-accounts",
				"Bürgerkonten, deren E-Mail-Adresse 7 Tage nach der Registrierung nicht bestätigt ist, löschen",
				"citizen_account", "email_verified_at is null and created_at < :cutoff", CitizenAccounts.UNVERIFIED_KEPT,
				null);
	}

	@Bean
	static RetentionRule expiredConfirmationLinks(JdbcClient jdbc) {
		return new TableRetentionRule(jdbc, "identity.expired-confirmation-links",
				"Abgelaufene Bestätigungslinks für E-Mail-Adressen löschen", "citizen_email_token", "expires_at < :cutoff",
				Duration.ZERO, null);
	}

	@Bean
	static RetentionRule citizenFailedSignIns(JdbcClient jdbc) {
		return new TableRetentionRule(jdbc, "identity.citizen-failed-sign-ins",
				"Fehlversuche bei der Anmeldung am Bürgerkonto 24 Stunden nach dem letzten Fehlversuch vergessen",
				"citizen_account", FAILURES_EXPIRED, FAILED_SIGN_INS_KEPT, FORGET_FAILURES);
	}

	@Bean
	static RetentionRule staffFailedSignIns(JdbcClient jdbc) {
		return new TableRetentionRule(jdbc, "identity.failed-sign-ins",
				"Fehlversuche bei der Anmeldung von Beschäftigten 24 Stunden nach dem letzten Fehlversuch vergessen",
				"staff_account", FAILURES_EXPIRED, FAILED_SIGN_INS_KEPT, FORGET_FAILURES);
	}

	static final Duration FAILED_SIGN_INS_KEPT = Duration.ofHours(24);
}
