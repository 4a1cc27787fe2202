package de.bochum.portal.applications.internal;

import java.util.List;
import java.util.Optional;

/**
 * An application form as data, read from {@code forms/*.json}. Field types follow the FIM
 * Datenfelder (see docs/applications.md for the mapping); every field says whether it collects
 * personal data, and if so why, on which legal basis and for how long.
 *
 * @param id stable key, part of the URL ({@code /antrag/<id>})
 * @param version raised with every change; a case records the version it was filled with
 * @param leistung slug of the service in the catalogue
 * @param dienststelle slug of the responsible office; its caseworkers see the cases
 * @param contactEmailField the field whose address gets the status mails, if the applicant agrees
 * @param retentionDays how long a closed case is kept before it is deleted
 * @param retention the same in words, for the privacy notice
 * @param keepOnErasure why a closed case is kept when its applicant asks for erasure (a statutory duty), if so
 * @param privacy purpose, legal basis and retention that personal fields share unless they say otherwise
 */
record FormDefinition(String id, int version, String title, String leistung, String dienststelle, String intro,
		List<String> before, String duration, String contactEmailField, int retentionDays, String retention,
		String declaration, PersonalDataSpec privacy, String keepOnErasure, List<Step> steps, List<Rule> rules) {

	FormDefinition {
		before = before == null ? List.of() : List.copyOf(before);
		steps = List.copyOf(steps);
		rules = rules == null ? List.of() : List.copyOf(rules);
	}

	Optional<Field> field(String fieldId) {
		return steps.stream().flatMap(s -> s.fields().stream()).filter(f -> f.id().equals(fieldId)).findFirst();
	}

	List<Field> fields() {
		return steps.stream().flatMap(s -> s.fields().stream()).toList();
	}

	Optional<Step> step(String stepId) {
		return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
	}

	/** One page of the flow: one question or a small group. */
	record Step(String id, String title, String intro, Condition showIf, List<Field> fields) {

		Step {
			fields = List.copyOf(fields);
		}

		boolean hasUpload() {
			return fields.stream().anyMatch(f -> f.type() == FieldType.FILE);
		}
	}

	/**
	 * One question.
	 *
	 * @param fim the FIM Datenfeld this field corresponds to (its id), if known
	 * @param min for numbers the smallest value; for dates "today", "+Nd" or an ISO date
	 * @param accept for uploads: allowed kinds ("pdf", "jpeg", "png")
	 * @param maxKb for uploads: the largest file in KiB
	 * @param personal {@code false} for a field that collects nothing about a person, with {@code reason}
	 */
	record Field(String id, FieldType type, String label, String hint, boolean required, String requiredMessage,
			String pattern, String patternMessage, String min, String max, Integer maxLength, List<Option> options,
			Condition showIf, String autocomplete, String fim, List<String> accept, Integer maxKb,
			PersonalDataSpec personalData, Boolean personal, String reason) {

		Field {
			options = options == null ? List.of() : List.copyOf(options);
			accept = accept == null ? List.of() : List.copyOf(accept);
		}

		int maxLengthOr(int fallback) {
			return maxLength == null ? fallback : maxLength;
		}

		/** The parts of an address, each its own input named {@code <id>.<part>}. */
		static final List<String> ADDRESS_PARTS = List.of("strasse", "hausnummer", "plz", "ort");

		/** The input names this field submits. */
		List<String> inputs() {
			if (type == FieldType.ADDRESS) {
				return ADDRESS_PARTS.stream().map(p -> id + "." + p).toList();
			}
			return List.of(id);
		}

		/** The element the error summary links to: the first input of the field. */
		String anchor() {
			return switch (type) {
				case ADDRESS -> id + ".strasse";
				case RADIO, CHECKBOX -> options.isEmpty() ? id : id + "-" + options.get(0).value();
				default -> id;
			};
		}

		Optional<String> optionLabel(String value) {
			return options.stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst();
		}
	}

	record Option(String value, String label, String hint) {
	}

	/** Show a field or step only if another field has one of these values. */
	record Condition(String field, List<String> equals) {

		Condition {
			equals = List.copyOf(equals);
		}
	}

	/** Purpose, legal basis and retention of a personal field, as the privacy notice shows them. */
	record PersonalDataSpec(String category, String purpose, String legalBasis, String retention) {

		/** This declaration, with what it leaves out taken from the form's defaults. */
		PersonalDataSpec over(PersonalDataSpec defaults) {
			if (defaults == null) {
				return this;
			}
			return new PersonalDataSpec(category != null ? category : defaults.category(),
					purpose != null ? purpose : defaults.purpose(), legalBasis != null ? legalBasis : defaults.legalBasis(),
					retention != null ? retention : defaults.retention());
		}
	}

	/**
	 * A rule across fields.
	 *
	 * @param type {@code after}: {@code field} must be later/larger than {@code other};
	 *        {@code oneOf}: at least one of {@code fields} must be filled
	 */
	record Rule(String type, String field, String other, List<String> fields, String message) {

		Rule {
			fields = fields == null ? List.of() : List.copyOf(fields);
		}
	}
}
