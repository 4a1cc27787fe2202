package de.bochum.portal.appointments.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import de.bochum.portal.services.Standort;

/**
 * A booking as pages, mails and calendar files show it.
 *
 * @param services the services with their quantities, by name
 */
public record Booking(long id, String reference, Standort office, long counterId, String counterLabel, LocalDateTime start,
		LocalDateTime end, Status status, String name, String email, Instant holdUntil, boolean walkIn, Instant calledAt,
		String note, List<Service> services) {

	public enum Status {
		HELD, CONFIRMED, CANCELLED, EXPIRED, CHECKED_IN, NO_SHOW, BLOCKED
	}

	public record Service(String slug, String name, int quantity, List<String> documents) {
	}

	public String describeServices() {
		return services.stream()
			.map(s -> s.name() + (s.quantity() > 1 ? " (" + s.quantity() + "×)" : ""))
			.collect(java.util.stream.Collectors.joining(", "));
	}

	boolean heldAndOpen(Instant now) {
		return status == Status.HELD && holdUntil != null && holdUntil.isAfter(now);
	}

	public boolean upcoming(Instant now) {
		return start.atZone(de.bochum.portal.services.OpeningHours.BOCHUM).toInstant().isAfter(now);
	}

	public String address() {
		return office.street() + ", " + office.postalCode() + " " + office.city();
	}
}
