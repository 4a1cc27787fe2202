package de.bochum.portal.identity.internal;

import java.util.List;

/** What an administrator typed into the account form, kept as typed when it has errors. */
public record AccountForm(String username, String displayName, List<String> roles, long version) {

	public boolean has(String role) {
		return roles.contains(role);
	}
}
