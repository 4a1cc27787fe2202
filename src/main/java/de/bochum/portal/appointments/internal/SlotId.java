package de.bochum.portal.appointments.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The value of a slot's radio button: office and local start time, e.g.
 * {@code buergerbuero-rathaus~2026-11-26T10:30}. It names a wish, not a reservation: the server
 * checks it against the schedules and bookings again, so a changed value can only name another
 * slot, which is then free or not.
 */
public record SlotId(String office, LocalDateTime start) {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	static String of(String office, LocalDateTime start) {
		return office + "~" + FORMAT.format(start);
	}

	static Optional<SlotId> parse(String value) {
		if (value == null || value.length() > 120) {
			return Optional.empty();
		}
		int tilde = value.indexOf('~');
		if (tilde <= 0 || !value.substring(0, tilde).matches("[a-z0-9-]+")) {
			return Optional.empty();
		}
		try {
			return Optional.of(new SlotId(value.substring(0, tilde), LocalDateTime.parse(value.substring(tilde + 1), FORMAT)));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	@Override
	public String toString() {
		return of(office, start);
	}
}
