package de.bochum.portal.privacy;

import java.time.Instant;

/**
 * One retention period a module enforces: the module knows its tables, the privacy module runs
 * every rule on a schedule (once across all instances) and keeps the counts. A module declares
 * a rule as a bean; nothing else is needed for it to run and to show on the staff page.
 *
 * <p>Implementations delete or anonymise in one statement or transaction and return how many
 * records they touched; they never log contents.
 */
public interface RetentionRule {

	/** A stable key, e.g. {@code identity.failed-sign-ins}; runs are recorded under it. */
	String key();

	/** What happens, in German, for the staff page, e.g. "Fehlversuche bei der Anmeldung nach 24 Stunden vergessen". */
	String description();

	/** How many records are past their retention at {@code now}. */
	long due(Instant now);

	/** Deletes or anonymises what is past its retention at {@code now}; returns how many records. */
	long apply(Instant now);
}
