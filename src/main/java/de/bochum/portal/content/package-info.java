/**
 * Editorial content: the home page and the pages every public site must have (Impressum,
 * privacy notice, accessibility statement, Easy Language, sign language, contact). Editing by
 * the EDITOR role, news and barrier reports follow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inhalte")
package de.bochum.portal.content;
