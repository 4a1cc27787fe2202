package de.bochum.portal.privacy;

/**
 * The append-only log of staff access to personal data. Modules call {@link #record} whenever a
 * staff member views or changes a record with personal data.
 */
public interface AuditLog {

	/** What a staff member did with a record. */
	enum Action {
		VIEW, CHANGE, EXPORT, ERASE
	}

	/**
	 * @param actor the staff member's user name
	 * @param action what was done
	 * @param recordType e.g. "antrag", "termin"
	 * @param recordId the record's id or reference
	 * @param reason why, required for access outside one's own office's cases; may be empty otherwise
	 */
	void record(String actor, Action action, String recordType, String recordId, String reason);
}
