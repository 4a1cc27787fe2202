package de.bochum.portal.identity.internal;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bochum.portal.identity.Role;
import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.StaffFixtures;
import de.bochum.portal.testsupport.TestDatabase;
import de.bochum.portal.testsupport.TotpCodes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static de.bochum.portal.testsupport.PortalHttp.location;
import static org.assertj.core.api.Assertions.assertThat;

/** Staff sign in with password and authenticator code; without the code, nothing opens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecondFactorTest {

	private static final Pattern RECOVERY_CODE = Pattern.compile("<code>([A-Z2-9]{5}-[A-Z2-9]{5})</code>");
	private static final String CODE_PAGE = "/intern/anmelden/code";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StaffAccounts accounts;

	@Test
	void aCorrectPasswordAloneOpensNothing() {
		PortalHttp http = new PortalHttp(port);
		String username = StaffFixtures.create(jdbc, "CASEWORKER");
		assertThat(location(http.signInWithPasswordOnly(username, StaffFixtures.PASSWORD))).endsWith(CODE_PAGE);
		assertThat(location(http.get("/intern"))).as("still signed out").endsWith("/intern/anmelden");
		assertThat(location(http.get("/intern/benutzer"))).endsWith("/intern/anmelden");
		HttpResponse<String> page = http.get(CODE_PAGE);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Anmeldecode eingeben", "autocomplete=\"one-time-code\"");
		assertThat(HtmlChecker.errors(page.body())).isEmpty();
		assertThat(location(new PortalHttp(port).get(CODE_PAGE))).as("no password, no code page").endsWith("/intern/anmelden");
	}

	@Test
	void aWrongOrEmptyCodeIsExplainedAndTheRightOneSignsIn() {
		PortalHttp http = new PortalHttp(port);
		String username = StaffFixtures.create(jdbc, "EDITOR");
		http.signInWithPasswordOnly(username, StaffFixtures.PASSWORD);
		HttpResponse<String> empty = http.submit(CODE_PAGE, CODE_PAGE, Map.of("code", ""));
		assertThat(empty.body()).contains("Bitte geben Sie den Anmeldecode ein.", "href=\"#code\"");
		HttpResponse<String> wrong = http.submit(CODE_PAGE, CODE_PAGE, Map.of("code", "000000"));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("Der Code stimmt nicht", "aria-invalid=\"true\"");
		assertThat(HtmlChecker.errors(wrong.body())).isEmpty();

		HttpResponse<String> right = http.submit(CODE_PAGE, CODE_PAGE,
				Map.of("code", TotpCodes.freshCode(username, TotpCodes.SECRET)));
		assertThat(location(right)).endsWith("/intern");
		assertThat(http.get("/intern").body()).contains("Interner Bereich");
	}

	@Test
	void aCodeSignsInOnlyOnce() {
		String username = StaffFixtures.create(jdbc, "EDITOR");
		String code = TotpCodes.freshCode(username, TotpCodes.SECRET);
		PortalHttp first = new PortalHttp(port);
		first.signInWithPasswordOnly(username, StaffFixtures.PASSWORD);
		assertThat(location(first.submit(CODE_PAGE, CODE_PAGE, Map.of("code", code)))).endsWith("/intern");

		PortalHttp replay = new PortalHttp(port);
		replay.signInWithPasswordOnly(username, StaffFixtures.PASSWORD);
		assertThat(replay.submit(CODE_PAGE, CODE_PAGE, Map.of("code", code)).body())
			.as("an observed code is worthless").contains("Der Code stimmt nicht");
	}

	@Test
	void fiveWrongCodesLockTheAccountEvenWithTheRightPassword() {
		String username = StaffFixtures.create(jdbc, "CASEWORKER");
		PortalHttp http = new PortalHttp(port);
		http.signInWithPasswordOnly(username, StaffFixtures.PASSWORD);
		HttpResponse<String> last = null;
		for (int i = 0; i < 5; i++) {
			last = http.submit(CODE_PAGE, CODE_PAGE, Map.of("code", String.format("%06d", 111111 * (i + 1) % 1000000)));
		}
		assertThat(location(last)).endsWith("/intern/anmelden?gesperrt");
		assertThat(location(new PortalHttp(port).signIn(username, StaffFixtures.PASSWORD))).endsWith("?gesperrt");
	}

	@Test
	void aNewcomerSetsUpTheAppAndARecoveryCodeWorksOnce() {
		String username = "neu-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(username, "Nina Neu", "Richtiges-Passwort-1", EnumSet.of(Role.CASEWORKER), false);
		PortalHttp http = new PortalHttp(port);
		assertThat(location(http.signInWithPasswordOnly(username, "Richtiges-Passwort-1")))
			.endsWith("/intern/anmelden/einrichten");
		HttpResponse<String> setUp = http.get("/intern/anmelden/einrichten");
		assertThat(setUp.body()).contains("Zweiten Faktor einrichten", "<svg", "id=\"totp-secret\"");
		assertThat(HtmlChecker.errors(setUp.body())).isEmpty();
		assertThat(http.submit("/intern/anmelden/einrichten", "/intern/anmelden/einrichten", Map.of("code", "123456"))
			.body()).as("a wrong code sets up nothing").contains("Der Code stimmt nicht");

		PortalHttp fresh = new PortalHttp(port);
		HttpResponse<String> done = fresh.signIn(username, "Richtiges-Passwort-1");
		assertThat(location(done)).endsWith("/intern/zweiter-faktor/codes");
		String codesPage = fresh.get("/intern/zweiter-faktor/codes").body();
		assertThat(HtmlChecker.errors(codesPage)).isEmpty();
		List<String> codes = RECOVERY_CODE.matcher(codesPage).results().map(m -> m.group(1)).toList();
		assertThat(codes).hasSize(SecondFactors.RECOVERY_CODES).doesNotHaveDuplicates();
		assertThat(fresh.get("/intern/zweiter-faktor/codes").body()).as("shown only once").doesNotContain(codes.get(0));
		assertThat(jdbc.sql("select code_hash from staff_recovery_code rc join staff_account a on a.id = rc.account_id where a.username = ?")
			.param(username).query(String.class).list()).as("stored only as hashes").doesNotContain(codes.get(0)).hasSize(10);

		PortalHttp phoneLost = new PortalHttp(port);
		phoneLost.signInWithPasswordOnly(username, "Richtiges-Passwort-1");
		assertThat(location(phoneLost.submit(CODE_PAGE, CODE_PAGE, Map.of("code", codes.get(3).toLowerCase()))))
			.endsWith("/intern");
		PortalHttp again = new PortalHttp(port);
		again.signInWithPasswordOnly(username, "Richtiges-Passwort-1");
		assertThat(again.submit(CODE_PAGE, CODE_PAGE, Map.of("code", codes.get(3))).body())
			.as("each recovery code once").contains("Der Code stimmt nicht");
	}

	@Test
	void anAdminResetsALostAuthenticator() {
		String username = StaffFixtures.create(jdbc, "EDITOR");
		long id = jdbc.sql("select id from staff_account where username = ?").param(username).query(Long.class).single();
		PortalHttp admin = new PortalHttp(port);
		admin.signIn(StaffFixtures.create(jdbc, "ADMIN"), StaffFixtures.PASSWORD);
		String page = admin.get("/intern/benutzer/" + id).body();
		assertThat(page).contains("Zweiten Faktor zurücksetzen");
		assertThat(location(admin.submit("/intern/benutzer/" + id, "/intern/benutzer/" + id + "/zweiter-faktor", Map.of())))
			.endsWith("/intern/benutzer/" + id);
		assertThat(admin.get("/intern/benutzer/" + id).body()).contains("Noch nicht eingerichtet");
		assertThat(location(new PortalHttp(port).signInWithPasswordOnly(username, StaffFixtures.PASSWORD)))
			.endsWith("/intern/anmelden/einrichten");
	}
}
