package de.bochum.portal.applications.internal;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The kinds of question a form can ask, after the FIM Datenfelder: each maps to a FIM data type
 * (Datentyp) and field kind (Feldart), so a FIM-based definition can be mapped onto them.
 */
enum FieldType {
	/** FIM: Feldart input, Datentyp text. */
	TEXT("input", "text"),
	/** FIM: Feldart input, Datentyp text (mehrzeilig). */
	TEXTAREA("input", "text"),
	/** FIM: Feldart input, Datentyp ganzzahl (or kommazahl). */
	NUMBER("input", "ganzzahl"),
	/** FIM: Feldart input, Datentyp datum. */
	DATE("input", "datum"),
	/** FIM: Feldart select, Datentyp text, with a Codeliste. */
	SELECT("select", "text"),
	/** FIM: Feldart select (als Optionsfelder), Datentyp text, with a Codeliste. */
	RADIO("select", "text"),
	/** FIM: Feldart input, Datentyp bool (one box) or select with several values. */
	CHECKBOX("input", "bool"),
	/** FIM: Datenfeldgruppe Anschrift Inland (G60000086): Straße, Hausnummer, Postleitzahl, Ort. */
	ADDRESS("gruppe", "text"),
	/** FIM: Feldart input, Datentyp text with the IBAN check digits. */
	IBAN("input", "text"),
	/** FIM: Feldart input, Datentyp text (E-Mail). */
	EMAIL("input", "text"),
	/** FIM: Feldart input, Datentyp anlage. */
	FILE("input", "anlage");

	private final String fimFeldart;
	private final String fimDatentyp;

	FieldType(String fimFeldart, String fimDatentyp) {
		this.fimFeldart = fimFeldart;
		this.fimDatentyp = fimDatentyp;
	}

	String fimFeldart() {
		return fimFeldart;
	}

	String fimDatentyp() {
		return fimDatentyp;
	}

	@JsonCreator
	static FieldType of(String name) {
		return valueOf(name.toUpperCase(java.util.Locale.ROOT));
	}
}
