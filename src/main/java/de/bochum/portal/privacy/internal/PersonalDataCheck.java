package de.bochum.portal.privacy.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the portal while a column that looks personal has no declaration: the records
 * of processing and the privacy notice would otherwise be incomplete without anyone noticing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PersonalDataCheck implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataCheck.class);

	private final DeclaredPersonalData register;

	PersonalDataCheck(DeclaredPersonalData register) {
		this.register = register;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> problems = problems();
		if (!problems.isEmpty()) {
			throw new IllegalStateException(String.join("\n", problems));
		}
		log.info("Datenschutz-Register: {} personenbezogene Felder deklariert", register.declarations().size());
	}

	List<String> problems() {
		register.forget();
		List<String> problems = new java.util.ArrayList<>();
		List<String> undeclared = register.undeclaredPersonalLookingColumns();
		if (!undeclared.isEmpty()) {
			problems.add("Personenbezogen wirkende Spalten ohne Deklaration (@PersonalData oder Spaltenkommentar "
					+ "'personal-data: …' bzw. 'not-personal: …'): " + String.join(", ", undeclared));
		}
		List<String> undeclaredFields = register.undeclaredSourceFields();
		if (!undeclaredFields.isEmpty()) {
			problems.add("Personenbezogen wirkende Formularfelder ohne Deklaration (personalData oder "
					+ "\"personal\": false mit Begründung): " + String.join(", ", undeclaredFields));
		}
		List<String> dangling = register.declarationsWithoutColumn();
		if (!dangling.isEmpty()) {
			problems.add("@PersonalData an Feldern ohne passende Spalte: " + String.join(", ", dangling));
		}
		return problems;
	}
}
