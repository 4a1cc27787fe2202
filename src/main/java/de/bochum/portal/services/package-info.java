/**
 * The service catalogue of the city (Leistungen with their LeiKa keys), grouped by Lebenslagen,
 * offered by Dienststellen at Standorte with opening hours. Other modules read it through
 * {@link de.bochum.portal.services.ServiceCatalogue}; the appointments module takes offices,
 * locations and service durations from there.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leistungen")
package de.bochum.portal.services;
