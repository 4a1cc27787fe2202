package de.bochum.portal.applications.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import de.bochum.portal.applications.internal.FormDefinition.Condition;
import de.bochum.portal.applications.internal.FormDefinition.Field;
import de.bochum.portal.applications.internal.FormDefinition.Option;
import de.bochum.portal.applications.internal.FormDefinition.Rule;
import de.bochum.portal.applications.internal.FormDefinition.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The form engine's rules, without a server: validation, conditions, cross-field rules, normalisation. */
class FormEngineTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	static Field field(String id, FieldType type, boolean required, String min, String max, List<Option> options,
			Condition showIf) {
		return new Field(id, type, id.toUpperCase(), null, required, null, null, null, min, max, null, options, showIf, null,
				null, null, null, null, false, "test");
	}

	static FormDefinition form(List<Step> steps, List<Rule> rules) {
		return new FormDefinition("test", 1, "Test", "x", "usb", "", List.of(), "", null, 1, "1 Tag", "ok", null, null,
				steps, rules);
	}

	@Test
	void ibanChecksumsAreChecked() {
		assertThat(FormEngine.validIban("DE89370400440532013000")).isTrue();
		assertThat(FormEngine.validIban("DE89370400440532013001")).isFalse();
		assertThat(FormEngine.validIban("DE8937040044053201300")).as("German IBANs have 22 characters").isFalse();
		assertThat(FormEngine.validIban("GB82WEST12345698765432")).isTrue();
		Field iban = field("iban", FieldType.IBAN, true, null, null, null, null);
		assertThat(FormEngine.normalise(iban, " de89 3704 0044 0532 0130 00 ")).isEqualTo("DE89370400440532013000");
	}

	@Test
	void datesMustExistAndLieInTheirRange() {
		Field date = field("tag", FieldType.DATE, true, "today", "+90d", null, null);
		Step step = new Step("s", "S", null, null, List.of(date));
		FormDefinition form = form(List.of(step), List.of());
		assertThat(FormEngine.validate(form, step, Map.of("tag", "31.02.2027"), TODAY)).containsKey("tag");
		assertThat(FormEngine.validate(form, step, Map.of("tag", "2027-01-01"), TODAY)).containsKey("tag");
		assertThat(FormEngine.validate(form, step, Map.of("tag", "24.11.2026"), TODAY).get("tag")).contains("nicht vor dem 25.11.2026");
		assertThat(FormEngine.validate(form, step, Map.of("tag", "24.02.2027"), TODAY).get("tag")).contains("nicht nach dem 23.02.2027");
		Step unbounded = new Step("u", "U", null, null, List.of(field("tag", FieldType.DATE, true, null, null, null, null)));
		assertThat(FormEngine.validate(form, unbounded, Map.of("tag", "29.02.2028"), TODAY)).as("a leap day").isEmpty();
		assertThat(FormEngine.validate(form, unbounded, Map.of("tag", "29.02.2027"), TODAY)).containsKey("tag");
	}

	@Test
	void conditionsShowFieldsAndStepsAndHiddenAnswersAreNotSubmitted() {
		List<Option> yesNo = List.of(new Option("ja", "Ja", null), new Option("nein", "Nein", null));
		Field trigger = field("a", FieldType.RADIO, true, null, null, yesNo, null);
		Field dependent = field("b", FieldType.TEXT, true, null, null, null, new Condition("a", List.of("ja")));
		Step first = new Step("eins", "Eins", null, null, List.of(trigger, dependent));
		Step second = new Step("zwei", "Zwei", null, new Condition("a", List.of("nein")),
				List.of(field("c", FieldType.TEXT, false, null, null, null, null)));
		FormDefinition form = form(List.of(first, second), List.of());

		assertThat(FormEngine.validate(form, first, Map.of("a", "ja"), TODAY)).containsOnlyKeys("b");
		assertThat(FormEngine.validate(form, first, Map.of("a", "nein"), TODAY)).isEmpty();
		assertThat(FormEngine.validate(form, first, Map.of(), TODAY)).containsOnlyKeys("a-ja");
		assertThat(FormEngine.validate(form, first, Map.of("a", "vielleicht"), TODAY)).containsKey("a-ja");
		assertThat(FormEngine.visibleSteps(form, Map.of("a", "ja"))).extracting(Step::id).containsExactly("eins");
		assertThat(FormEngine.visibleSteps(form, Map.of("a", "nein"))).extracting(Step::id).containsExactly("eins", "zwei");
		assertThat(FormEngine.effectiveAnswers(form, Map.of("a", "nein", "b", "alt", "c", "neu")))
			.containsExactlyInAnyOrderEntriesOf(Map.of("a", "nein", "c", "neu"));
	}

	@Test
	void crossFieldRulesNumbersAndLengths() {
		Field from = field("von", FieldType.DATE, true, null, null, null, null);
		Field to = field("bis", FieldType.DATE, true, null, null, null, null);
		Field mail = field("mail", FieldType.EMAIL, false, null, null, null, null);
		Field phone = field("telefon", FieldType.TEXT, false, null, null, null, null);
		Field count = field("anzahl", FieldType.NUMBER, true, "1", "10", null, null);
		Step step = new Step("s", "S", null, null, List.of(from, to, mail, phone, count));
		FormDefinition form = form(List.of(step), List.of(new Rule("after", "bis", "von", null, "bis nach von"),
				new Rule("oneOf", null, null, List.of("mail", "telefon"), "mail oder telefon")));
		Map<String, String> errors = FormEngine.validate(form, step,
				Map.of("von", "10.12.2026", "bis", "01.12.2026", "anzahl", "11"), TODAY);
		assertThat(errors).containsEntry("bis", "bis nach von").containsEntry("mail", "mail oder telefon");
		assertThat(errors.get("anzahl")).contains("höchstens 10");
		assertThat(FormEngine.validate(form, step, Map.of("von", "01.12.2026", "bis", "10.12.2026", "telefon", "0234 123",
				"anzahl", "2,0"), TODAY)).isEmpty();
		assertThat(FormEngine.validate(form, step, Map.of("von", "01.12.2026", "bis", "10.12.2026", "mail", "a@b",
				"anzahl", "zwei"), TODAY)).containsKeys("mail", "anzahl");
		assertThat(FormEngine.validate(form, step, Map.of("von", "01.12.2026", "bis", "10.12.2026", "telefon",
				"1".repeat(201), "anzahl", "2"), TODAY).get("telefon")).contains("höchstens 200 Zeichen");
	}

	@Test
	void addressesNeedEveryPartAndAGermanPostcode() {
		Field address = field("adresse", FieldType.ADDRESS, true, null, null, null, null);
		Step step = new Step("s", "S", null, null, List.of(address));
		FormDefinition form = form(List.of(step), List.of());
		assertThat(FormEngine.validate(form, step, Map.of("adresse.strasse", "Kortumstraße", "adresse.plz", "447"), TODAY))
			.containsOnlyKeys("adresse.hausnummer", "adresse.plz", "adresse.ort");
		Map<String, String> complete = Map.of("adresse.strasse", "Kortumstraße", "adresse.hausnummer", "12a",
				"adresse.plz", "44787", "adresse.ort", "Bochum");
		assertThat(FormEngine.validate(form, step, complete, TODAY)).isEmpty();
		assertThat(FormEngine.display(address, complete, Map.of())).isEqualTo("Kortumstraße 12a, 44787 Bochum");
	}

	@Test
	void brokenDefinitionsAreRefused() {
		Field orphan = field("b", FieldType.TEXT, true, null, null, null, new Condition("gibtsnicht", List.of("x")));
		Field choice = field("c", FieldType.SELECT, true, null, null, List.of(), null);
		Field undeclared = new Field("d", FieldType.TEXT, "D", null, false, null, null, null, null, null, null, null, null,
				null, null, null, null, null, false, null);
		FormDefinition broken = form(List.of(new Step("s", "S", null, null, List.of(orphan, choice, undeclared))), List.of());
		assertThat(FormCatalogue.check(broken)).anySatisfy(p -> assertThat(p).contains("nennt kein früheres Feld"))
			.anySatisfy(p -> assertThat(p).contains("Feld c braucht options"))
			.anySatisfy(p -> assertThat(p).contains("\"personal\": false braucht reason"));
	}
}
