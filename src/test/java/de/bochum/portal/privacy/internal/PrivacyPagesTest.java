package de.bochum.portal.privacy.internal;

import java.net.http.HttpResponse;

import de.bochum.portal.privacy.AuditLog.Action;
import de.bochum.portal.privacy.PersonalDataDeclaration;
import de.bochum.portal.privacy.PersonalDataRegister;
import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.StaffFixtures;
import de.bochum.portal.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrivacyPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	PersonalDataRegister register;

	@Autowired
	AuditChain audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePrivacyNoticeNamesEveryDeclaredFieldWithPurposeAndRetention() {
		String html = new PortalHttp(port).get("/datenschutz").body();
		String notice = org.springframework.web.util.HtmlUtils.htmlUnescape(html);
		assertThat(notice).contains("Welche personenbezogenen Daten das Portal speichert", "Speicherdauer",
				"Rechtsgrundlage");
		for (PersonalDataDeclaration declaration : register.declarations()) {
			assertThat(notice).contains(declaration.label(), declaration.purpose(), declaration.retention(),
					declaration.legalBasis());
		}
		assertThat(HtmlChecker.errors(html)).isEmpty();
	}

	@Test
	void recordsOfProcessingAreForAdminsAndTheDataProtectionOfficer() {
		PortalHttp caseworker = new PortalHttp(port);
		caseworker.signIn(StaffFixtures.create(jdbc, "CASEWORKER"), StaffFixtures.PASSWORD);
		assertThat(caseworker.get("/intern/datenschutz/verzeichnis").statusCode()).isEqualTo(403);
		assertThat(caseworker.get("/intern/datenschutz/verzeichnis.csv").statusCode()).isEqualTo(403);

		PortalHttp admin = new PortalHttp(port);
		admin.signIn(StaffFixtures.create(jdbc, "ADMIN"), StaffFixtures.PASSWORD);
		HttpResponse<String> page = admin.get("/intern/datenschutz/verzeichnis");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Verzeichnis der Verarbeitungstätigkeiten", "identity: staff_account.username",
				"privacy: privacy_audit_log.actor");
		assertThat(page.body()).as("a staff member's roles and office scopes are theirs too")
			.contains("staff_account_role.role", "Rollen (Berechtigungen)", "staff_account_office.office",
					"Zuständige Dienststellen");
		assertThat(HtmlChecker.errors(page.body())).isEmpty();

		HttpResponse<String> csv = admin.get("/intern/datenschutz/verzeichnis.csv");
		assertThat(csv.headers().firstValue("Content-Disposition")).get().asString().contains("attachment");
		assertThat(csv.body().lines()).hasSize(register.declarations().size() + 1);
		assertThat(csv.body()).contains("\"staff_account\";\"username\";\"Benutzername\"");

		HttpResponse<String> json = admin.get("/intern/datenschutz/verzeichnis.json");
		assertThat(json.body()).contains("\"table\":\"staff_account\"", "\"column\":\"display_name\"");
	}

	@Test
	void onlyTheDataProtectionOfficerSearchesTheAuditLog() {
		audit.record("sachbearbeitung-9", Action.VIEW, "antrag", "BO-2026-0099", "Urlaubsvertretung");
		PortalHttp admin = new PortalHttp(port);
		admin.signIn(StaffFixtures.create(jdbc, "ADMIN"), StaffFixtures.PASSWORD);
		assertThat(admin.get("/intern/datenschutz/protokoll").statusCode()).isEqualTo(403);

		PortalHttp officer = new PortalHttp(port);
		officer.signIn(StaffFixtures.create(jdbc, "DATA_PROTECTION_OFFICER"), StaffFixtures.PASSWORD);
		HttpResponse<String> page = officer.get("/intern/datenschutz/protokoll?kennung=BO-2026-0099");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("unversehrt", "sachbearbeitung-9", "Urlaubsvertretung", "angesehen",
				"Einträge: 1");
		assertThat(HtmlChecker.errors(page.body())).isEmpty();
		assertThat(officer.get("/intern/datenschutz/protokoll?person=niemand").body()).contains("Einträge: 0");
	}
}
