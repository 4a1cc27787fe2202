package de.bochum.portal.privacy;

import java.util.List;

/**
 * One processing activity of the records of processing (GDPR Art. 30): a purpose on one legal
 * basis, with the personal fields stored for it.
 */
public record ProcessingActivity(String purpose, String legalBasis, List<PersonalDataDeclaration> fields) {

	public ProcessingActivity {
		fields = List.copyOf(fields);
	}

	/** The data categories, each once, in order of appearance. */
	public List<String> categories() {
		return fields.stream().map(PersonalDataDeclaration::category).distinct().toList();
	}

	/** The retention periods of the fields, each once. */
	public List<String> retentions() {
		return fields.stream().map(PersonalDataDeclaration::retention).distinct().toList();
	}

	/** Who may see the fields, each once. */
	public List<String> recipients() {
		return fields.stream().map(PersonalDataDeclaration::visibleTo).distinct().toList();
	}

	public List<String> modules() {
		return fields.stream().map(PersonalDataDeclaration::module).distinct().toList();
	}
}
