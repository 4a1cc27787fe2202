package de.bochum.portal.appointments.internal;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the appointment booking ({@code portal.appointments.*}).
 *
 * @param horizonDays how many days ahead slots are offered
 * @param releaseTime the local time at which the next day of the horizon is released each day,
 *        so that new slots come in one batch everyone knows of, not in a trickle bots watch for
 * @param holdMinutes how long an unconfirmed hold keeps its slot
 * @param anonymiseAfterDays days after the appointment when name and email are removed
 * @param maxQuantity how many persons (e.g. ID cards) one booking may cover per service
 * @param rate rate limits
 * @param altcha the proof-of-work
 */
@ConfigurationProperties("portal.appointments")
record AppointmentProperties(@DefaultValue("42") int horizonDays, @DefaultValue("07:00") LocalTime releaseTime,
		@DefaultValue("15") int holdMinutes, @DefaultValue("30") int anonymiseAfterDays,
		@DefaultValue("5") int maxQuantity,
		@DefaultValue Rate rate, @DefaultValue Altcha altcha) {

	/**
	 * @param ipPerHour holds per IP address and hour when the proof-of-work was solved
	 * @param ipWithoutPowPerHour holds per IP address and hour without a solved proof-of-work (no JavaScript)
	 * @param emailPerDay holds per email address and day
	 */
	record Rate(@DefaultValue("20") int ipPerHour, @DefaultValue("6") int ipWithoutPowPerHour,
			@DefaultValue("5") int emailPerDay) {
	}

	/**
	 * @param enabled whether solutions are checked at all (tests of load may switch it off)
	 * @param maxNumber upper bound of the secret number: the mean work is half of it
	 * @param validMinutes how long a challenge may be solved and used
	 * @param hmacKey the key signing challenges; empty = random per start
	 *        (set it when several instances run)
	 */
	record Altcha(@DefaultValue("true") boolean enabled, @DefaultValue("50000") int maxNumber,
			@DefaultValue("20") int validMinutes, @DefaultValue("") String hmacKey) {
	}
}
