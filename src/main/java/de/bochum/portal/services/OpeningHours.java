package de.bochum.portal.services;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The weekly opening hours of a location and the days that differ from them (holidays, short
 * days). All times are local to Bochum.
 */
public record OpeningHours(List<Slot> weekly, List<SpecialDay> specialDays) {

	public static final ZoneId BOCHUM = ZoneId.of("Europe/Berlin");

	/** How far ahead {@link #statusAt} looks for the next opening: long closures over Christmas fit in. */
	private static final int LOOK_AHEAD_DAYS = 21;

	public OpeningHours {
		weekly = weekly.stream().sorted(Comparator.comparing(Slot::day).thenComparing(Slot::opens)).toList();
		specialDays = specialDays.stream().sorted(Comparator.comparing(SpecialDay::day)).toList();
	}

	/** Open from {@code opens} to {@code closes} on every {@code day}. */
	public record Slot(DayOfWeek day, LocalTime opens, LocalTime closes) {
	}

	/** A date that differs from the weekly pattern: closed when {@code opens} is {@code null}. */
	public record SpecialDay(LocalDate day, LocalTime opens, LocalTime closes, String note) {

		public boolean closed() {
			return opens == null;
		}
	}

	/**
	 * Whether the location is open at an instant.
	 *
	 * @param open open right now
	 * @param change when it closes (if open) or next opens (if closed); {@code null} when no opening is known
	 * @param note the note of today's special day, if any
	 */
	public record Status(boolean open, LocalDateTime change, String note) {
	}

	/** The opening times of a day with special days honoured. */
	public List<Slot> on(LocalDate date) {
		Optional<SpecialDay> special = specialDay(date);
		if (special.isPresent()) {
			SpecialDay day = special.get();
			return day.closed() ? List.of() : List.of(new Slot(date.getDayOfWeek(), day.opens(), day.closes()));
		}
		return weekly.stream().filter(slot -> slot.day() == date.getDayOfWeek()).toList();
	}

	public List<Slot> weeklyOn(DayOfWeek day) {
		return weekly.stream().filter(slot -> slot.day() == day).toList();
	}

	public Optional<SpecialDay> specialDay(LocalDate date) {
		return specialDays.stream().filter(day -> day.day().equals(date)).findFirst();
	}

	/** Special days from {@code from} on, for the notice "abweichende Öffnungszeiten". */
	public List<SpecialDay> specialDaysFrom(LocalDate from, int limit) {
		return specialDays.stream().filter(day -> !day.day().isBefore(from)).limit(limit).toList();
	}

	public Status statusAt(ZonedDateTime instant) {
		LocalDateTime now = instant.withZoneSameInstant(BOCHUM).toLocalDateTime();
		LocalDate today = now.toLocalDate();
		String note = specialDay(today).map(SpecialDay::note).orElse(null);
		for (Slot slot : on(today)) {
			if (!now.toLocalTime().isBefore(slot.opens()) && now.toLocalTime().isBefore(slot.closes())) {
				return new Status(true, today.atTime(slot.closes()), note);
			}
		}
		for (int offset = 0; offset <= LOOK_AHEAD_DAYS; offset++) {
			LocalDate date = today.plusDays(offset);
			for (Slot slot : on(date)) {
				LocalDateTime opens = date.atTime(slot.opens());
				if (opens.isAfter(now)) {
					return new Status(false, opens, note);
				}
			}
		}
		return new Status(false, null, note);
	}
}
