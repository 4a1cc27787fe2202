package de.bochum.portal.city;

import java.util.List;

/**
 * One of Bochum's six city districts.
 *
 * @param number the official number, 1 (Bochum-Mitte) to 6 (Bochum-Südwest)
 * @param key stable key for URLs and references, e.g. {@code mitte}
 * @param name official name, e.g. "Bochum-Mitte"
 * @param stadtteile its quarters, by name
 */
public record Stadtbezirk(int number, String key, String name, List<Stadtteil> stadtteile) {

	public Stadtbezirk {
		stadtteile = List.copyOf(stadtteile);
	}

	/** The Roman numeral the city uses for the district (I–VI). */
	public String romanNumeral() {
		return switch (number) {
			case 1 -> "I";
			case 2 -> "II";
			case 3 -> "III";
			case 4 -> "IV";
			case 5 -> "V";
			case 6 -> "VI";
			default -> String.valueOf(number);
		};
	}
}
