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
 * The offices that give appointments, read with their counters, shifts and durations. The
 * configuration is a few dozen rows; it is read fresh each time, so a change shows at once.
 */
@Component
class Offices {

	private final JdbcClient jdbc;
	private final ServiceCatalogue catalogue;

	Offices(JdbcClient jdbc, ServiceCatalogue catalogue) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
	}

	/** Active offices whose location exists in the catalogue, ordered by the location's name. */
	List<Office> all() {
		Map<String, Standort> locations = new HashMap<>();
		catalogue.locations().forEach(s -> locations.put(s.slug(), s));
		List<Office> offices = load("o.active", Map.of(), locations);
		offices.sort(java.util.Comparator.comparing(Office::name, java.text.Collator.getInstance(java.util.Locale.GERMAN)));
		return offices;
	}

	Optional<Office> find(String slug) {
		return catalogue.location(slug)
			.flatMap(s -> load("o.active and o.standort_slug = :slug", Map.of("slug", slug), Map.of(slug, s)).stream().findFirst());
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
