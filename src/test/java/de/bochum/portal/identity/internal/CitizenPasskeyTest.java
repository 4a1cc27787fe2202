package de.bochum.portal.identity.internal;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import de.bochum.portal.privacy.PersonalDataDeclaration;
import de.bochum.portal.privacy.PersonalDataRegister;
import de.bochum.portal.testsupport.DatabaseSearch;
import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static de.bochum.portal.testsupport.PortalHttp.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Citizen passkeys over HTTP with a pretend device: adding one, signing in with it, and every way
 * in that must stay shut: a challenge used twice, a passkey the portal does not know, a staff
 * passkey at the citizen sign-in (and a citizen's at the staff one), a locked account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CitizenPasskeyTest {

	private static final String PASSWORD = "Zeche Hannover bleibt";
	private static final String HASH = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);

	@LocalServerPort
	int port;

	@Value("${portal.base-url:http://localhost:8080}")
	String origin;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataRegister register;

	@Test
	void aCitizenAddsAPasskeySignsInWithItAndCannotUseAChallengeTwice() {
		String email = confirmedAccount();
		PortalHttp http = signedIn(email);
		SoftwarePasskey phone = new SoftwarePasskey();
		assertThat(addPasskey(http, phone, "Mein Telefon").statusCode()).isEqualTo(200);
		assertThat(http.get("/konto").body()).contains("Mein Telefon", "zuletzt genutzt");

		PortalHttp browser = new PortalHttp(port);
		String csrf = browser.csrfToken("/konto/anmelden");
		String answer = phone.signIn(signInOptions(browser, csrf), origin);
		HttpResponse<String> signedIn = browser.postJson(CitizenPasskeyController.SIGN_IN, csrf, answer);
		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(signedIn.body()).contains("\"redirectUrl\":\"/konto\"");
		assertThat(browser.get("/konto").body()).contains("Angemeldet als " + email);
		assertThat(jdbc.sql("select count(*) from citizen_passkey where last_used_at is not null").query(Integer.class)
			.single()).isPositive();

		PortalHttp attacker = new PortalHttp(port);
		String attackerCsrf = attacker.csrfToken("/konto/anmelden");
		signInOptions(attacker, attackerCsrf);
		HttpResponse<String> replayed = attacker.postJson(CitizenPasskeyController.SIGN_IN, attackerCsrf, answer);
		assertThat(replayed.statusCode()).as("an answer to another session's challenge").isEqualTo(401);
		assertThat(replayed.body()).contains("hat nicht geklappt");
		assertThat(location(attacker.get("/konto"))).endsWith("/konto/anmelden");

		PortalHttp again = new PortalHttp(port);
		String againCsrf = again.csrfToken("/konto/anmelden");
		String fresh = phone.signIn(signInOptions(again, againCsrf), origin);
		assertThat(again.postJson(CitizenPasskeyController.SIGN_IN, againCsrf, fresh).statusCode()).isEqualTo(200);
		PortalHttp secondUse = new PortalHttp(port);
		String secondCsrf = secondUse.csrfToken("/konto/anmelden");
		assertThat(secondUse.postJson(CitizenPasskeyController.SIGN_IN, secondCsrf, fresh).statusCode())
			.as("no challenge in this session").isEqualTo(401);
		HttpResponse<String> sameSession = again.postJson(CitizenPasskeyController.SIGN_IN,
				again.csrfToken("/konto"), fresh);
		assertThat(sameSession.statusCode()).as("the challenge counts once").isEqualTo(401);
	}

	@Test
	void theExportListsThePasskeysAndTheErasureRemovesThem() {
		String email = confirmedAccount();
		PortalHttp http = signedIn(email);
		SoftwarePasskey phone = new SoftwarePasskey();
		assertThat(addPasskey(http, phone, "Laptop im Büro").statusCode()).isEqualTo(200);

		String export = http.get("/konto/daten.json").body();
		assertThat(export).contains("Laptop im Büro", phone.id());
		for (PersonalDataDeclaration declared : register.declarations()) {
			if (declared.table().equals("citizen_passkey")) {
				assertThat(export).as("export has %s", declared.label()).contains(declared.label());
			}
		}

		HttpResponse<String> removedByOther = signedIn(confirmedAccount())
			.submit("/konto", "/konto/passkeys/" + phone.id() + "/loeschen", Map.of());
		assertThat(removedByOther.statusCode()).as("someone else's passkey").isEqualTo(404);

		assertThat(http.submit("/konto/loeschen", "/konto/loeschen", Map.of("passwort", PASSWORD)).statusCode())
			.isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from citizen_passkey where credential_id = ?").param(phone.id())
			.query(Integer.class).single()).isZero();
		assertThat(DatabaseSearch.rowsMentioning(jdbc, phone.id())).isEmpty();
	}

	@Test
	void aPasskeyCanBeAddedAndRemovedButAChallengeForAddingCountsOnce() {
		PortalHttp http = signedIn(confirmedAccount());
		SoftwarePasskey key = new SoftwarePasskey();
		String csrf = http.csrfToken("/konto");
		String options = http.postJson(CitizenPasskeyController.REGISTER_OPTIONS, csrf, "").body();
		String body = key.register(options, origin, "Schlüssel");
		assertThat(http.postJson(CitizenPasskeyController.REGISTER, csrf, body).statusCode()).isEqualTo(200);
		assertThat(http.postJson(CitizenPasskeyController.REGISTER, csrf, body).statusCode()).isEqualTo(400);

		SoftwarePasskey unnamed = new SoftwarePasskey();
		String moreOptions = http.postJson(CitizenPasskeyController.REGISTER_OPTIONS, csrf, "").body();
		assertThat(http.postJson(CitizenPasskeyController.REGISTER, csrf, unnamed.register(moreOptions, origin, " "))
			.statusCode()).as("a passkey needs a name").isEqualTo(400);

		HttpResponse<String> removed = http.submit("/konto", "/konto/passkeys/" + key.id() + "/loeschen", Map.of());
		assertThat(location(removed)).endsWith("/konto");
		assertThat(http.get("/konto").body()).contains("Der Passkey wurde entfernt.").doesNotContain("Schlüssel</strong>");
		assertThat(new PortalHttp(port).postJson(CitizenPasskeyController.REGISTER_OPTIONS, csrf, "").statusCode())
			.as("only for a signed-in citizen").isIn(401, 403);
	}

	@Test
	void unknownStaffAndLockedPasskeysAreRefused() {
		SoftwarePasskey stranger = new SoftwarePasskey();
		PortalHttp anonymous = new PortalHttp(port);
		String csrf = anonymous.csrfToken("/konto/anmelden");
		HttpResponse<String> unknown = anonymous.postJson(CitizenPasskeyController.SIGN_IN, csrf,
				stranger.signIn(signInOptions(anonymous, csrf), origin));
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(unknown.body()).contains("hat nicht geklappt");

		String username = StaffFixtures.create(jdbc, "CASEWORKER");
		PortalHttp staff = new PortalHttp(port);
		staff.signIn(username, StaffFixtures.PASSWORD);
		String staffCsrf = staff.csrfToken("/intern/passkeys");
		SoftwarePasskey staffKey = new SoftwarePasskey();
		String staffOptions = staff.postJson("/webauthn/register/options", staffCsrf, "").body();
		HttpResponse<String> staffRegistered = staff.postJson("/webauthn/register", staffCsrf,
				staffKey.register(staffOptions, origin, "Diensthandy"));
		assertThat(staffRegistered.body()).as("the staff passkey itself works").contains("\"success\":true");

		PortalHttp citizenSide = new PortalHttp(port);
		String citizenCsrf = citizenSide.csrfToken("/konto/anmelden");
		HttpResponse<String> staffAtCitizen = citizenSide.postJson(CitizenPasskeyController.SIGN_IN, citizenCsrf,
				staffKey.signIn(signInOptions(citizenSide, citizenCsrf), origin));
		assertThat(staffAtCitizen.statusCode()).as("a staff passkey at the citizen sign-in").isEqualTo(401);
		assertThat(location(citizenSide.get("/konto"))).endsWith("/konto/anmelden");

		String email = confirmedAccount();
		PortalHttp citizen = signedIn(email);
		SoftwarePasskey citizenKey = new SoftwarePasskey();
		assertThat(addPasskey(citizen, citizenKey, "Telefon").statusCode()).isEqualTo(200);
		PortalHttp staffSide = new PortalHttp(port);
		String staffSideCsrf = staffSide.csrfToken("/intern/anmelden");
		String staffSignInOptions = staffSide.postJson("/webauthn/authenticate/options", staffSideCsrf, "").body();
		HttpResponse<String> citizenAtStaff = staffSide.postJson("/login/webauthn", staffSideCsrf,
				citizenKey.signIn(staffSignInOptions, origin));
		assertThat(citizenAtStaff.statusCode()).as("a citizen passkey at the staff sign-in").isEqualTo(401);
		assertThat(location(staffSide.get("/intern"))).contains("/intern/anmelden");

		jdbc.sql("update citizen_account set locked_until = ? where email = ?")
			.params(Timestamp.from(Instant.now().plus(Duration.ofMinutes(10))), email)
			.update();
		PortalHttp locked = new PortalHttp(port);
		String lockedCsrf = locked.csrfToken("/konto/anmelden");
		HttpResponse<String> whileLocked = locked.postJson(CitizenPasskeyController.SIGN_IN, lockedCsrf,
				citizenKey.signIn(signInOptions(locked, lockedCsrf), origin));
		assertThat(whileLocked.statusCode()).as("the lock after failed attempts holds for passkeys too").isEqualTo(401);
		assertThat(whileLocked.body()).contains("gesperrt");
	}

	private HttpResponse<String> addPasskey(PortalHttp http, SoftwarePasskey key, String label) {
		String csrf = http.csrfToken("/konto");
		HttpResponse<String> options = http.postJson(CitizenPasskeyController.REGISTER_OPTIONS, csrf, "");
		assertThat(options.statusCode()).isEqualTo(200);
		return http.postJson(CitizenPasskeyController.REGISTER, csrf, key.register(options.body(), origin, label));
	}

	private static String signInOptions(PortalHttp http, String csrf) {
		HttpResponse<String> options = http.postJson(CitizenPasskeyController.SIGN_IN_OPTIONS, csrf, "");
		assertThat(options.statusCode()).isEqualTo(200);
		return options.body();
	}

	private String confirmedAccount() {
		String email = "passkey." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		jdbc.sql("insert into citizen_account (email, password_hash, created_at, email_verified_at) values (?, ?, now(), now())")
			.params(email, HASH)
			.update();
		return email;
	}

	private PortalHttp signedIn(String email) {
		PortalHttp http = new PortalHttp(port);
		HttpResponse<String> response = http.submit("/konto/anmelden", "/konto/anmelden",
				Map.of("email", email, "passwort", PASSWORD));
		assertThat(location(response)).endsWith("/konto");
		return http;
	}
}
