package de.bochum.portal.appointments.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.bochum.portal.services.OpeningHours;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes free slots: the opening hours of the location (holidays and special days included)
 * cut with each counter's shifts, minus closures, absences and bookings that occupy the counter.
 * A start time is offered when at least one counter is free for the whole duration.
 */
@Component
public class SlotFinder {

	/** Statuses that occupy a counter; the same list as in the exclusion constraint. */
	static final String OCCUPYING = "('HELD', 'CONFIRMED', 'CHECKED_IN', 'NO_SHOW', 'BLOCKED')";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AppointmentProperties properties;

	SlotFinder(JdbcClient jdbc, Clock clock, AppointmentProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** A start time at an office, with the counters free for the requested duration. */
	public record Slot(Office office, LocalDateTime start, int minutes, List<Long> counters) {

		public String id() {
			return SlotId.of(office.slug(), start);
		}

		public LocalDate day() {
			return start.toLocalDate();
		}
	}

	/** The last day citizens may book: the horizon grows by one day at the release time. */
	LocalDate lastBookableDay(Instant now) {
		ZonedDateTime local = now.atZone(OpeningHours.BOCHUM);
		int days = properties.horizonDays() - (local.toLocalTime().isBefore(properties.releaseTime()) ? 1 : 0);
		return local.toLocalDate().plusDays(Math.max(days, 0));
	}

	/** Free slots of {@code minutes} at the office from now to the end of the horizon. */
	List<Slot> free(Office office, int minutes) {
		return free(office, minutes, null, Integer.MAX_VALUE);
	}

	/**
	 * The first {@code limit} free slots after {@code after} (null: from now) within the horizon. The
	 * search walks day by day and stops once it has enough: a page of radio buttons rarely needs more
	 * than a few days, while a fully booked office is searched to the end of the horizon.
	 */
	List<Slot> free(Office office, int minutes, LocalDateTime after, int limit) {
		Instant now = clock.instant();
		return free(office, minutes, now.atZone(OpeningHours.BOCHUM).toLocalDate(), lastBookableDay(now), now, true, after,
				limit);
	}

	/**
	 * Slots of {@code minutes} at the office on the days {@code from} to {@code to}, after {@code now}.
	 *
	 * @param honourBookings false to get every start the schedules offer, booked or not
	 */
	List<Slot> free(Office office, int minutes, LocalDate from, LocalDate to, Instant now, boolean honourBookings) {
		return free(office, minutes, from, to, now, honourBookings, null, Integer.MAX_VALUE);
	}

	private List<Slot> free(Office office, int minutes, LocalDate from, LocalDate to, Instant now, boolean honourBookings,
			LocalDateTime after, int limit) {
		if (to.isBefore(from) || office.counters().isEmpty()) {
			return List.of();
		}
		Instant rangeStart = from.atStartOfDay(OpeningHours.BOCHUM).toInstant();
		Instant rangeEnd = to.plusDays(1).atStartOfDay(OpeningHours.BOCHUM).toInstant();
		Map<Long, List<long[]>> busy = honourBookings ? busy(office, rangeStart, rangeEnd, now) : Map.of();
		List<long[]> officeClosed = busy.getOrDefault(0L, List.of());
		List<Slot> slots = new ArrayList<>();
		long nowSeconds = now.getEpochSecond();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			List<OpeningHours.Slot> open = office.standort().hours().on(day);
			if (open.isEmpty()) {
				continue;
			}
			Map<LocalTime, List<Long>> starts = new HashMap<>();
			// offices open by day; a change of summer time happens at night, so one offset serves the whole day
			long midnight = day.atStartOfDay().toEpochSecond(OpeningHours.BOCHUM.getRules().getOffset(day.atTime(12, 0)));
			for (Office.Counter counter : office.counters()) {
				List<long[]> counterBusy = busy.getOrDefault(counter.id(), List.of());
				for (Office.Shift shift : counter.on(day.getDayOfWeek())) {
					for (OpeningHours.Slot hours : open) {
						LocalTime windowStart = max(shift.starts(), hours.opens());
						LocalTime windowEnd = min(shift.ends(), hours.closes());
						int first = ceil(windowStart.toSecondOfDay() / 60, office.slotMinutes());
						for (int m = first; m + minutes <= windowEnd.toSecondOfDay() / 60; m += office.slotMinutes()) {
							LocalTime time = LocalTime.ofSecondOfDay(m * 60L);
							long start = midnight + m * 60L;
							long end = start + minutes * 60L;
							if (start <= nowSeconds || overlaps(officeClosed, start, end) || overlaps(counterBusy, start, end)) {
								continue;
							}
							starts.computeIfAbsent(time, t -> new ArrayList<>()).add(counter.id());
						}
					}
				}
			}
			LocalDate date = day;
			starts.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.map(e -> new Slot(office, date.atTime(e.getKey()), minutes, List.copyOf(e.getValue())))
				.filter(slot -> after == null || slot.start().isAfter(after))
				.forEach(slots::add);
			if (slots.size() >= limit) {
				return slots.subList(0, limit);
			}
		}
		return slots;
	}

	/** Earliest first across offices; ties by office name. */
	static List<Slot> earliestFirst(List<Slot> slots) {
		return slots.stream().sorted(Comparator.comparing(Slot::start).thenComparing(s -> s.office().name())).toList();
	}

	/** Busy periods (epoch seconds) per counter id; key 0 holds the closures of the whole office. */
	private Map<Long, List<long[]>> busy(Office office, Instant from, Instant to, Instant now) {
		Map<Long, List<long[]>> busy = new HashMap<>();
		jdbc.sql("""
				select counter_id, lower(period), upper(period) from appointments_booking
				where office_id = :office and period && tstzrange(:from, :to) and status in """ + OCCUPYING + """
				 and not (status = 'HELD' and hold_until < :now)
				union all
				select coalesce(counter_id, 0), lower(period), upper(period) from appointments_closure
				where office_id = :office and period && tstzrange(:from, :to)""")
			.param("office", office.id())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("now", Timestamp.from(now))
			.query(rs -> {
				busy.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new long[] { rs.getTimestamp(2).toInstant().getEpochSecond(), rs.getTimestamp(3).toInstant().getEpochSecond() });
			});
		return busy;
	}

	private static boolean overlaps(List<long[]> periods, long start, long end) {
		for (long[] p : periods) {
			if (p[0] < end && start < p[1]) {
				return true;
			}
		}
		return false;
	}

	private static int ceil(int minute, int grid) {
		return (minute + grid - 1) / grid * grid;
	}

	private static LocalTime max(LocalTime a, LocalTime b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalTime min(LocalTime a, LocalTime b) {
		return a.isBefore(b) ? a : b;
	}
}
