package de.bochum.portal.services.internal;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The A–Z index as German readers expect it: umlauts with their base letter. */
class LeistungAzIndexTest {

	@Test
	void umlautsAreFiledUnderTheirBaseLetterAndSortedAmongThem() {
		var groups = AzIndex.of(List.of("Zulassung", "Übersetzung beglaubigen", "Umzug", "Ärztliches Attest",
				"Anmeldung", "Öffentliche Straße", "Ordnungswidrigkeit", "112-Notruf", "Uhrzeit"), Function.identity());
		assertThat(groups).extracting(AzIndex.Group::letter).containsExactly("A", "O", "U", "Z", "#");
		assertThat(groups.get(0).entries()).containsExactly("Anmeldung", "Ärztliches Attest");
		assertThat(groups.get(1).entries()).containsExactly("Öffentliche Straße", "Ordnungswidrigkeit");
		assertThat(groups.get(2).entries()).containsExactly("Übersetzung beglaubigen", "Uhrzeit", "Umzug");
	}
}
