package de.bochum.portal.platform;

import java.util.Set;

/**
 * A work area on the staff dashboard. Modules contribute links as beans, so the dashboard lists
 * what exists for the signed-in person's roles without the identity module knowing the modules.
 *
 * @param messageKey key of the label in the message bundles
 * @param href the staff page the link leads to
 * @param roles role names (without the {@code ROLE_} prefix) of which the person needs at least one
 * @param order position, lower first
 */
public record StaffLink(String messageKey, String href, Set<String> roles, int order) {

	public StaffLink {
		roles = Set.copyOf(roles);
	}

	/** Whether a person with these role names sees the link. */
	public boolean visibleTo(Set<String> roleNames) {
		return roles.stream().anyMatch(roleNames::contains);
	}
}
