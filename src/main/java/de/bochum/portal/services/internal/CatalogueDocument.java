package de.bochum.portal.services.internal;

import java.util.List;

import de.bochum.portal.services.Dienststelle;
import de.bochum.portal.services.Lebenslage;
import de.bochum.portal.services.Leistung;
import de.bochum.portal.services.Standort;

/**
 * The exchange format of the catalogue, modelled loosely on XZuFi: a whole catalogue in one JSON
 * document, services referring to offices and life situations by slug. See docs/services.md.
 */
record CatalogueDocument(String format, List<Lebenslage> lebenslagen, List<Dienststelle> dienststellen,
		List<Standort> standorte, List<Leistung> leistungen) {

	static final String FORMAT = "bochumportal-leistungen/1";

	CatalogueDocument {
		lebenslagen = lebenslagen == null ? List.of() : lebenslagen;
		dienststellen = dienststellen == null ? List.of() : dienststellen;
		standorte = standorte == null ? List.of() : standorte;
		leistungen = leistungen == null ? List.of() : leistungen;
	}
}
