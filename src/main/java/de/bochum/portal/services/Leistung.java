package de.bochum.portal.services;

import java.util.List;

/**
 * A public service of the city.
 *
 * @param slug stable key for URLs
 * @param leikaKey 14-digit key of the Leistungskatalog (LeiKa), {@code null} when not yet verified
 * @param name name as citizens search for it
 * @param description what it is and how it works, in plain language
 * @param whoMayApply who may (or must) apply
 * @param costs fees, as text
 * @param documents what to bring, one entry per item
 * @param legalBasis the law it rests on
 * @param processingTime how long it usually takes
 * @param dienststelleSlug the responsible office, {@code null} if none is assigned
 * @param online whether it can be done online, then at {@code onlineUrl}
 * @param appointment whether an appointment can (or must) be booked
 * @param inPerson whether it can be done in person
 * @param durationMinutes how long an appointment takes, for the appointments module
 * @param lebenslagen slugs of the life situations it belongs to
 */
public record Leistung(String slug, String leikaKey, String name, String description, String whoMayApply, String costs,
		List<String> documents, String legalBasis, String processingTime, String dienststelleSlug, boolean online,
		String onlineUrl, boolean appointment, boolean inPerson, int durationMinutes, List<String> lebenslagen) {

	public Leistung {
		documents = List.copyOf(documents);
		lebenslagen = List.copyOf(lebenslagen);
	}
}
