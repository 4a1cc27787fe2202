package de.bochum.portal.applications.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.bochum.portal.applications.internal.FormDefinition.Field;

/**
 * A question as a template renders it: the definition's texts, what the person entered (kept on
 * error), the messages for its inputs, and — for a field that depends on an answer on the same
 * page — the note which answer it belongs to (without JavaScript every such field is shown).
 */
public record FieldView(String id, String type, String label, String hint, boolean required, String value,
		Map<String, String> parts, List<OptionView> options, Map<String, String> errors, String condition,
		String autocomplete, String fileName, String accept, String inputMode) {

	public record OptionView(String value, String label, String hint, boolean checked) {
	}

	/** An error of any of the field's inputs, or null. */
	public String error() {
		return errors.values().stream().findFirst().orElse(null);
	}

	public String error(String input) {
		return errors.get(input);
	}

	static FieldView of(Field field, Map<String, String> answers, Map<String, String> allErrors, String condition,
			String fileName) {
		String value = answers.getOrDefault(field.id(), "");
		List<String> chosen = Arrays.asList(value.split(","));
		List<OptionView> options = new ArrayList<>();
		for (FormDefinition.Option option : field.options()) {
			options.add(new OptionView(option.value(), option.label(), option.hint(), chosen.contains(option.value())));
		}
		Map<String, String> parts = new java.util.LinkedHashMap<>();
		for (String part : Field.ADDRESS_PARTS) {
			parts.put(part, answers.getOrDefault(field.id() + "." + part, ""));
		}
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		allErrors.forEach((input, message) -> {
			if (input.equals(field.id()) || input.startsWith(field.id() + ".") || input.startsWith(field.id() + "-")) {
				errors.put(input, message);
			}
		});
		String accept = field.accept().stream()
			.flatMap(a -> Uploads.Kind.valueOf(a.toUpperCase(java.util.Locale.ROOT)).extensions.stream())
			.map(e -> "." + e)
			.collect(Collectors.joining(","));
		String inputMode = switch (field.type()) {
			case NUMBER -> "numeric";
			default -> null;
		};
		return new FieldView(field.id(), field.type().name().toLowerCase(java.util.Locale.ROOT), field.label(), field.hint(),
				field.required(), value, parts, options, errors, condition, field.autocomplete(), fileName,
				accept.isEmpty() ? null : accept, inputMode);
	}
}
