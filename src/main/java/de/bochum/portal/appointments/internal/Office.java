package de.bochum.portal.appointments.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import de.bochum.portal.services.Leistung;
import de.bochum.portal.services.Standort;

/**
 * A location of the service catalogue that gives appointments, with its counters.
 *
 * @param durations minutes per service where this office differs from the catalogue
 */
public record Office(long id, Standort standort, int slotMinutes, List<Counter> counters, Map<String, Integer> durations) {

	public String slug() {
		return standort.slug();
	}

	public String name() {
		return standort.name();
	}

	/** Minutes one unit of the service takes here. */
	int minutes(Leistung leistung) {
		return durations.getOrDefault(leistung.slug(), leistung.durationMinutes());
	}

	/** A counter and when it is staffed in a normal week. */
	public record Counter(long id, String label, List<Shift> shifts) {

		List<Shift> on(DayOfWeek day) {
			return shifts.stream().filter(s -> s.day() == day).toList();
		}
	}

	public record Shift(DayOfWeek day, LocalTime starts, LocalTime ends) {
	}
}
