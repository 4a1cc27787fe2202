package de.bochum.portal.appointments.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import de.bochum.portal.platform.Mailer;
import de.bochum.portal.services.OpeningHours;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The mails of a booking, in German like the portal's other mails; plain text, no tracking. */
@Component
class BookingMails {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", Locale.GERMAN);
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.GERMAN);

	private final Mailer mailer;
	private final String baseUrl;

	BookingMails(Mailer mailer, @Value("${portal.base-url:http://localhost:8080}") String baseUrl) {
		this.mailer = mailer;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	void held(Booking b, String token) {
		mailer.send(b.email(), "Bitte bestätigen Sie Ihren Termin " + b.reference(), """
				Guten Tag %s,

				Sie haben einen Termin reserviert:

				%s
				Bitte bestätigen Sie ihn bis %s Uhr über diesen Link:
				%s/termine/verwalten?code=%s

				Ohne Bestätigung verfällt die Reservierung und der Termin wird wieder frei.
				Wenn Sie nichts reserviert haben, können Sie diese Nachricht ignorieren.

				Ihre Stadt Bochum""".formatted(b.name(), details(b),
				TIME.format(b.holdUntil().atZone(OpeningHours.BOCHUM)), baseUrl, token));
	}

	void confirmed(Booking b, String token) {
		mailer.send(b.email(), "Ihr Termin " + b.reference() + " ist bestätigt", """
				Guten Tag %s,

				Ihr Termin ist bestätigt:

				%s%s
				Termin in den Kalender übernehmen (iCalendar-Datei):
				%s/termine/verwalten/termin.ics?code=%s

				Termin verschieben oder absagen:
				%s/termine/verwalten?code=%s

				Bitte sagen Sie ab, wenn Sie nicht kommen können: dann bekommt jemand anderes den Termin.

				Ihre Stadt Bochum""".formatted(b.name(), details(b), documents(b), baseUrl, token, baseUrl, token));
	}

	void reminder(Booking b) {
		mailer.send(b.email(), "Erinnerung: Ihr Termin morgen, " + b.reference(), """
				Guten Tag %s,

				wir erinnern Sie an Ihren Termin morgen:

				%s%s
				Wenn Sie nicht kommen können, sagen Sie bitte über den Link in Ihrer Bestätigungsmail ab.

				Ihre Stadt Bochum""".formatted(b.name(), details(b), documents(b)));
	}

	void cancelled(Booking b) {
		mailer.send(b.email(), "Ihr Termin " + b.reference() + " ist abgesagt", """
				Guten Tag %s,

				Ihr Termin ist abgesagt:

				%s
				Einen neuen Termin buchen Sie unter %s/termine

				Ihre Stadt Bochum""".formatted(b.name(), details(b), baseUrl));
	}

	static String details(Booking b) {
		return """
				Vorgangsnummer: %s
				Wann: %s, %s Uhr
				Wo: %s, %s
				Anliegen: %s
				""".formatted(b.reference(), DAY.format(b.start()), TIME.format(b.start()), b.office().name(), b.address(),
				b.describeServices());
	}

	private static String documents(Booking b) {
		StringBuilder text = new StringBuilder();
		for (Booking.Service s : b.services()) {
			if (!s.documents().isEmpty()) {
				text.append("\nBitte mitbringen für ").append(s.name()).append(":\n");
				s.documents().forEach(d -> text.append("- ").append(d).append('\n'));
			}
		}
		return text.toString();
	}

	static String time(Instant instant) {
		return TIME.format(instant.atZone(OpeningHours.BOCHUM));
	}
}
