package de.bochum.portal.applications.internal;

import de.bochum.portal.applications.CaseState;
import de.bochum.portal.platform.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Mails to applicants: the resume link of a saved draft, and — only if they asked for it — a note
 * that their case has a new state. The mails never carry answers or the tracking code.
 */
@Component
class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final Mailer mailer;
	private final String baseUrl;

	Notifications(Mailer mailer, @Value("${portal.base-url:http://localhost:8080}") String baseUrl) {
		this.mailer = mailer;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	void resumeLink(String to, FormDefinition form, String token, long days) {
		mailer.send(to, "Ihr gespeicherter Antrag: " + form.title(), """
				Guten Tag,

				Sie haben Ihren Antrag „%s“ im Bochumportal gespeichert. Mit diesem Link machen Sie dort weiter, wo Sie aufgehört haben:

				%s/antrag/fortsetzen?code=%s

				Der Link gilt %d Tage. Geben Sie ihn nicht weiter: Wer ihn hat, kann Ihre Angaben sehen und ändern.
				Wenn Sie den Antrag nicht fortsetzen, löschen wir Ihre Angaben 30 Tage nach der letzten Änderung.

				Ihre Stadt Bochum""".formatted(form.title(), baseUrl, token, days));
	}

	void stateChanged(Cases.CaseRecord record, CaseState state) {
		if (!record.notifyApplicant() || record.applicantEmail() == null) {
			return;
		}
		try {
			mailer.send(record.applicantEmail(), "Neuer Stand zu Ihrem Antrag " + record.reference(), """
					Guten Tag,

					zu Ihrem Antrag %s gibt es einen neuen Stand: %s.

					Einzelheiten und Nachrichten sehen Sie unter %s/antrag/status mit Ihrer Vorgangsnummer und Ihrem Zugangscode.

					Ihre Stadt Bochum""".formatted(record.reference(), label(state), baseUrl));
		}
		catch (Mailer.MailFailure e) {
			// the state change stands; the applicant still sees it on the status page
			log.warn("Benachrichtigung zu einem Antrag nicht versandt: {}", e.getClass().getSimpleName());
		}
	}

	static String label(CaseState state) {
		return switch (state) {
			case EINGEGANGEN -> "eingegangen";
			case IN_BEARBEITUNG -> "in Bearbeitung";
			case RUECKFRAGE -> "Rückfrage an Sie";
			case BEWILLIGT -> "abgeschlossen – bewilligt";
			case ABGELEHNT -> "abgeschlossen – abgelehnt";
		};
	}
}
