package de.bochum.portal.identity;

import java.util.Set;

/**
 * A staff member as other modules see them: enough to show and assign, nothing about sign-in.
 *
 * @param offices slugs of the Dienststellen they work for
 */
public record StaffMember(String username, String displayName, Set<Role> roles, Set<String> offices) {

	public StaffMember {
		roles = Set.copyOf(roles);
		offices = Set.copyOf(offices);
	}

	/** Whether this person may work on a record of this office: administrators everywhere, others in their scope. */
	public boolean worksFor(String dienststelleSlug) {
		return scope().covers(dienststelleSlug);
	}

	/** Administrators work everywhere, everyone else for their offices. */
	public StaffDirectory.OfficeScope scope() {
		return new StaffDirectory.OfficeScope(roles.contains(Role.ADMIN), offices);
	}
}
