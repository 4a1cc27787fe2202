package de.bochum.portal.privacy;

import java.util.List;

/**
 * Personal data that is defined as data rather than as columns: the fields of online application
 * forms (JSON definitions), say. A module publishes its fields as a bean of this type; the register
 * lists the declared ones, and the start-up check refuses to start while a field whose name looks
 * personal is neither declared nor exempted with a reason.
 */
public interface PersonalDataSource {

	/** Every field this source collects. */
	List<Field> fields();

	/**
	 * One field.
	 *
	 * @param key where it is defined, e.g. {@code bewohnerparkausweis@3:halter.nachname}
	 * @param name the field's technical name, judged by the start-up check
	 * @param declaration where it is stored and why; {@code null} if not personal
	 * @param notPersonalReason why a field that might look personal is not, {@code null} if declared
	 */
	record Field(String key, String name, PersonalDataDeclaration declaration, String notPersonalReason) {

		public boolean declared() {
			return declaration != null || (notPersonalReason != null && !notPersonalReason.isBlank());
		}
	}
}
