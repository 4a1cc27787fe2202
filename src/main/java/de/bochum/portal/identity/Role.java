package de.bochum.portal.identity;

/**
 * What a staff member may do. Other modules secure their pages with
 * {@code @PreAuthorize("hasRole('CASEWORKER')")} and the like.
 */
public enum Role {

	/** Manages accounts and the platform, sees operations data. */
	ADMIN,
	/** Works on citizens' cases and appointments (Sachbearbeitung). */
	CASEWORKER,
	/** Publishes datasets for an organization in the open data portal. */
	DATA_PUBLISHER,
	/** Edits pages, news and the service catalogue (Redaktion). */
	EDITOR,
	/** The data protection officer: reads the records of processing and the access audit log. */
	DATA_PROTECTION_OFFICER;

	/** The authority name Spring Security checks for {@code hasRole(name())}. */
	public String authority() {
		return "ROLE_" + name();
	}
}
