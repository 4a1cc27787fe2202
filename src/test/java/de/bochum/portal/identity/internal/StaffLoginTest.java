package de.bochum.portal.identity.internal;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import de.bochum.portal.identity.Role;
import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.TotpCodes;
import de.bochum.portal.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static de.bochum.portal.testsupport.PortalHttp.location;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffLoginTest {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecondFactors secondFactors;

	PortalHttp http;

	@BeforeEach
	void newBrowser() {
		http = new PortalHttp(port);
	}

	private String newAccount(boolean mustChangePassword, Role... roles) {
		String username = "test-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(username, "Erika Mustermann", "Richtiges-Passwort-1", EnumSet.of(roles[0], roles), mustChangePassword);
		secondFactors.enrolProvisioned(username, TotpCodes.SECRET);
		return username;
	}

	@Test
	void staffPagesNeedSignIn() {
		HttpResponse<String> response = http.get("/intern");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).endsWith("/intern/anmelden");
	}

	@Test
	void adminSignsInAndSeesTheDashboard() {
		HttpResponse<String> signIn = http.signIn("admin", TestDatabase.ADMIN_PASSWORD);
		assertThat(location(signIn)).endsWith("/intern");
		HttpResponse<String> dashboard = http.get("/intern");
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.body()).contains("Guten Tag, Administration.", "Administration", "Angemeldet als admin");
	}

	@Test
	void userNamesAreCaseInsensitive() {
		String username = newAccount(false, Role.EDITOR);
		assertThat(location(http.signIn(username.toUpperCase(), "Richtiges-Passwort-1"))).endsWith("/intern");
	}

	@Test
	void wrongPasswordKeepsTheUserNameAndExplains() {
		String username = newAccount(false, Role.CASEWORKER);
		HttpResponse<String> failed = http.signIn(username, "falsch");
		assertThat(location(failed)).endsWith("/intern/anmelden?fehler");
		HttpResponse<String> page = http.get("/intern/anmelden?fehler");
		assertThat(page.body()).contains("Benutzername oder Passwort ist falsch", "value=\"" + username + "\"",
				"href=\"#passwort\"", "aria-invalid=\"true\"");
	}

	@Test
	void fiveWrongPasswordsLockTheAccount() {
		String username = newAccount(false, Role.CASEWORKER);
		for (int i = 0; i < 5; i++) {
			assertThat(location(http.signIn(username, "falsch-" + i))).endsWith("?fehler");
		}
		HttpResponse<String> withRightPassword = http.signIn(username, "Richtiges-Passwort-1");
		assertThat(location(withRightPassword)).as("locked even with the right password").endsWith("?gesperrt");
		assertThat(http.get("/intern/anmelden?gesperrt").body()).contains("vorübergehend gesperrt");
		assertThat(http.get("/intern").statusCode()).isEqualTo(302);
	}

	@Test
	void aSuccessfulSignInResetsTheFailureCount() {
		String username = newAccount(false, Role.EDITOR);
		for (int i = 0; i < 4; i++) {
			http.signIn(username, "falsch");
		}
		assertThat(location(http.signIn(username, "Richtiges-Passwort-1"))).endsWith("/intern");
		PortalHttp other = new PortalHttp(port);
		for (int i = 0; i < 4; i++) {
			other.signIn(username, "falsch");
		}
		assertThat(location(other.signIn(username, "Richtiges-Passwort-1"))).endsWith("/intern");
	}

	@Test
	void signOutEndsTheSession() {
		http.signIn(newAccount(false, Role.EDITOR), "Richtiges-Passwort-1");
		HttpResponse<String> signOut = http.submit("/intern", "/intern/abmelden", Map.of());
		assertThat(location(signOut)).endsWith("/intern/anmelden?abgemeldet");
		assertThat(http.get("/intern/anmelden?abgemeldet").body()).contains("Sie haben sich abgemeldet.");
		assertThat(http.get("/intern").statusCode()).isEqualTo(302);
	}

	@Test
	void aOneTimePasswordMustBeReplacedFirst() {
		String username = newAccount(true, Role.DATA_PUBLISHER);
		assertThat(location(http.signIn(username, "Richtiges-Passwort-1"))).endsWith("/intern/passwort");
		assertThat(location(http.get("/intern"))).as("no way around it").endsWith("/intern/passwort");

		HttpResponse<String> mismatch = http.submit("/intern/passwort", "/intern/passwort",
				Map.of("aktuell", "Richtiges-Passwort-1", "neu", "Neues-langes-Passwort", "wiederholung", "Anderes"));
		assertThat(mismatch.statusCode()).isEqualTo(200);
		assertThat(mismatch.body()).contains("Bitte korrigieren Sie Folgendes", "href=\"#wiederholung\"",
				"Die beiden neuen Passwörter stimmen nicht überein.");

		HttpResponse<String> tooShort = http.submit("/intern/passwort", "/intern/passwort",
				Map.of("aktuell", "Richtiges-Passwort-1", "neu", "kurz", "wiederholung", "kurz"));
		assertThat(tooShort.body()).contains("Das neue Passwort ist zu kurz.");

		HttpResponse<String> wrongCurrent = http.submit("/intern/passwort", "/intern/passwort",
				Map.of("aktuell", "falsch", "neu", "Neues-langes-Passwort", "wiederholung", "Neues-langes-Passwort"));
		assertThat(wrongCurrent.body()).contains("Das aktuelle Passwort ist nicht richtig.");

		HttpResponse<String> changed = http.submit("/intern/passwort", "/intern/passwort", Map.of("aktuell",
				"Richtiges-Passwort-1", "neu", "Neues-langes-Passwort", "wiederholung", "Neues-langes-Passwort"));
		assertThat(location(changed)).endsWith("/intern");
		assertThat(http.get("/intern").body()).contains("Ihr Passwort wurde geändert.");

		PortalHttp later = new PortalHttp(port);
		assertThat(location(later.signIn(username, "Richtiges-Passwort-1"))).endsWith("?fehler");
		assertThat(location(later.signIn(username, "Neues-langes-Passwort"))).endsWith("/intern");
	}

	@Test
	void passwordsAreStoredAsBcryptHashes() {
		String username = newAccount(false, Role.EDITOR);
		String hash = jdbc.sql("select password_hash from staff_account where username = ?")
			.param(username)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("Richtiges-Passwort-1");
	}
}
