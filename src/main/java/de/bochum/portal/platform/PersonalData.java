package de.bochum.portal.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, where a personal field is defined, why it is stored, on which legal basis and for
 * how long. The privacy module builds the records of processing and the privacy notice from
 * these declarations, and refuses to start when a column that looks personal has none.
 *
 * <p>Tables written with plain SQL declare their columns in the migration instead, with a column
 * comment: {@code comment on column t.c is 'personal-data: category | purpose | legal basis |
 * retention | visible to | label'}, or {@code 'not-personal: reason'} for a column that only looks
 * personal (the name of a district, say).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT })
public @interface PersonalData {

	/** Category, e.g. "contact", "identity", "account". */
	String category();

	/** Purpose (Zweck), in German, as shown in the privacy notice. */
	String purpose();

	/** Legal basis, e.g. "Art. 6 Abs. 1 lit. e DSGVO". */
	String legalBasis();

	/** Retention period or event (Speicherdauer), in German. */
	String retention();

	/** Who may see the field. */
	String visibleTo();

	/** What the field is, in German, as the privacy notice names it (default: the field's name). */
	String label() default "";
}
