package de.bochum.portal.privacy.internal;

import java.util.List;

import de.bochum.portal.privacy.PersonalDataDeclaration;
import de.bochum.portal.privacy.PersonalDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fields defined as data (form fields) are judged like columns: one that looks personal must be
 * declared, or exempted with a reason, or the start-up check names it.
 */
class PersonalDataSourceTest {

	static final PersonalDataDeclaration DECLARED = new PersonalDataDeclaration("applications", "applications_case",
			"answers → f.nachname", "Nachname", "Identität", "Antrag", "Art. 6 Abs. 1 lit. e DSGVO", "1 Jahr", "Sachbearbeitung");

	@Test
	void aPersonalLookingFieldWithoutDeclarationIsNamed() {
		PersonalDataSource source = () -> List.of(
				new PersonalDataSource.Field("f.nachname", "nachname", DECLARED, null),
				new PersonalDataSource.Field("f.hundName", "hundName", null, "Name eines Tieres"),
				new PersonalDataSource.Field("f.halterGeburtsdatum", "halterGeburtsdatum", null, null),
				new PersonalDataSource.Field("f.kontoIban", "kontoIban", null, " "),
				new PersonalDataSource.Field("f.menge", "menge", null, null));
		assertThat(DeclaredPersonalData.undeclared(List.of(source))).containsExactly("f.halterGeburtsdatum", "f.kontoIban");
	}

	@Test
	void namesInAnyNotationAreReadAsWords() {
		assertThat(DeclaredPersonalData.looksPersonal(DeclaredPersonalData.words("halter.emailAdresse"))).isTrue();
		assertThat(DeclaredPersonalData.looksPersonal(DeclaredPersonalData.words("anzahlElektro"))).isFalse();
	}
}
