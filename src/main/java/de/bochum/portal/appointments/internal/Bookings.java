package de.bochum.portal.appointments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.bochum.portal.platform.Hashes;
import de.bochum.portal.services.Leistung;
import de.bochum.portal.services.OpeningHours;
import de.bochum.portal.services.ServiceCatalogue;
import de.bochum.portal.services.Standort;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds, confirmations, cancellations and rescheduling. The rule that no counter is booked twice
 * lives in PostgreSQL (exclusion constraint); this class tries the free counters one after the
 * other, each in a short transaction of its own, and treats a refusal by the constraint as
 * "taken". The rule of one active booking per service and email is checked under an advisory
 * lock on the address, so two requests of one person cannot both pass it.
 */
@Service
class Bookings {

	/** What became of a booking attempt. */
	sealed interface Outcome permits Held, Taken, Refused {
	}

	record Held(String reference, String token, Instant holdUntil) implements Outcome {
	}

	/** The slot was taken by someone faster; here are the next free ones. */
	record Taken(List<SlotFinder.Slot> alternatives) implements Outcome {
	}

	/** Refused for a reason the citizen can act on; {@code messageKey} in the bundle. */
	record Refused(String messageKey) implements Outcome {
	}

	private static final class PersonLimit extends RuntimeException {

		PersonLimit() {
			super(null, null, false, false);
		}
	}

	private static final String OVERLAP = "23P01";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Offices offices;
	private final SlotFinder slots;
	private final ServiceCatalogue catalogue;
	private final TransactionTemplate tx;
	private final AppointmentProperties properties;

	Bookings(JdbcClient jdbc, Clock clock, Offices offices, SlotFinder slots, ServiceCatalogue catalogue,
			PlatformTransactionManager transactions, AppointmentProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.offices = offices;
		this.slots = slots;
		this.catalogue = catalogue;
		this.tx = new TransactionTemplate(transactions);
		this.properties = properties;
	}

	/** Offices that serve the choice: those of the responsible Dienststelle that give appointments. */
	List<Office> officesFor(Choice choice) {
		return offices.all().stream().filter(o -> choice.dienststelle() != null
				&& choice.dienststelle().equals(o.standort().dienststelleSlug())).toList();
	}

	/** Free slots for the choice at one office or, with {@code office} null, at every office, earliest first. */
	List<SlotFinder.Slot> freeSlots(Choice choice, Office office) {
		return freeSlots(choice, office, null, Integer.MAX_VALUE);
	}

	/** The first {@code limit} free slots after {@code after}: the first {@code limit} of each office suffice to merge. */
	List<SlotFinder.Slot> freeSlots(Choice choice, Office office, LocalDateTime after, int limit) {
		List<Office> where = office == null ? officesFor(choice) : List.of(office);
		List<SlotFinder.Slot> all = new ArrayList<>();
		for (Office o : where) {
			all.addAll(slots.free(o, choice.minutes(o), after, limit));
		}
		List<SlotFinder.Slot> sorted = SlotFinder.earliestFirst(all);
		return sorted.size() > limit ? sorted.subList(0, limit) : sorted;
	}

	/**
	 * Checks a slot as the citizen picked it, without reserving it.
	 *
	 * @return empty if the slot can be booked now, else why not
	 */
	Optional<Outcome> check(Choice choice, SlotId id, boolean anyOffice) {
		Optional<Office> office = offices.find(id.office());
		if (office.isEmpty() || !office.get().standort().dienststelleSlug().equals(choice.dienststelle())) {
			return Optional.of(new Refused("appointments.error.slot.invalid"));
		}
		Instant now = clock.instant();
		int minutes = choice.minutes(office.get());
		LocalDate day = id.start().toLocalDate();
		if (!id.start().atZone(OpeningHours.BOCHUM).toInstant().isAfter(now)) {
			return Optional.of(new Refused("appointments.error.slot.past"));
		}
		if (day.isAfter(slots.lastBookableDay(now))) {
			return Optional.of(new Refused("appointments.error.slot.notreleased"));
		}
		if (slots.free(office.get(), minutes, day, day, now, false).stream().noneMatch(s -> s.start().equals(id.start()))) {
			return Optional.of(new Refused("appointments.error.slot.outside"));
		}
		if (slot(office.get(), minutes, id.start(), now).isEmpty()) {
			return Optional.of(new Taken(alternatives(choice, anyOffice ? null : office.get(), id.start())));
		}
		return Optional.empty();
	}

	/** Reserves the slot for the person until they confirm by the link in the mail. */
	Outcome hold(Choice choice, SlotId id, boolean anyOffice, String name, String email) {
		Optional<Outcome> problem = check(choice, id, anyOffice);
		if (problem.isPresent()) {
			return problem.get();
		}
		Office office = offices.find(id.office()).orElseThrow();
		Instant now = clock.instant();
		Instant holdUntil = now.plus(Duration.ofMinutes(properties.holdMinutes()));
		String token = Secrets.token();
		Optional<SlotFinder.Slot> slot = slot(office, choice.minutes(office), id.start(), now);
		for (Long counter : slot.map(SlotFinder.Slot::counters).orElse(List.of())) {
			try {
				String reference = tx.execute(status -> insert(office, counter, choice, id.start(), "HELD", name,
						email, token, holdUntil, null, now));
				return new Held(reference, token, holdUntil);
			}
			catch (PersonLimit e) {
				return new Refused("appointments.error.limit.service");
			}
			catch (DataIntegrityViolationException e) {
				if (!overlap(e)) {
					throw e;
				}
			}
		}
		return new Taken(alternatives(choice, anyOffice ? null : office, id.start()));
	}

	/** Moves a confirmed booking to another slot, all or nothing: if the new slot is taken the old one stays. */
	Outcome reschedule(String token, SlotId id) {
		Booking old = byToken(token).filter(b -> b.status() == Booking.Status.CONFIRMED && b.upcoming(clock.instant()))
			.orElse(null);
		if (old == null) {
			return new Refused("appointments.error.token");
		}
		Choice choice = choiceOf(old);
		Optional<Outcome> problem = check(choice, id, false);
		if (problem.isPresent()) {
			return problem.get();
		}
		Office office = offices.find(id.office()).orElseThrow();
		Instant now = clock.instant();
		Optional<SlotFinder.Slot> slot = slot(office, choice.minutes(office), id.start(), now);
		for (Long counter : slot.map(SlotFinder.Slot::counters).orElse(List.of())) {
			try {
				String reference = tx.execute(status -> {
					jdbc.sql("update appointments_booking set status = 'CANCELLED', token_hash = null where id = ?")
						.param(old.id())
						.update();
					return insert(office, counter, choice, id.start(), "CONFIRMED", old.name(), old.email(), token, null,
							old.id(), now);
				});
				return new Held(reference, token, null);
			}
			catch (PersonLimit e) {
				return new Refused("appointments.error.limit.service");
			}
			catch (DataIntegrityViolationException e) {
				if (!overlap(e)) {
					throw e;
				}
			}
		}
		return new Taken(alternatives(choice, office, id.start()));
	}

	LocalDate lastBookableDay() {
		return slots.lastBookableDay(clock.instant());
	}

	/** Today's bookings called to a counter, latest first, for the waiting room's display. */
	List<Booking> calledToday(Office office, int limit) {
		LocalDate today = clock.instant().atZone(OpeningHours.BOCHUM).toLocalDate();
		List<Booking> called = new ArrayList<>(load("b.office_id = ? and b.called_at is not null and b.period && tstzrange(?, ?)",
				office.id(), Timestamp.from(today.atStartOfDay(OpeningHours.BOCHUM).toInstant()),
				Timestamp.from(today.plusDays(1).atStartOfDay(OpeningHours.BOCHUM).toInstant())));
		called.sort(java.util.Comparator.comparing(Booking::calledAt).reversed());
		return called.stream().limit(limit).toList();
	}

	/**
	 * A booking made by staff: a walk-in (checked in at once) or a blocked time. Returns the
	 * reference, or empty if the counter is not free then (the exclusion constraint said no).
	 */
	Optional<String> staffInsert(Office office, long counter, LocalDateTime start, int minutes, String status, String name,
			String note, boolean walkIn, Choice choice) {
		Instant from = start.atZone(OpeningHours.BOCHUM).toInstant();
		Instant to = from.plus(Duration.ofMinutes(minutes));
		Instant now = clock.instant();
		try {
			return Optional.of(tx.execute(s -> {
				jdbc.sql("""
						update appointments_booking set status = 'EXPIRED' where counter_id = :counter and status = 'HELD'
						and hold_until < :now and period && tstzrange(:from, :to)""")
					.param("counter", counter).param("now", Timestamp.from(now))
					.param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
					.update();
				String reference = Secrets.reference();
				long id = jdbc.sql("""
						insert into appointments_booking (reference, office_id, counter_id, period, status, name, created_at,
						                                  confirmed_at, walk_in, note)
						values (?, ?, ?, tstzrange(?, ?), ?, ?, ?, ?, ?, ?) returning id""")
					.params(reference, office.id(), counter, Timestamp.from(from), Timestamp.from(to), status, name,
							Timestamp.from(now), Timestamp.from(now), walkIn, note)
					.query(Long.class)
					.single();
				if (choice != null) {
					for (Map.Entry<Leistung, Integer> e : choice.quantities().entrySet()) {
						jdbc.sql("insert into appointments_booking_service (booking_id, leistung_slug, quantity) values (?, ?, ?)")
							.params(id, e.getKey().slug(), e.getValue())
							.update();
					}
				}
				return reference;
			}));
		}
		catch (DataIntegrityViolationException e) {
			if (overlap(e)) {
				return Optional.empty();
			}
			throw e;
		}
	}

	/** Sets the status of a booking at the office, from one of the expected ones; false if it was not there. */
	boolean staffUpdate(Office office, long id, String set, String... from) {
		return jdbc.sql("update appointments_booking set " + set + " where id = :id and office_id = :office and status in (:from)")
			.param("id", id)
			.param("office", office.id())
			.param("from", List.of(from))
			.param("now", Timestamp.from(clock.instant()))
			.update() == 1;
	}

	/** The day's bookings at the office that occupy a counter, by start time. */
	List<Booking> day(Office office, LocalDate day) {
		return load("b.office_id = ? and b.period && tstzrange(?, ?) and b.status in " + SlotFinder.OCCUPYING
				+ " and not (b.status = 'HELD' and b.hold_until < ?)", office.id(),
				Timestamp.from(day.atStartOfDay(OpeningHours.BOCHUM).toInstant()),
				Timestamp.from(day.plusDays(1).atStartOfDay(OpeningHours.BOCHUM).toInstant()), Timestamp.from(clock.instant()));
	}

	/** What the citizen's link shows. */
	Optional<Booking> byToken(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		return load("b.token_hash = ?", Hashes.sha256(token)).stream().findFirst();
	}

	enum Confirmation {
		CONFIRMED, ALREADY_CONFIRMED, EXPIRED, CANCELLED, UNKNOWN
	}

	Confirmation confirm(String token) {
		Optional<Booking> booking = byToken(token);
		if (booking.isEmpty()) {
			return Confirmation.UNKNOWN;
		}
		Instant now = clock.instant();
		int confirmed = jdbc.sql("""
				update appointments_booking set status = 'CONFIRMED', confirmed_at = :now, hold_until = null
				where id = :id and status = 'HELD' and hold_until > :now""")
			.param("id", booking.get().id())
			.param("now", Timestamp.from(now))
			.update();
		if (confirmed == 1) {
			return Confirmation.CONFIRMED;
		}
		return switch (booking.get().status()) {
			case CONFIRMED, CHECKED_IN -> Confirmation.ALREADY_CONFIRMED;
			case CANCELLED, NO_SHOW -> Confirmation.CANCELLED;
			default -> Confirmation.EXPIRED;
		};
	}

	/** Cancels by the citizen's link; false if there is nothing (any more) to cancel. */
	boolean cancel(String token) {
		Optional<Booking> booking = byToken(token);
		if (booking.isEmpty() || !booking.get().upcoming(clock.instant())) {
			return false;
		}
		return jdbc.sql("""
				update appointments_booking set status = 'CANCELLED', token_hash = null
				where id = ? and status in ('HELD', 'CONFIRMED')""").param(booking.get().id()).update() == 1;
	}

	Choice choiceOf(Booking booking) {
		Map<Leistung, Integer> quantities = new java.util.LinkedHashMap<>();
		for (Booking.Service service : booking.services()) {
			catalogue.findBySlug(service.slug()).ifPresent(l -> quantities.put(l, service.quantity()));
		}
		return new Choice(quantities);
	}

	/** Bookings matching a condition on {@code appointments_booking b}, with their services. */
	List<Booking> load(String condition, Object... params) {
		record Row(long id, String reference, String office, long counter, String label, Instant start, Instant end,
				String status, String name, String email, Instant holdUntil, boolean walkIn, Instant calledAt, String note) {
		}
		List<Row> rows = jdbc.sql("""
				select b.id, b.reference, o.standort_slug, b.counter_id, c.label, lower(b.period), upper(b.period), b.status,
				       b.name, b.email, b.hold_until, b.walk_in, b.called_at, b.note
				from appointments_booking b
				join appointments_office o on o.id = b.office_id
				join appointments_counter c on c.id = b.counter_id
				where """ + " " + condition + " order by lower(b.period), c.label")
			.params(params)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
					instant(rs, 6), instant(rs, 7), rs.getString(8), rs.getString(9), rs.getString(10), instant(rs, 11),
					rs.getBoolean(12), instant(rs, 13), rs.getString(14)))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		record ServiceRow(long booking, String slug, int quantity) {
		}
		// read first, look up afterwards: a lookup inside the row callback would want a second connection
		List<ServiceRow> serviceRows = jdbc.sql("select booking_id, leistung_slug, quantity from appointments_booking_service where booking_id in (:ids)")
			.param("ids", rows.stream().map(Row::id).toList())
			.query((rs, n) -> new ServiceRow(rs.getLong(1), rs.getString(2), rs.getInt(3)))
			.list();
		Map<String, Optional<Leistung>> leistungen = new HashMap<>();
		Map<Long, List<Booking.Service>> services = new HashMap<>();
		for (ServiceRow row : serviceRows) {
			Optional<Leistung> leistung = leistungen.computeIfAbsent(row.slug(), catalogue::findBySlug);
			services.computeIfAbsent(row.booking(), k -> new ArrayList<>())
				.add(new Booking.Service(row.slug(), leistung.map(Leistung::name).orElse(row.slug()), row.quantity(),
						leistung.map(Leistung::documents).orElse(List.of())));
		}
		Map<String, Standort> locations = new HashMap<>();
		return rows.stream()
			.map(r -> new Booking(r.id(), r.reference(),
					locations.computeIfAbsent(r.office(), s -> offices.find(s).map(Office::standort)
						.or(() -> catalogue.location(s)).orElseThrow()), r.counter(), r.label(),
					local(r.start()), local(r.end()), Booking.Status.valueOf(r.status()), r.name(), r.email(), r.holdUntil(),
					r.walkIn(), r.calledAt(), r.note(), services.getOrDefault(r.id(), List.of())))
			.toList();
	}

	private Optional<SlotFinder.Slot> slot(Office office, int minutes, LocalDateTime start, Instant now) {
		LocalDate day = start.toLocalDate();
		return slots.free(office, minutes, day, day, now, true).stream().filter(s -> s.start().equals(start)).findFirst();
	}

	private List<SlotFinder.Slot> alternatives(Choice choice, Office office, LocalDateTime after) {
		return freeSlots(choice, office, after.minusMinutes(1), 5);
	}

	/** One attempt at one counter; runs in its own transaction. */
	private String insert(Office office, long counter, Choice choice, LocalDateTime start, String status, String name,
			String email, String token, Instant holdUntil, Long replacing, Instant now) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 60))").param("appointments:" + email).query((rs, n) -> 1).single();
		int active = jdbc.sql("""
				select count(*) from appointments_booking b
				join appointments_booking_service s on s.booking_id = b.id
				where b.email = :email and s.leistung_slug in (:slugs) and upper(b.period) > :now and b.id <> :replacing
				  and (b.status = 'CONFIRMED' or (b.status = 'HELD' and b.hold_until > :now))""")
			.param("email", email)
			.param("slugs", choice.quantities().keySet().stream().map(Leistung::slug).toList())
			.param("now", Timestamp.from(now))
			.param("replacing", replacing == null ? -1L : replacing)
			.query(Integer.class)
			.single();
		if (active > 0) {
			throw new PersonLimit();
		}
		Instant from = start.atZone(OpeningHours.BOCHUM).toInstant();
		Instant to = from.plus(Duration.ofMinutes(choice.minutes(office)));
		// holds nobody confirmed in time stop occupying the counter before the insert meets them
		jdbc.sql("""
				update appointments_booking set status = 'EXPIRED' where counter_id = :counter and status = 'HELD'
				and hold_until < :now and period && tstzrange(:from, :to)""")
			.param("counter", counter)
			.param("now", Timestamp.from(now))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.update();
		String reference = Secrets.reference();
		long id = jdbc.sql("""
				insert into appointments_booking (reference, office_id, counter_id, period, status, name, email, token_hash,
				                                  hold_until, created_at, confirmed_at)
				values (:reference, :office, :counter, tstzrange(:from, :to), :status, :name, :email, :token, :holdUntil,
				        :now, :confirmed) returning id""")
			.param("reference", reference)
			.param("office", office.id())
			.param("counter", counter)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("status", status)
			.param("name", name)
			.param("email", email)
			.param("token", token == null ? null : Hashes.sha256(token))
			.param("holdUntil", holdUntil == null ? null : Timestamp.from(holdUntil))
			.param("now", Timestamp.from(now))
			.param("confirmed", "CONFIRMED".equals(status) ? Timestamp.from(now) : null)
			.query(Long.class)
			.single();
		for (Map.Entry<Leistung, Integer> e : choice.quantities().entrySet()) {
			jdbc.sql("insert into appointments_booking_service (booking_id, leistung_slug, quantity) values (?, ?, ?)")
				.params(id, e.getKey().slug(), e.getValue())
				.update();
		}
		return reference;
	}

	static boolean overlap(DataIntegrityViolationException e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && OVERLAP.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static LocalDateTime local(Instant instant) {
		return instant.atZone(OpeningHours.BOCHUM).toLocalDateTime();
	}
}
