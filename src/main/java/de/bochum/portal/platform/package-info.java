/**
 * Shared kernel: the page layout's view model, navigation and breadcrumbs, the personal-data
 * declaration, and the seams (database, security) every other module builds on.
 * Internals (embedded PostgreSQL, security filter chain, locale handling, error pages) live in
 * {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plattform")
package de.bochum.portal.platform;
