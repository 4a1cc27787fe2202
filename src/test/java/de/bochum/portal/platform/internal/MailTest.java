package de.bochum.portal.platform.internal;

import de.bochum.portal.platform.Mailer;
import de.bochum.portal.testsupport.HtmlChecker;
import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mail travels over real SMTP to the portal's own mailbox, and administrators can read it there. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailTest {

	@LocalServerPort
	int port;

	@Autowired
	Mailer mailer;

	@Autowired
	EmbeddedMailbox mailbox;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMailArrivesOverSmtpWithItsUmlautsIntact() {
		mailer.send("erika.mustermann@example.org", "Ihr Termin im Bürgerbüro", "Grüße aus Bochum.\nIhr Bürgerbüro");
		assertThat(mailbox.mailsTo("erika.mustermann@example.org"))
			.singleElement()
			.satisfies(mail -> {
				assertThat(mail.subject()).isEqualTo("Ihr Termin im Bürgerbüro");
				assertThat(mail.text()).contains("Grüße aus Bochum.");
			});
	}

	@Test
	void anInvalidAddressIsRefusedBeforeAnythingIsSent() {
		int before = mailbox.mails().size();
		assertThatThrownBy(() -> mailer.send("kein adressat", "Betreff", "Text")).isInstanceOf(Mailer.MailFailure.class);
		assertThat(mailbox.mails()).hasSize(before);
	}

	@Test
	void administratorsReadTheMailboxOthersDoNot() {
		mailer.send("max.muster@example.org", "Bestätigung Ihres Antrags", "Aktenzeichen BO-2026-0001");
		PortalHttp admin = new PortalHttp(port);
		admin.signIn(StaffFixtures.create(jdbc, "ADMIN"), StaffFixtures.PASSWORD);
		String page = admin.get("/intern/postfach").body();
		assertThat(page).contains("Postfach der Testumgebung", "max.muster@example.org", "Bestätigung Ihres Antrags",
				"Aktenzeichen BO-2026-0001");
		assertThat(HtmlChecker.errors(page)).isEmpty();

		PortalHttp editor = new PortalHttp(port);
		editor.signIn(StaffFixtures.create(jdbc, "EDITOR"), StaffFixtures.PASSWORD);
		assertThat(editor.get("/intern/postfach").statusCode()).isEqualTo(403);
	}
}
