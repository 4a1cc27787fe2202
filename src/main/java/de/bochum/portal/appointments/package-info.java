/**
 * Appointments at the citizens' offices (Bürgerbüros): offices linked to the locations of the
 * service catalogue, counters with their schedules, slot search, holds confirmed by email,
 * cancellation and rescheduling by a secret link, reminders, and the staff's day plan. A booking
 * never overlaps another on the same counter: PostgreSQL's exclusion constraint guarantees it.
 * Nothing here is published for other modules; they see the module only through its pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Termine")
package de.bochum.portal.appointments;
