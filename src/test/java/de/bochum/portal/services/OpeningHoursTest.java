package de.bochum.portal.services;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Jetzt geöffnet" and "öffnet Mo 08:00" as a citizen reads them on a location, at fixed instants. */
class OpeningHoursTest {

	// Like a Bürgerbüro: Mon–Fri 8–13, Wednesday until 16, Thursday afternoon 14–18.
	private final OpeningHours hours = new OpeningHours(List.of(slot(DayOfWeek.MONDAY, "08:00", "13:00"),
			slot(DayOfWeek.TUESDAY, "08:00", "13:00"), slot(DayOfWeek.WEDNESDAY, "08:00", "16:00"),
			slot(DayOfWeek.THURSDAY, "08:00", "13:00"), slot(DayOfWeek.THURSDAY, "14:00", "18:00"),
			slot(DayOfWeek.FRIDAY, "08:00", "13:00")),
			List.of(new OpeningHours.SpecialDay(LocalDate.of(2026, 12, 24), null, null, "Heiligabend"),
					new OpeningHours.SpecialDay(LocalDate.of(2026, 12, 25), null, null, "1. Weihnachtstag"),
					new OpeningHours.SpecialDay(LocalDate.of(2026, 12, 31), LocalTime.of(8, 0), LocalTime.of(11, 0),
							"Silvester")));

	@Test
	void openOnAWednesdayMorningClosesAtFour() {
		var status = hours.statusAt(at("2026-11-25T10:00"));
		assertThat(status.open()).isTrue();
		assertThat(status.change()).isEqualTo(LocalDateTime.parse("2026-11-25T16:00"));
	}

	@Test
	void theLunchBreakOnThursdayOpensAgainAtTwo() {
		var status = hours.statusAt(at("2026-11-26T13:30"));
		assertThat(status.open()).isFalse();
		assertThat(status.change()).isEqualTo(LocalDateTime.parse("2026-11-26T14:00"));
	}

	@Test
	void onFridayAfternoonItOpensOnMondayAtEight() {
		var status = hours.statusAt(at("2026-11-27T13:00"));
		assertThat(status.open()).isFalse();
		assertThat(status.change()).isEqualTo(LocalDateTime.parse("2026-11-30T08:00"));
	}

	@Test
	void aHolidayOnAThursdayIsClosedAndTheNextOpeningSkipsTheHolidays() {
		var status = hours.statusAt(at("2026-12-24T10:00"));
		assertThat(status.open()).isFalse();
		assertThat(status.note()).isEqualTo("Heiligabend");
		// 25th closed (special day), 26th/27th weekend, so Monday the 28th.
		assertThat(status.change()).isEqualTo(LocalDateTime.parse("2026-12-28T08:00"));
	}

	@Test
	void aShortDayClosesEarly() {
		var status = hours.statusAt(at("2026-12-31T10:30"));
		assertThat(status.open()).isTrue();
		assertThat(status.change()).isEqualTo(LocalDateTime.parse("2026-12-31T11:00"));
		assertThat(hours.statusAt(at("2026-12-31T12:00")).open()).isFalse();
	}

	@Test
	void theInstantIsReadInBochumTimeNotUtc() {
		// 07:30 UTC in winter is 08:30 in Bochum.
		var status = hours.statusAt(ZonedDateTime.parse("2026-11-25T07:30:00Z"));
		assertThat(status.open()).isTrue();
	}

	@Test
	void withoutAnyHoursThereIsNoNextOpening() {
		var status = new OpeningHours(List.of(), List.of()).statusAt(at("2026-11-25T10:00"));
		assertThat(status.open()).isFalse();
		assertThat(status.change()).isNull();
	}

	private static OpeningHours.Slot slot(DayOfWeek day, String opens, String closes) {
		return new OpeningHours.Slot(day, LocalTime.parse(opens), LocalTime.parse(closes));
	}

	private static ZonedDateTime at(String local) {
		return LocalDateTime.parse(local).atZone(OpeningHours.BOCHUM);
	}
}
