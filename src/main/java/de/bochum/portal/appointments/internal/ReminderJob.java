package de.bochum.portal.appointments.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import de.bochum.portal.platform.Mailer;
import de.bochum.portal.services.OpeningHours;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds people the day before their appointment. Runs often (once across all instances) and
 * marks each reminder sent, so a restart or a failed mail server only delays reminders.
 */
@Component
class ReminderJob {

	private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

	private final Bookings bookings;
	private final BookingMails mails;
	private final JdbcClient jdbc;
	private final Clock clock;

	ReminderJob(Bookings bookings, BookingMails mails, JdbcClient jdbc, Clock clock) {
		this.bookings = bookings;
		this.mails = mails;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(cron = "${portal.appointments.reminder-cron:0 */15 8-20 * * *}", zone = "Europe/Berlin")
	@SchedulerLock(name = "appointments-reminders", lockAtMostFor = "PT10M")
	void scheduled() {
		sendReminders(clock.instant());
	}

	/** Sends the reminders for tomorrow's confirmed appointments not reminded yet; returns how many. */
	int sendReminders(Instant now) {
		LocalDate tomorrow = now.atZone(OpeningHours.BOCHUM).toLocalDate().plusDays(1);
		int sent = 0;
		for (Booking booking : bookings.load("b.status = 'CONFIRMED' and b.reminded_at is null and b.email is not null "
				+ "and lower(b.period) >= ? and lower(b.period) < ?",
				Timestamp.from(tomorrow.atStartOfDay(OpeningHours.BOCHUM).toInstant()),
				Timestamp.from(tomorrow.plusDays(1).atStartOfDay(OpeningHours.BOCHUM).toInstant()))) {
			try {
				mails.reminder(booking);
				jdbc.sql("update appointments_booking set reminded_at = ? where id = ?")
					.params(Timestamp.from(now), booking.id())
					.update();
				sent++;
			}
			catch (Mailer.MailFailure e) {
				log.warn("Terminerinnerung nicht gesendet, nächster Versuch beim nächsten Lauf");
				break;
			}
		}
		return sent;
	}
}
