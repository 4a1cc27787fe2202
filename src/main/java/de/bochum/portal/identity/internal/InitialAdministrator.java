package de.bochum.portal.identity.internal;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bochum.portal.identity.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the very first start (no staff account yet) creates the administrator {@code admin}.
 * Its password comes from {@code PORTAL_ADMIN_PASSWORD}, or is generated and printed once to the
 * log; a generated password must be changed at the first sign-in.
 */
@Component
class InitialAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

	private final StaffAccounts accounts;
	private final String configuredPassword;
	private final SecondFactors secondFactors;
	private final String configuredTotpSecret;

	InitialAdministrator(StaffAccounts accounts, @Value("${portal.admin.password:}") String configuredPassword,
			SecondFactors secondFactors, @Value("${portal.admin.totp-secret:}") String configuredTotpSecret) {
		this.accounts = accounts;
		this.configuredPassword = configuredPassword;
		this.secondFactors = secondFactors;
		this.configuredTotpSecret = configuredTotpSecret.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!accounts.isEmpty()) {
			return;
		}
		boolean generated = configuredPassword.isBlank();
		if (!generated && configuredPassword.length() < StaffAccounts.MIN_PASSWORD_LENGTH) {
			throw new IllegalStateException("PORTAL_ADMIN_PASSWORD muss mindestens "
					+ StaffAccounts.MIN_PASSWORD_LENGTH + " Zeichen lang sein.");
		}
		if (!configuredTotpSecret.isEmpty() && !configuredTotpSecret.matches("[A-Z2-7]{16,}")) {
			throw new IllegalStateException(
					"PORTAL_ADMIN_TOTP_SECRET muss ein Base32-Schlüssel aus mindestens 16 Zeichen (A–Z, 2–7) sein.");
		}
		String password = generated ? OneTimePasswords.generate() : configuredPassword;
		accounts.create("admin", "Administration", password, EnumSet.of(Role.ADMIN), generated);
		if (!configuredTotpSecret.isEmpty()) {
			// an operator who provisions the first administrator may provision the authenticator too
			secondFactors.enrolProvisioned("admin", configuredTotpSecret);
		}
		if (generated) {
			log.warn("Erstes Administratorkonto angelegt. Benutzername: admin, Einmalpasswort: {} "
					+ "(wird nur jetzt angezeigt und muss bei der ersten Anmeldung geändert werden)", password);
		}
		else {
			log.info("Erstes Administratorkonto 'admin' mit dem Passwort aus PORTAL_ADMIN_PASSWORD angelegt");
		}
	}
}
