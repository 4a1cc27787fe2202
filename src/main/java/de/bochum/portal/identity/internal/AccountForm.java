package de.bochum.portal.identity.internal;

import java.util.List;

/** What an administrator typed into the account form, kept as typed when it has errors. */
public record AccountForm(String username, String displayName, List<String> roles, List<String> offices,
		long version) {

	public boolean has(String role) {
		return roles.contains(role);
	}

	public boolean worksFor(String office) {
		return offices.contains(office);
	}
}
