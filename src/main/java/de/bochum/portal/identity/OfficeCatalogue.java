package de.bochum.portal.identity;

import java.util.List;

/**
 * The offices staff can be scoped to. The service catalogue knows the city's Dienststellen and
 * provides them; identity only keeps the slugs, so it needs no dependency on that module.
 */
public interface OfficeCatalogue {

	/** All offices, in the order the administration's form lists them. */
	List<Office> offices();

	/** An office: its stable slug and its name. */
	record Office(String slug, String name) {
	}
}
