package de.bochum.portal.applications.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Submitted applications for tests, made the way the citizen's flow makes them. */
final class CaseFixtures {

	private CaseFixtures() {
	}

	/** A bulky waste pickup (office "usb") by a person with this address, who wants status mails. */
	static Cases.Submission bulkyWaste(FormCatalogue forms, Drafts drafts, Cases cases, String email, boolean deliver) {
		FormDefinition form = forms.form("sperrmuell").orElseThrow();
		UUID draft = drafts.create(form);
		DateTimeFormatter german = DateTimeFormatter.ofPattern("dd.MM.yyyy");
		LocalDate today = LocalDate.now();
		Map<String, String> answers = new LinkedHashMap<>();
		answers.put("abholanschrift.strasse", "Hattinger Straße");
		answers.put("abholanschrift.hausnummer", "30");
		answers.put("abholanschrift.plz", "44789");
		answers.put("abholanschrift.ort", "Bochum");
		answers.put("arten", "moebel,matratzen");
		answers.put("menge", "3");
		answers.put("fruehestens", german.format(today.plusDays(10)));
		answers.put("spaetestens", german.format(today.plusDays(30)));
		answers.put("vorname", "Jupp");
		answers.put("nachname", "Schäfer");
		answers.put("email", email);
		return cases.submit(form, draft, answers, true, deliver);
	}
}
