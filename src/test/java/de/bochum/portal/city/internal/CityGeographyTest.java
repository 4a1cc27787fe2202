package de.bochum.portal.city.internal;

import java.util.List;

import de.bochum.portal.city.CityGeography;
import de.bochum.portal.city.Stadtbezirk;
import de.bochum.portal.city.Stadtteil;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class CityGeographyTest {

	@Autowired
	CityGeography geography;

	@Test
	void bochumHasSixDistrictsInOfficialOrder() {
		assertThat(geography.stadtbezirke()).extracting(Stadtbezirk::name)
			.containsExactly("Bochum-Mitte", "Bochum-Wattenscheid", "Bochum-Nord", "Bochum-Ost", "Bochum-Süd",
					"Bochum-Südwest");
		assertThat(geography.stadtbezirke()).extracting(Stadtbezirk::romanNumeral)
			.containsExactly("I", "II", "III", "IV", "V", "VI");
	}

	@Test
	void everyQuarterBelongsToExactlyOneDistrict() {
		List<Stadtteil> quarters = geography.stadtteile();
		assertThat(quarters).hasSize(30);
		assertThat(quarters).extracting(Stadtteil::key).doesNotHaveDuplicates();
		assertThat(geography.stadtbezirke()).allSatisfy(b -> assertThat(b.stadtteile()).isNotEmpty()
			.allSatisfy(t -> assertThat(t.stadtbezirkKey()).isEqualTo(b.key())));
	}

	@Test
	void looksUpDistrictsAndQuartersByKey() {
		assertThat(geography.stadtteil("hoentrop")).get()
			.satisfies(t -> assertThat(t.name()).isEqualTo("Höntrop"))
			.satisfies(t -> assertThat(geography.stadtbezirk(t.stadtbezirkKey()).orElseThrow().name())
				.isEqualTo("Bochum-Wattenscheid"));
		assertThat(geography.stadtbezirk("sued").orElseThrow().stadtteile()).extracting(Stadtteil::name)
			.containsExactly("Wiemelhausen/Brenschede", "Stiepel", "Querenburg");
		assertThat(geography.stadtbezirk("gibt-es-nicht")).isEmpty();
		assertThat(geography.stadtteil("gibt-es-nicht")).isEmpty();
	}
}
