package de.bochum.portal.identity.internal;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bochum.portal.platform.internal.EmbeddedMailbox;
import de.bochum.portal.privacy.PersonalDataDeclaration;
import de.bochum.portal.privacy.PersonalDataRegister;
import de.bochum.portal.privacy.RetentionRule;
import de.bochum.portal.testsupport.DatabaseSearch;
import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static de.bochum.portal.testsupport.PortalHttp.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional citizen account from registration to erasure: the confirmation mail over SMTP,
 * clear errors that keep what was typed, the export with every declared field and nothing of
 * anyone else, and an erasure that leaves no trace of the address in the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CitizenAccountTest {

	private static final Pattern CONFIRM_LINK = Pattern.compile("/konto/bestaetigen\\?code=([A-Za-z0-9_-]+)");
	private static final String PASSWORD = "Mein Ruhrgebiet ist schön";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedMailbox mailbox;

	@Autowired
	PersonalDataRegister register;

	@Autowired
	List<RetentionRule> rules;

	@Test
	void registerConfirmSignInExportAndEraseWithoutATrace() {
		String email = "erika." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String other = createConfirmedAccount("otto." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
		PortalHttp http = new PortalHttp(port);
		assertThat(location(http.get("/konto"))).endsWith("/konto/anmelden");

		HttpResponse<String> invalid = http.submit("/konto/registrieren", "/konto/registrieren",
				form("email", "erika@", "passwort", "kurz", "wiederholung", "kurz"));
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("Bitte korrigieren Sie Folgendes", "href=\"#email\"", "href=\"#passwort\"",
				"name@beispiel.de", "Das Passwort ist zu kurz", "value=\"erika@\"");
		assertThat(HtmlChecker.errors(invalid.body())).isEmpty();
		String localPart = email.substring(0, email.indexOf('@'));
		assertThat(http.submit("/konto/registrieren", "/konto/registrieren",
				form("email", email, "passwort", localPart + "!!", "wiederholung", localPart + "!!")).body())
			.contains("leicht zu erraten");
		assertThat(http.submit("/konto/registrieren", "/konto/registrieren",
				form("email", email, "passwort", PASSWORD, "wiederholung", PASSWORD + "x")).body())
			.contains("Die beiden Passwörter stimmen nicht überein.");

		HttpResponse<String> registered = http.submit("/konto/registrieren", "/konto/registrieren",
				form("email", email, "passwort", PASSWORD, "wiederholung", PASSWORD));
		assertThat(location(registered)).endsWith("/konto/registrieren/gesendet");
		assertThat(http.get("/konto/registrieren/gesendet").body()).contains("Bitte prüfen Sie Ihr Postfach");

		assertThat(http.submit("/konto/anmelden", "/konto/anmelden", form("email", email, "passwort", PASSWORD)).body())
			.as("not before the address is confirmed").contains("Bitte bestätigen Sie zuerst");
		String code = confirmationCode(email);
		assertThat(http.get("/konto/bestaetigen?code=" + code).body()).contains("E-Mail-Adresse bestätigt");
		assertThat(http.get("/konto/bestaetigen?code=" + code).body()).as("a link works once")
			.contains("Link ungültig oder abgelaufen");

		assertThat(http.submit("/konto/anmelden", "/konto/anmelden", form("email", email, "passwort", "falsch-falsch")).body())
			.contains("E-Mail-Adresse oder Passwort ist falsch", "value=\"" + email + "\"");
		assertThat(location(http.submit("/konto/anmelden", "/konto/anmelden",
				form("email", email.toUpperCase(), "passwort", PASSWORD)))).endsWith("/konto");
		String accountPage = http.get("/konto").body();
		assertThat(accountPage).contains("Angemeldet als " + email);
		assertThat(HtmlChecker.errors(accountPage)).isEmpty();
		assertThat(http.get("/intern").statusCode()).as("a citizen is no staff member").isEqualTo(302);

		String export = http.get("/konto/daten.json").body();
		for (PersonalDataDeclaration declared : register.declarations()) {
			if (declared.table().equals("citizen_account")) {
				assertThat(export).as("export has %s", declared.label()).contains(declared.label());
			}
		}
		assertThat(export).contains(email).doesNotContain(other);
		String dataPage = http.get("/konto/daten").body();
		assertThat(dataPage).contains("Meine Daten", email);
		assertThat(HtmlChecker.errors(dataPage)).isEmpty();

		HttpResponse<String> wrongPassword = http.submit("/konto/loeschen", "/konto/loeschen", form("passwort", "falsch"));
		assertThat(wrongPassword.body()).contains("Das Passwort ist nicht richtig.");
		assertThat(HtmlChecker.errors(wrongPassword.body())).isEmpty();
		assertThat(location(http.submit("/konto/loeschen", "/konto/loeschen", form("passwort", PASSWORD))))
			.endsWith("/konto/geloescht");
		assertThat(location(http.get("/konto"))).as("signed out").endsWith("/konto/anmelden");

		assertThat(rowsMentioning(email)).as("no trace of the address in any table").isEmpty();
		assertThat(rowsMentioning(other)).as("the other person is untouched").isNotEmpty();
	}

	@Test
	void registeringAnAddressTwiceRevealsNothingAndCreatesNoSecondAccount() {
		String email = createConfirmedAccount("doppelt." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
		PortalHttp stranger = new PortalHttp(port);
		assertThat(location(stranger.submit("/konto/registrieren", "/konto/registrieren",
				form("email", email, "passwort", PASSWORD, "wiederholung", PASSWORD))))
			.endsWith("/konto/registrieren/gesendet");
		assertThat(mailbox.mailsTo(email).get(0).text()).contains("Sie haben aber schon eines");
		assertThat(jdbc.sql("select count(*) from citizen_account where lower(email) = lower(?)").param(email)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void unconfirmedAccountsAreDeletedAfterSevenDaysAndNothingElse() {
		RetentionRule rule = rules.stream().filter(r -> r.key().equals("identity.unconfirmed-citizen-accounts"))
			.findFirst().orElseThrow();
		Instant now = Instant.now();
		String stale = insert("alt-" + UUID.randomUUID() + "@example.org", now.minus(Duration.ofDays(8)), null);
		String fresh = insert("neu-" + UUID.randomUUID() + "@example.org", now.minus(Duration.ofDays(6)), null);
		String confirmed = insert("ok-" + UUID.randomUUID() + "@example.org", now.minus(Duration.ofDays(30)),
				now.minus(Duration.ofDays(29)));
		long due = rule.due(now);
		assertThat(rule.apply(now)).isEqualTo(due).isGreaterThanOrEqualTo(1);
		assertThat(exists(stale)).isFalse();
		assertThat(exists(fresh)).isTrue();
		assertThat(exists(confirmed)).isTrue();
	}

	private String createConfirmedAccount(String email) {
		new PortalHttp(port).submit("/konto/registrieren", "/konto/registrieren",
				form("email", email, "passwort", PASSWORD, "wiederholung", PASSWORD));
		new PortalHttp(port).get("/konto/bestaetigen?code=" + confirmationCode(email));
		return email;
	}

	private String confirmationCode(String email) {
		Matcher link = CONFIRM_LINK.matcher(mailbox.mailsTo(email).get(0).text());
		assertThat(link.find()).as("the mail has a confirmation link").isTrue();
		return link.group(1);
	}

	private String insert(String email, Instant created, Instant confirmed) {
		jdbc.sql("insert into citizen_account (email, password_hash, created_at, email_verified_at) values (?, 'x', ?, ?)")
			.params(email, Timestamp.from(created), confirmed == null ? null : Timestamp.from(confirmed))
			.update();
		return email;
	}

	private boolean exists(String email) {
		return jdbc.sql("select count(*) from citizen_account where email = ?").param(email).query(Long.class).single() > 0;
	}

	private List<String> rowsMentioning(String text) {
		return DatabaseSearch.rowsMentioning(jdbc, text);
	}

	private static Map<String, String> form(String... pairs) {
		Map<String, String> form = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.put(pairs[i], pairs[i + 1]);
		}
		return form;
	}
}
