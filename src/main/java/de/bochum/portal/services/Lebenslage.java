package de.bochum.portal.services;

/** A life situation (Lebenslage) that groups services, e.g. "Umzug nach Bochum". */
public record Lebenslage(String slug, String name, String description) {
}
