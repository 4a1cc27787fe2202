package de.bochum.portal.appointments.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.bochum.portal.platform.Hashes;
import de.bochum.portal.privacy.Citizen;
import de.bochum.portal.privacy.CitizenDataHolder;
import de.bochum.portal.privacy.RetentionRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long booking data lives. Holds nobody confirmed are deleted once expired (they never became
 * an appointment). Name and email of a booking are removed {@code anonymiseAfterDays} (default
 * 30) days after the appointment: long enough for questions and complaints about the visit and
 * for a no-show to be looked into, short enough that the office keeps no contact list. The
 * anonymous rest (office, time, services, status) stays for planning the counters.
 */
@Configuration(proxyBeanMethods = false)
class AppointmentPrivacy {

	@Bean
	RetentionRule appointmentsExpiredHolds(JdbcClient jdbc) {
		return new Rule(jdbc, "appointments.expired-holds", "Unbestätigte Terminreservierungen nach Ablauf löschen", """
				delete from appointments_booking where status = 'EXPIRED' or (status = 'HELD' and hold_until < :now)""", """
				select count(*) from appointments_booking where status = 'EXPIRED' or (status = 'HELD' and hold_until < :now)""",
				Duration.ZERO);
	}

	@Bean
	RetentionRule appointmentsAnonymise(JdbcClient jdbc, AppointmentProperties properties) {
		Duration keep = Duration.ofDays(properties.anonymiseAfterDays());
		return new Rule(jdbc, "appointments.anonymise",
				"Name und E-Mail-Adresse " + properties.anonymiseAfterDays() + " Tage nach dem Termin entfernen", """
						update appointments_booking set name = null, email = null, token_hash = null, anonymised_at = :now
						where anonymised_at is null and upper(period) < :cutoff and status <> 'BLOCKED'""", """
						select count(*) from appointments_booking
						where anonymised_at is null and upper(period) < :cutoff and status <> 'BLOCKED'""", keep);
	}

	@Bean
	RetentionRule appointmentsProofsOfWork(JdbcClient jdbc) {
		return new Rule(jdbc, "appointments.proofs-of-work", "Verbrauchte Sicherheitsprüfungen nach Ablauf löschen",
				"delete from appointments_pow where expires_at < :now",
				"select count(*) from appointments_pow where expires_at < :now", Duration.ZERO);
	}

	/** A rule of one statement; {@code :now} and {@code :cutoff} (now minus {@code keep}) are bound. */
	record Rule(JdbcClient jdbc, String key, String description, String apply, String count, Duration keep)
			implements RetentionRule {

		@Override
		public long due(Instant now) {
			return jdbc.sql(count).param("now", Timestamp.from(now)).param("cutoff", Timestamp.from(now.minus(keep)))
				.query(Long.class).single();
		}

		@Override
		public long apply(Instant now) {
			var statement = jdbc.sql(apply).param("now", Timestamp.from(now)).param("cutoff", Timestamp.from(now.minus(keep)));
			return apply.stripLeading().startsWith("with") ? statement.query(Long.class).single() : statement.update();
		}
	}

	@Bean
	CitizenDataHolder appointmentsCitizenData(JdbcClient jdbc) {
		return new CitizenDataHolder() {

			@Override
			public String title() {
				return "Termine im Bürgerbüro";
			}

			@Override
			public List<Map<String, Object>> export(Citizen citizen) {
				if (!citizen.byReference() && citizen.email() == null) {
					return List.of();
				}
				List<Map<String, Object>> records = new ArrayList<>();
				jdbc.sql("""
						select b.reference, o.standort_slug, lower(b.period), b.status, b.name, b.email,
						       (select string_agg(s.leistung_slug || ' × ' || s.quantity, ', ') from appointments_booking_service s where s.booking_id = b.id)
						from appointments_booking b join appointments_office o on o.id = b.office_id
						where """ + owner("b.") + " order by lower(b.period)")
					.params(ownerParams(citizen))
					.query(rs -> {
						Map<String, Object> r = new LinkedHashMap<>();
						r.put("Vorgangsnummer", rs.getString(1));
						r.put("Bürgerbüro", rs.getString(2));
						r.put("Beginn", rs.getTimestamp(3).toInstant().toString());
						r.put("Stand", rs.getString(4));
						r.put("Name", rs.getString(5));
						r.put("E-Mail-Adresse", rs.getString(6));
						r.put("Anliegen", rs.getString(7));
						records.add(r);
					});
				return records;
			}

			@Override
			public List<String> erase(Citizen citizen) {
				if (citizen.byReference() || citizen.email() != null) {
					// upcoming appointments are given up: their slots become free for others
					jdbc.sql("""
							update appointments_booking set name = null, email = null, token_hash = null, anonymised_at = now(),
							       status = case when status in ('HELD', 'CONFIRMED') then 'CANCELLED' else status end
							where """ + owner("")).params(ownerParams(citizen)).update();
				}
				return List.of();
			}

			/** An account's bookings by its address; without an account the one booking whose link code matches. */
			private static String owner(String alias) {
				return "(case when ? then " + alias + "reference = ? and " + alias + "token_hash = ? else lower(" + alias
						+ "email) = lower(?) end)";
			}

			private static List<Object> ownerParams(Citizen citizen) {
				boolean byReference = citizen.byReference();
				return java.util.Arrays.asList(byReference,
						byReference ? citizen.reference().strip().toUpperCase(java.util.Locale.ROOT) : null,
						byReference ? Hashes.sha256(citizen.code().strip()) : null, citizen.email());
			}
		};
	}
}
