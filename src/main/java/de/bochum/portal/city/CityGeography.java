package de.bochum.portal.city;

import java.util.List;
import java.util.Optional;

/** Read access to Bochum's districts and quarters. The data changes only by migration. */
public interface CityGeography {

	/** Official municipality key (Amtlicher Gemeindeschlüssel) of Bochum. */
	String AGS_BOCHUM = "05911000";

	/** All six districts in official order, each with its quarters. */
	List<Stadtbezirk> stadtbezirke();

	Optional<Stadtbezirk> stadtbezirk(String key);

	/** All quarters, in the order of their districts. */
	List<Stadtteil> stadtteile();

	Optional<Stadtteil> stadtteil(String key);
}
