package de.bochum.portal.privacy;

import java.util.List;
import java.util.Map;

/**
 * A module that stores personal data of citizens implements this, so that a person can see and
 * take all of it (GDPR Art. 15 and 20) and have it erased (Art. 17) in one place. The privacy
 * module finds every implementation; no module has to know the others.
 */
public interface CitizenDataHolder {

	/** What this module holds, in German, as a heading of the export, e.g. "Anträge". */
	String title();

	/** Erasure runs from low to high; the account itself goes last. */
	default int erasureOrder() {
		return 0;
	}

	/**
	 * Every record of this person with every declared field: one map (field label → value) per
	 * record. Fields the law requires to keep say so in their value or in {@link #erase}'s answer.
	 */
	List<Map<String, Object>> export(Citizen citizen);

	/**
	 * Erases what may be erased, in the caller's transaction.
	 *
	 * @return what had to be kept and why (German), empty if nothing was kept
	 */
	List<String> erase(Citizen citizen);
}
