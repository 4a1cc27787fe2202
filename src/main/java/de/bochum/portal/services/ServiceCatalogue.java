package de.bochum.portal.services;

import java.util.List;
import java.util.Optional;

/** Read access to the service catalogue. Editors change it; other modules only read it. */
public interface ServiceCatalogue {

	/** All services, sorted by name as German readers expect (Ä with A). */
	List<Leistung> leistungen();

	/** The service with this 14-digit LeiKa key (Leistungsschlüssel), if the catalogue knows the key. */
	Optional<Leistung> findByKey(String leikaKey);

	Optional<Leistung> findBySlug(String slug);

	List<Lebenslage> lebenslagen();

	Optional<Lebenslage> lebenslage(String slug);

	/** The services grouped under a life situation, sorted by name. */
	List<Leistung> leistungenIn(String lebenslageSlug);

	List<Dienststelle> dienststellen();

	Optional<Dienststelle> dienststelle(String slug);

	/** All locations with address, accessibility and opening hours. */
	List<Standort> locations();

	Optional<Standort> location(String slug);

	/** Where a service can be done in person: the locations of its responsible office. */
	List<Standort> locationsOf(Leistung leistung);
}
