package de.bochum.portal.appointments.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import de.bochum.portal.platform.PageContext;

/** Dates and times of appointments as people read them, in the page's language. */
public final class Format {

	private Format() {
	}

	/** "Donnerstag, 26. November 2026" or "Thursday, 26 November 2026". */
	public static String day(LocalDate date, PageContext ctx) {
		String pattern = "de".equals(ctx.lang()) ? "EEEE, d. MMMM yyyy" : "EEEE, d MMMM yyyy";
		return DateTimeFormatter.ofPattern(pattern, ctx.locale()).format(date);
	}

	/** "10:30 Uhr" or "10:30". */
	public static String time(LocalDateTime time, PageContext ctx) {
		return ctx.t("appointments.time.format", DateTimeFormatter.ofPattern("HH:mm").format(time));
	}

	public static String dayTime(LocalDateTime time, PageContext ctx) {
		return day(time.toLocalDate(), ctx) + ", " + time(time, ctx);
	}
}
