package de.bochum.portal.platform;

/**
 * An entry of the portal's main navigation. Modules contribute entries as beans, so the
 * navigation grows with the portal and never links to an area that does not exist yet.
 *
 * @param messageKey key of the label in the message bundles
 * @param href the page the entry leads to
 * @param order position, lower first
 */
public record NavigationItem(String messageKey, String href, int order) {
}
