package de.bochum.portal.content.internal;

/**
 * An area of the portal as the home page shows it.
 *
 * @param key the area's URL segment and message key, e.g. {@code leistungen}
 * @param live whether a module serves it already (otherwise: "kommt bald")
 */
public record HomeArea(String key, boolean live) {

	public String href() {
		return "/" + key;
	}
}
