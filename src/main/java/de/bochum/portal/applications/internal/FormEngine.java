package de.bochum.portal.applications.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import de.bochum.portal.applications.internal.FormDefinition.Condition;
import de.bochum.portal.applications.internal.FormDefinition.Field;
import de.bochum.portal.applications.internal.FormDefinition.Rule;
import de.bochum.portal.applications.internal.FormDefinition.Step;

/**
 * The rules of a form, applied on the server (the truth; a browser's checks only help): which
 * steps and fields are shown for the answers so far, how input is normalised, and what is wrong
 * with it. Messages come back as texts in German, ready for the error summary.
 */
final class FormEngine {

	static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.GERMANY)
		.withResolverStyle(ResolverStyle.STRICT);

	/** Longest answer to a text question unless the form says otherwise. */
	static final int DEFAULT_MAX_LENGTH = 200;
	static final int TEXTAREA_MAX_LENGTH = 2000;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final Pattern PLZ = Pattern.compile("\\d{5}");

	private FormEngine() {
	}

	static boolean shown(Condition condition, Map<String, String> answers) {
		if (condition == null) {
			return true;
		}
		String value = answers.getOrDefault(condition.field(), "");
		List<String> chosen = Arrays.asList(value.split(","));
		return condition.equals().stream().anyMatch(chosen::contains);
	}

	static List<Step> visibleSteps(FormDefinition form, Map<String, String> answers) {
		return form.steps().stream().filter(s -> shown(s.showIf(), answers)).toList();
	}

	static List<Field> visibleFields(Step step, Map<String, String> answers) {
		return step.fields().stream().filter(f -> shown(f.showIf(), answers)).toList();
	}

	/** Only the answers to fields that are shown for these answers: what the applicant really submits. */
	static Map<String, String> effectiveAnswers(FormDefinition form, Map<String, String> answers) {
		Map<String, String> effective = new LinkedHashMap<>();
		for (Step step : visibleSteps(form, answers)) {
			for (Field field : visibleFields(step, answers)) {
				for (String input : field.inputs()) {
					String value = answers.get(input);
					if (value != null && !value.isEmpty()) {
						effective.put(input, value);
					}
				}
			}
		}
		return effective;
	}

	/** Tidies what a person typed: trimmed, IBAN without spaces, email in one piece. */
	static String normalise(Field field, String raw) {
		String value = raw == null ? "" : raw.strip();
		return switch (field.type()) {
			case IBAN -> value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
			case EMAIL -> value.replaceAll("\\s+", "");
			default -> value;
		};
	}

	/**
	 * What is wrong with the answers to the fields shown on one step.
	 *
	 * @return input name → message, in the order of the fields; empty if all is well
	 */
	static Map<String, String> validate(FormDefinition form, Step step, Map<String, String> answers, LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<Field> shown = visibleFields(step, answers);
		for (Field field : shown) {
			validateField(field, answers, today, errors);
		}
		for (Rule rule : form.rules()) {
			applyRule(rule, shown, answers, errors);
		}
		return errors;
	}

	private static void validateField(Field field, Map<String, String> answers, LocalDate today,
			Map<String, String> errors) {
		if (field.type() == FieldType.ADDRESS) {
			validateAddress(field, answers, errors);
			return;
		}
		String value = answers.getOrDefault(field.id(), "");
		String anchor = field.anchor();
		if (value.isEmpty()) {
			if (field.required()) {
				errors.put(anchor, field.requiredMessage() != null ? field.requiredMessage() : requiredText(field));
			}
			return;
		}
		int maxLength = field.maxLengthOr(field.type() == FieldType.TEXTAREA ? TEXTAREA_MAX_LENGTH : DEFAULT_MAX_LENGTH);
		if (value.length() > maxLength) {
			errors.put(anchor, "„" + field.label() + "“ darf höchstens " + maxLength + " Zeichen lang sein.");
			return;
		}
		switch (field.type()) {
			case NUMBER -> number(value).ifPresentOrElse(n -> range(field, n, errors),
					() -> errors.put(anchor, "Geben Sie bei „" + field.label() + "“ eine Zahl ein, zum Beispiel 2."));
			case DATE -> date(value).ifPresentOrElse(d -> dateRange(field, d, today, errors),
					() -> errors.put(anchor, "Geben Sie bei „" + field.label()
							+ "“ ein gültiges Datum im Format TT.MM.JJJJ ein, zum Beispiel 15.03.2027."));
			case EMAIL -> {
				if (!EMAIL.matcher(value).matches()) {
					errors.put(anchor, "Geben Sie eine E-Mail-Adresse im Format name@beispiel.de ein.");
				}
			}
			case IBAN -> {
				if (!validIban(value)) {
					errors.put(anchor, "Die IBAN ist nicht gültig. Prüfen Sie, ob Sie sich vertippt haben "
							+ "(eine deutsche IBAN hat 22 Stellen und beginnt mit DE).");
				}
			}
			case SELECT, RADIO -> {
				if (field.optionLabel(value).isEmpty()) {
					errors.put(anchor, "Wählen Sie bei „" + field.label() + "“ eine der angebotenen Möglichkeiten.");
				}
			}
			case CHECKBOX -> {
				if (!field.options().isEmpty()
						&& !Arrays.stream(value.split(",")).allMatch(v -> field.optionLabel(v).isPresent())) {
					errors.put(anchor, "Wählen Sie bei „" + field.label() + "“ nur angebotene Möglichkeiten.");
				}
			}
			default -> {
			}
		}
		if (!errors.containsKey(anchor) && field.pattern() != null && !value.matches(field.pattern())) {
			errors.put(anchor, field.patternMessage() != null ? field.patternMessage()
					: "„" + field.label() + "“ hat nicht das erwartete Format.");
		}
	}

	private static void validateAddress(Field field, Map<String, String> answers, Map<String, String> errors) {
		boolean any = false;
		for (String input : field.inputs()) {
			any |= !answers.getOrDefault(input, "").isEmpty();
		}
		if (!any && !field.required()) {
			return;
		}
		String[][] parts = { { "strasse", "die Straße" }, { "hausnummer", "die Hausnummer" },
				{ "plz", "die Postleitzahl" }, { "ort", "den Ort" } };
		for (String[] part : parts) {
			String input = field.id() + "." + part[0];
			String value = answers.getOrDefault(input, "");
			if (value.isEmpty()) {
				errors.put(input, "Geben Sie bei „" + field.label() + "“ " + part[1] + " ein.");
			}
			else if (value.length() > 100) {
				errors.put(input, "Diese Angabe bei „" + field.label() + "“ darf höchstens 100 Zeichen lang sein.");
			}
			else if (part[0].equals("plz") && !PLZ.matcher(value).matches()) {
				errors.put(input, "Die Postleitzahl hat fünf Ziffern, zum Beispiel 44787.");
			}
		}
	}

	private static void range(Field field, BigDecimal number, Map<String, String> errors) {
		if (field.min() != null && number.compareTo(new BigDecimal(field.min())) < 0) {
			errors.put(field.anchor(), "„" + field.label() + "“ muss mindestens " + field.min() + " sein.");
		}
		else if (field.max() != null && number.compareTo(new BigDecimal(field.max())) > 0) {
			errors.put(field.anchor(), "„" + field.label() + "“ darf höchstens " + field.max() + " sein.");
		}
	}

	private static void dateRange(Field field, LocalDate date, LocalDate today, Map<String, String> errors) {
		LocalDate min = field.min() == null ? null : relativeDate(field.min(), today);
		LocalDate max = field.max() == null ? null : relativeDate(field.max(), today);
		if (min != null && date.isBefore(min)) {
			errors.put(field.anchor(), "„" + field.label() + "“ darf nicht vor dem " + GERMAN_DATE.format(min) + " liegen.");
		}
		else if (max != null && date.isAfter(max)) {
			errors.put(field.anchor(), "„" + field.label() + "“ darf nicht nach dem " + GERMAN_DATE.format(max) + " liegen.");
		}
	}

	/** "today", "+14d", "-100y" (relative to today) or an ISO date. */
	static LocalDate relativeDate(String spec, LocalDate today) {
		if (spec.equals("today")) {
			return today;
		}
		if (spec.matches("[+-]\\d+[dy]")) {
			long amount = Long.parseLong(spec.substring(0, spec.length() - 1));
			return spec.endsWith("d") ? today.plusDays(amount) : today.plusYears(amount);
		}
		return LocalDate.parse(spec);
	}

	private static void applyRule(Rule rule, List<Field> shown, Map<String, String> answers, Map<String, String> errors) {
		switch (rule.type()) {
			case "after" -> {
				Optional<Field> field = shown.stream().filter(f -> f.id().equals(rule.field())).findFirst();
				if (field.isEmpty() || errors.containsKey(field.get().anchor())) {
					return;
				}
				String value = answers.getOrDefault(rule.field(), "");
				String other = answers.getOrDefault(rule.other(), "");
				if (value.isEmpty() || other.isEmpty()) {
					return;
				}
				Comparable<?> a = field.get().type() == FieldType.DATE ? date(value).orElse(null) : number(value).orElse(null);
				Comparable<?> b = field.get().type() == FieldType.DATE ? date(other).orElse(null) : number(other).orElse(null);
				if (a != null && b != null && compare(a, b) <= 0) {
					errors.put(field.get().anchor(), rule.message());
				}
			}
			case "oneOf" -> {
				List<Field> group = shown.stream().filter(f -> rule.fields().contains(f.id())).toList();
				if (!group.isEmpty() && group.stream().allMatch(f -> answers.getOrDefault(f.id(), "").isEmpty())) {
					errors.putIfAbsent(group.get(0).anchor(), rule.message());
				}
			}
			default -> throw new IllegalStateException("unknown rule type " + rule.type());
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int compare(Comparable a, Comparable b) {
		return a.compareTo(b);
	}

	static Optional<BigDecimal> number(String value) {
		try {
			return Optional.of(new BigDecimal(value.replace(',', '.')));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	static Optional<LocalDate> date(String value) {
		try {
			return Optional.of(LocalDate.parse(value, GERMAN_DATE));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	/** ISO 13616: move the first four characters to the end, letters to numbers, remainder 97 must be 1. */
	static boolean validIban(String iban) {
		if (!iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}") || (iban.startsWith("DE") && iban.length() != 22)) {
			return false;
		}
		String rearranged = iban.substring(4) + iban.substring(0, 4);
		StringBuilder digits = new StringBuilder();
		for (char c : rearranged.toCharArray()) {
			digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
		}
		return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
	}

	/** An answer as the check-your-answers page and the receipt show it. */
	static String display(Field field, Map<String, String> answers, Map<String, String> fileNames) {
		return switch (field.type()) {
			case ADDRESS -> {
				String street = (answers.getOrDefault(field.id() + ".strasse", "") + " "
						+ answers.getOrDefault(field.id() + ".hausnummer", "")).strip();
				String town = (answers.getOrDefault(field.id() + ".plz", "") + " "
						+ answers.getOrDefault(field.id() + ".ort", "")).strip();
				yield street.isEmpty() && town.isEmpty() ? "" : street + ", " + town;
			}
			case SELECT, RADIO -> field.optionLabel(answers.getOrDefault(field.id(), "")).orElse("");
			case CHECKBOX -> {
				String value = answers.getOrDefault(field.id(), "");
				if (field.options().isEmpty()) {
					yield value.isEmpty() ? "Nein" : "Ja";
				}
				List<String> labels = new ArrayList<>();
				for (String v : value.split(",")) {
					field.optionLabel(v).ifPresent(labels::add);
				}
				yield String.join(", ", labels);
			}
			case FILE -> fileNames.getOrDefault(answers.getOrDefault(field.id(), ""), "");
			default -> answers.getOrDefault(field.id(), "");
		};
	}

	static String requiredText(Field field) {
		return switch (field.type()) {
			case SELECT, RADIO, CHECKBOX -> "Wählen Sie bei „" + field.label() + "“ eine Möglichkeit aus.";
			case FILE -> "Laden Sie bei „" + field.label() + "“ eine Datei hoch.";
			default -> "Geben Sie bei „" + field.label() + "“ etwas ein.";
		};
	}
}
