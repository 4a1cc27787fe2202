package de.bochum.portal.identity.internal;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bochum.portal.identity.Role;
import de.bochum.portal.identity.StaffDirectory;
import de.bochum.portal.identity.StaffMember;
import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.StaffFixtures;
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
class StaffAdministrationTest {

	private static final Pattern ONE_TIME = Pattern.compile("class=\"one-time-password\">([A-Za-z0-9]{20})<");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	PortalHttp admin;

	String adminName;

	@BeforeEach
	void signInAsAdmin() {
		admin = new PortalHttp(port);
		adminName = StaffFixtures.create(jdbc, "ADMIN");
		assertThat(location(admin.signIn(adminName, StaffFixtures.PASSWORD))).endsWith("/intern");
	}

	@Test
	void anAdminCreatesAnAccountWhoseOneTimePasswordMustBeReplaced() {
		String username = "neu-" + UUID.randomUUID().toString().substring(0, 6);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("benutzername", username);
		fields.put("name", "Ulla Beispiel");
		fields.put("rolle", "EDITOR");
		HttpResponse<String> created = admin.submit("/intern/benutzer/neu", "/intern/benutzer/neu", fields);
		assertThat(location(created)).matches(".*/intern/benutzer/\\d+");
		String page = admin.get(location(created).replaceFirst("^http://[^/]+", "")).body();
		assertThat(page).contains("Das Konto wurde angelegt.", "Ulla Beispiel");
		Matcher oneTime = ONE_TIME.matcher(page);
		assertThat(oneTime.find()).as("the one-time password is shown once").isTrue();
		assertThat(HtmlChecker.errors(page)).isEmpty();
		assertThat(admin.get(location(created).replaceFirst("^http://[^/]+", "")).body())
			.as("and only once").doesNotContain("one-time-password");

		PortalHttp newcomer = new PortalHttp(port);
		assertThat(location(newcomer.signIn(username, oneTime.group(1))))
			.as("first the authenticator is set up").endsWith("/intern/zweiter-faktor/codes");
		assertThat(location(newcomer.get("/intern"))).as("then the one-time password is replaced").endsWith("/intern/passwort");
		assertThat(admin.get("/intern/benutzer").body()).contains(username, "Einmalpasswort noch nicht ersetzt");
	}

	@Test
	void invalidInputIsExplainedAndKept() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("benutzername", "admin");
		fields.put("name", "");
		HttpResponse<String> response = admin.submit("/intern/benutzer/neu", "/intern/benutzer/neu", fields);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Bitte geben Sie einen Namen", "Bitte wählen Sie mindestens eine Rolle",
				"href=\"#name\"", "value=\"admin\"");
		assertThat(HtmlChecker.errors(response.body())).isEmpty();

		fields.put("name", "Zweiter Admin");
		fields.put("rolle", "ADMIN");
		assertThat(admin.submit("/intern/benutzer/neu", "/intern/benutzer/neu", fields).body())
			.contains("Diesen Benutzernamen gibt es schon.", "value=\"Zweiter Admin\"");
	}

	@Test
	void anAdminUnlocksALockedAccountAndChangesRoles() {
		String username = StaffFixtures.create(jdbc, "CASEWORKER");
		PortalHttp worker = new PortalHttp(port);
		for (int i = 0; i < 5; i++) {
			worker.signIn(username, "falsch");
		}
		assertThat(location(worker.signIn(username, StaffFixtures.PASSWORD))).endsWith("?gesperrt");
		long id = jdbc.sql("select id from staff_account where username = ?").param(username).query(Long.class).single();
		assertThat(admin.get("/intern/benutzer").body()).contains("gesperrt");

		HttpResponse<String> unlocked = admin.submit("/intern/benutzer/" + id, "/intern/benutzer/" + id + "/entsperren",
				Map.of());
		assertThat(location(unlocked)).endsWith("/intern/benutzer/" + id);
		assertThat(location(worker.signIn(username, StaffFixtures.PASSWORD))).endsWith("/intern");

		long version = jdbc.sql("select version from staff_account where id = ?").param(id).query(Long.class).single();
		Map<String, String> change = new LinkedHashMap<>();
		change.put("name", "Neuer Name");
		change.put("rolle", "EDITOR");
		change.put("version", String.valueOf(version));
		assertThat(location(admin.submit("/intern/benutzer/" + id, "/intern/benutzer/" + id, change)))
			.endsWith("/intern/benutzer/" + id);
		assertThat(jdbc.sql("select role from staff_account_role where account_id = ?").param(id).query(String.class).list())
			.containsExactly("EDITOR");

		change.put("name", "Veraltete Änderung");
		HttpResponse<String> stale = admin.submit("/intern/benutzer/" + id, "/intern/benutzer/" + id, change);
		assertThat(stale.body()).as("an edit based on an old state is refused, input kept")
			.contains("Jemand anderes hat dieses Konto gerade geändert", "value=\"Veraltete Änderung\"");
		assertThat(jdbc.sql("select display_name from staff_account where id = ?").param(id).query(String.class).single())
			.isEqualTo("Neuer Name");
	}

	@Test
	void deletingNeedsConfirmationAndLeavesAnAuditEntry() {
		String username = StaffFixtures.create(jdbc, "EDITOR");
		long id = jdbc.sql("select id from staff_account where username = ?").param(username).query(Long.class).single();
		admin.submit("/intern/benutzer/" + id, "/intern/benutzer/" + id + "/loeschen", Map.of());
		assertThat(jdbc.sql("select count(*) from staff_account where id = ?").param(id).query(Integer.class).single())
			.isEqualTo(1);
		admin.submit("/intern/benutzer/" + id, "/intern/benutzer/" + id + "/loeschen", Map.of("bestaetigt", "ja"));
		assertThat(jdbc.sql("select count(*) from staff_account where id = ?").param(id).query(Integer.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from privacy_audit_log where actor = ? and action = 'ERASE' and record_id = ?")
			.params(adminName, String.valueOf(id))
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from privacy_audit_log where actor = ? and action = 'VIEW' and record_id = ?")
			.params(adminName, String.valueOf(id))
			.query(Integer.class)
			.single()).as("each look at the account is logged").isPositive();
	}

	@Autowired
	StaffDirectory directory;

	@Test
	void anAdminScopesACaseworkerToAnOfficeAndOtherModulesSeeIt() {
		String username = StaffFixtures.create(jdbc, "CASEWORKER");
		long id = jdbc.sql("select id from staff_account where username = ?").param(username).query(Long.class).single();
		String form = admin.get("/intern/benutzer/" + id).body();
		assertThat(form).as("the catalogue's offices are offered").contains("Steueramt", "Bürgerbüros der Stadt Bochum",
				"name=\"dienststelle\" value=\"steueramt\"");

		long version = jdbc.sql("select version from staff_account where id = ?").param(id).query(Long.class).single();
		Map<String, String> change = new LinkedHashMap<>();
		change.put("name", "Sachbearbeitung Steuern");
		change.put("rolle", "CASEWORKER");
		change.put("dienststelle", "steueramt");
		change.put("version", String.valueOf(version));
		assertThat(location(admin.submit("/intern/benutzer/" + id, "/intern/benutzer/" + id, change)))
			.endsWith("/intern/benutzer/" + id);
		assertThat(directory.officesOf(username)).containsExactly("steueramt");
		assertThat(directory.members("steueramt", Role.CASEWORKER)).extracting(StaffMember::username).contains(username);
		assertThat(directory.members("buergerbueros", Role.CASEWORKER)).extracting(StaffMember::username)
			.doesNotContain(username);
		assertThat(directory.find(username).orElseThrow().worksFor("steueramt")).isTrue();
		assertThat(admin.get("/intern/benutzer").body()).contains("steueramt");

		version = jdbc.sql("select version from staff_account where id = ?").param(id).query(Long.class).single();
		change.put("dienststelle", "erfundenes-amt");
		change.put("version", String.valueOf(version));
		assertThat(admin.submit("/intern/benutzer/" + id, "/intern/benutzer/" + id, change).statusCode())
			.as("an office the catalogue does not know is refused").isEqualTo(400);
		assertThat(directory.officesOf(username)).containsExactly("steueramt");
	}

	@Test
	void onlyAdminsManageAccounts() {
		PortalHttp editor = new PortalHttp(port);
		editor.signIn(StaffFixtures.create(jdbc, "EDITOR"), StaffFixtures.PASSWORD);
		assertThat(editor.get("/intern/benutzer").statusCode()).isEqualTo(403);
		assertThat(editor.get("/intern/benutzer/neu").statusCode()).isEqualTo(403);
		HttpResponse<String> list = admin.get("/intern/benutzer");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(HtmlChecker.errors(list.body())).isEmpty();
	}
}
