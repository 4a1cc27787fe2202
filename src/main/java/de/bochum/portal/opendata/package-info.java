/**
 * The open data catalogue: publishers, themes, datasets and their files, searchable pages under
 * {@code /daten}, the CKAN-compatible Action API under {@code /api/3/action} and the DCAT-AP.de
 * export for GovData.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Offene Daten")
package de.bochum.portal.opendata;
