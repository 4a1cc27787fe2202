package de.bochum.portal.appointments.internal;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.bochum.portal.services.ServiceCatalogue;
import de.bochum.portal.services.Standort;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The offices that give appointments, read with their counters, shifts and durations, and the
 * locations' opening hours from the catalogue. Slot searches need them on every request; they
 * change a few times a year, so they are kept for a few seconds ({@code portal.appointments.config-seconds}):
 * under a rush that saves a dozen queries per request, and a change still shows almost at once.
 */
@Component
class Offices {

	private final JdbcClient jdbc;
	private final ServiceCatalogue catalogue;

	private final java.time.Clock clock;
	private final java.time.Duration keep;
	private volatile Snapshot snapshot;

	private record Snapshot(List<Office> offices, java.time.Instant until) {
	}

	Offices(JdbcClient jdbc, ServiceCatalogue catalogue, java.time.Clock clock,
			@org.springframework.beans.factory.annotation.Value("${portal.appointments.config-seconds:5}") int seconds) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.clock = clock;
		this.keep = java.time.Duration.ofSeconds(seconds);
	}

	/** Active offices whose location exists in the catalogue, ordered by the location's name. */
	List<Office> all() {
		Snapshot current = snapshot;
		java.time.Instant now = clock.instant();
		if (current == null || !now.isBefore(current.until())) {
			Map<String, Standort> locations = new HashMap<>();
			catalogue.locations().forEach(s -> locations.put(s.slug(), s));
			List<Office> offices = load("o.active", Map.of(), locations);
			offices.sort(java.util.Comparator.comparing(Office::name, java.text.Collator.getInstance(java.util.Locale.GERMAN)));
			current = new Snapshot(List.copyOf(offices), now.plus(keep));
			snapshot = current;
		}
		return current.offices();
	}

	Optional<Office> find(String slug) {
		return all().stream().filter(o -> o.slug().equals(slug)).findFirst();
	}

	/** Forgets the kept configuration, e.g. after a test changed counters or closures. */
	void forget() {
		snapshot = null;
	}

	private List<Office> load(String condition, Map<String, Object> params, Map<String, Standort> locations) {
		record Row(long office, String slug, int slotMinutes, Long counter, String label) {
		}
		List<Row> rows = jdbc.sql("""
				select o.id, o.standort_slug, o.slot_minutes, c.id, c.label from appointments_office o
				left join appointments_counter c on c.office_id = o.id and c.active
				where """ + " " + condition + " order by o.id, c.label")
			.params(params)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), (Long) rs.getObject(4), rs.getString(5)))
			.list();
		Map<Long, List<Office.Shift>> shifts = new HashMap<>();
		jdbc.sql("select counter_id, weekday, starts, ends from appointments_counter_hours").query(rs -> {
			shifts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Office.Shift(DayOfWeek.of(rs.getInt(2)), rs.getTime(3).toLocalTime(), rs.getTime(4).toLocalTime()));
		});
		Map<Long, Map<String, Integer>> durations = new HashMap<>();
		jdbc.sql("select office_id, leistung_slug, minutes from appointments_duration")
			.query(rs -> {
				durations.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
			});
		Map<Long, Office> offices = new LinkedHashMap<>();
		Map<Long, List<Office.Counter>> counters = new LinkedHashMap<>();
		for (Row row : rows) {
			Standort standort = locations.get(row.slug());
			if (standort == null) {
				continue;
			}
			List<Office.Counter> list = counters.computeIfAbsent(row.office(), k -> new ArrayList<>());
			offices.computeIfAbsent(row.office(), id -> new Office(id, standort, row.slotMinutes(), list,
					durations.getOrDefault(id, Map.of())));
			if (row.counter() != null) {
				list.add(new Office.Counter(row.counter(), row.label(), shifts.getOrDefault(row.counter(), List.of())));
			}
		}
		return new ArrayList<>(offices.values());
	}
}
