package de.bochum.portal.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who works where: staff members and the offices (Dienststellen) they are scoped to. Modules that
 * handle citizens' cases show a caseworker only the cases of their own offices and offer their
 * colleagues for assignment.
 */
public interface StaffDirectory {

	/** Slugs of the Dienststellen of the service catalogue the staff member works for; empty if none. */
	Set<String> officesOf(String username);

	/** Staff members with this role who work for this office, sorted by display name. */
	List<StaffMember> members(String dienststelleSlug, Role role);

	Optional<StaffMember> find(String username);

	/** Whose records the person may work on: administrators everywhere, others their offices, unknown people nowhere. */
	default OfficeScope scopeOf(String username) {
		return find(username).map(StaffMember::scope).orElse(new OfficeScope(false, Set.of()));
	}

	/**
	 * The offices a staff member works for.
	 *
	 * @param everywhere true for administrators, who are not scoped
	 * @param offices Dienststelle slugs, when not everywhere
	 */
	record OfficeScope(boolean everywhere, Set<String> offices) {

		public OfficeScope {
			offices = Set.copyOf(offices);
		}

		public boolean covers(String dienststelleSlug) {
			return everywhere || offices.contains(dienststelleSlug);
		}
	}
}
