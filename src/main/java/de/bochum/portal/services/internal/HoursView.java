package de.bochum.portal.services.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import de.bochum.portal.platform.PageContext;
import de.bochum.portal.services.OpeningHours;
import de.bochum.portal.services.Standort;

/**
 * A location as the pages show it: the open-now sentence, the week's hours and the special days
 * ahead, in the visitor's language.
 */
public record HoursView(Standort standort, boolean open, String status, List<Day> week, List<Special> specialDays) {

	public record Day(String name, String hours, boolean today) {
	}

	public record Special(String date, String hours, String note) {
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	static HoursView of(Standort standort, ZonedDateTime now, PageContext ctx) {
		OpeningHours hours = standort.hours();
		LocalDate today = now.withZoneSameInstant(OpeningHours.BOCHUM).toLocalDate();
		List<Day> week = Arrays.stream(DayOfWeek.values())
			.map(day -> new Day(day.getDisplayName(TextStyle.FULL, ctx.locale()),
					slots(hours.weeklyOn(day), ctx), day == today.getDayOfWeek()))
			.toList();
		List<Special> specials = hours.specialDaysFrom(today, 5)
			.stream()
			.map(day -> new Special(DATE.format(day.day()),
					day.closed() ? ctx.t("services.hours.closed")
							: TIME.format(day.opens()) + "–" + TIME.format(day.closes()),
					day.note()))
			.toList();
		return new HoursView(standort, hours.statusAt(now).open(), status(hours.statusAt(now), today, ctx), week, specials);
	}

	static String status(OpeningHours.Status status, LocalDate today, PageContext ctx) {
		if (status.open()) {
			return ctx.t("services.hours.openNow", TIME.format(status.change()));
		}
		if (status.change() == null) {
			return ctx.t("services.hours.closedNow");
		}
		LocalDate date = status.change().toLocalDate();
		String when;
		if (date.equals(today)) {
			when = ctx.t("services.hours.today");
		}
		else if (date.equals(today.plusDays(1))) {
			when = ctx.t("services.hours.tomorrow");
		}
		else if (date.isBefore(today.plusDays(7))) {
			when = date.getDayOfWeek().getDisplayName(TextStyle.SHORT, ctx.locale());
		}
		else {
			when = date.getDayOfWeek().getDisplayName(TextStyle.SHORT, ctx.locale()) + " " + DATE.format(date);
		}
		return ctx.t("services.hours.closedOpens", when, TIME.format(status.change()));
	}

	private static String slots(List<OpeningHours.Slot> slots, PageContext ctx) {
		if (slots.isEmpty()) {
			return ctx.t("services.hours.closed");
		}
		return slots.stream()
			.map(slot -> TIME.format(slot.opens()) + "–" + TIME.format(slot.closes()))
			.collect(Collectors.joining(", "));
	}
}
