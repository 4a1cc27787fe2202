package de.bochum.portal.services;

/**
 * A place where citizens are served.
 *
 * @param stadtbezirkKey key of the city district (see {@code CityGeography})
 * @param stadtbezirkName its official name
 * @param directions how to get there, free text, may be {@code null}
 */
public record Standort(String slug, String name, String dienststelleSlug, String street, String postalCode,
		String city, String stadtbezirkKey, String stadtbezirkName, Accessibility accessibility, String directions,
		OpeningHours hours) {

	/** What people with disabilities need to know before they come. */
	public record Accessibility(boolean stepFree, boolean hearingLoop, boolean accessibleToilet) {
	}
}
