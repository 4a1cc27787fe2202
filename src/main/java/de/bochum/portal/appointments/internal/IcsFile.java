package de.bochum.portal.appointments.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import de.bochum.portal.services.OpeningHours;

/**
 * An iCalendar file (RFC 5545) with one event. Times in UTC, so no VTIMEZONE is needed and every
 * calendar shows the local time right; lines end in CRLF and are folded at 75 octets.
 */
final class IcsFile {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private IcsFile() {
	}

	static String of(Booking b, Instant now, String host) {
		StringBuilder ics = new StringBuilder();
		line(ics, "BEGIN:VCALENDAR");
		line(ics, "VERSION:2.0");
		line(ics, "PRODID:-//Stadt Bochum//Bochumportal Termine//DE");
		line(ics, "CALSCALE:GREGORIAN");
		line(ics, "METHOD:PUBLISH");
		line(ics, "BEGIN:VEVENT");
		line(ics, "UID:" + b.reference() + "-" + b.id() + "@" + host);
		line(ics, "DTSTAMP:" + UTC.format(now));
		line(ics, "DTSTART:" + UTC.format(b.start().atZone(OpeningHours.BOCHUM)));
		line(ics, "DTEND:" + UTC.format(b.end().atZone(OpeningHours.BOCHUM)));
		line(ics, "SUMMARY:" + text("Termin " + b.office().name() + ": " + b.describeServices()));
		line(ics, "LOCATION:" + text(b.office().name() + ", " + b.address()));
		line(ics, "DESCRIPTION:" + text("Vorgangsnummer " + b.reference() + "\n" + b.describeServices()));
		line(ics, "STATUS:CONFIRMED");
		line(ics, "TRANSP:OPAQUE");
		line(ics, "BEGIN:VALARM");
		line(ics, "ACTION:DISPLAY");
		line(ics, "DESCRIPTION:" + text("Termin " + b.office().name()));
		line(ics, "TRIGGER:-PT1H");
		line(ics, "END:VALARM");
		line(ics, "END:VEVENT");
		line(ics, "END:VCALENDAR");
		return ics.toString();
	}

	/** TEXT value escaping of RFC 5545 §3.3.11. */
	static String text(String value) {
		return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
	}

	/** Adds a content line, folded so that no line exceeds 75 octets and no UTF-8 sequence is split. */
	private static void line(StringBuilder ics, String content) {
		int octets = 0;
		int limit = 75;
		for (int i = 0; i < content.length();) {
			int cp = content.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				ics.append("\r\n ");
				octets = 1;
			}
			ics.appendCodePoint(cp);
			octets += size;
			i += Character.charCount(cp);
		}
		ics.append("\r\n");
	}
}
