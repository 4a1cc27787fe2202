package de.bochum.portal.city;

/**
 * A quarter of Bochum as the city's statistics define it (statistischer Bezirk).
 *
 * @param key stable key for URLs and references, e.g. {@code wattenscheid-mitte}
 * @param name its name, e.g. "Wattenscheid-Mitte"
 * @param stadtbezirkKey the key of the district it belongs to
 */
public record Stadtteil(String key, String name, String stadtbezirkKey) {
}
