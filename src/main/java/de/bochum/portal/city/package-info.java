/**
 * Bochum's geography as reference data: the six Stadtbezirke and their Stadtteile (the city's
 * statistical districts). Other modules place district centres, hotspots, companies and
 * datasets with {@link de.bochum.portal.city.CityGeography}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Stadt")
package de.bochum.portal.city;
