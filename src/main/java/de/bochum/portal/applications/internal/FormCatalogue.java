package de.bochum.portal.applications.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.bochum.portal.platform.Hashes;
import de.bochum.portal.applications.internal.FormDefinition.Step;
import de.bochum.portal.privacy.PersonalDataDeclaration;
import de.bochum.portal.privacy.PersonalDataSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The forms: read from {@code classpath:forms/*.json} at start, checked, and stored in the database
 * with their version, so that a case filled with an older version can always be shown as it was
 * asked. A definition that changed without a new version number stops the start, as does a broken
 * one (unknown field in a condition, a choice without options).
 *
 * <p>Publishes every field to the privacy register: declared fields with purpose and retention,
 * and fields marked not personal with their reason.
 */
@Component
class FormCatalogue implements PersonalDataSource {

	static final String VISIBLE_TO = "Sachbearbeitung der zuständigen Dienststelle";

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Map<String, FormDefinition> current = new LinkedHashMap<>();
	private final Map<String, FormDefinition> versions = new ConcurrentHashMap<>();

	FormCatalogue(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json.rebuild()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.build();
		load();
	}

	private void load() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.json");
			for (Resource resource : resources) {
				String text = resource.getContentAsString(StandardCharsets.UTF_8);
				FormDefinition form = parse(text, resource.getFilename());
				if (current.putIfAbsent(form.id(), form) != null) {
					throw new IllegalStateException("Formular " + form.id() + " ist doppelt definiert");
				}
				store(form, text);
				versions.put(form.id() + "@" + form.version(), form);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	FormDefinition parse(String text, String source) {
		FormDefinition form;
		try {
			form = json.readValue(text, FormDefinition.class);
		}
		catch (RuntimeException e) {
			throw new IllegalStateException("Formulardefinition " + source + " ist nicht lesbar: " + e.getMessage(), e);
		}
		List<String> problems = check(form);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Formulardefinition " + source + ": " + String.join("; ", problems));
		}
		return form;
	}

	static List<String> check(FormDefinition form) {
		List<String> problems = new ArrayList<>();
		if (form.id() == null || !form.id().matches("[a-z0-9-]{2,60}")) {
			problems.add("id fehlt oder enthält andere Zeichen als a-z, 0-9 und -");
		}
		if (form.version() < 1) {
			problems.add("version muss 1 oder größer sein");
		}
		if (form.steps().isEmpty()) {
			problems.add("keine Schritte");
		}
		if (form.dienststelle() == null || form.title() == null || form.declaration() == null || form.retention() == null
				|| form.retentionDays() < 1) {
			problems.add("title, dienststelle, declaration, retention und retentionDays sind Pflicht");
		}
		Set<String> seen = new HashSet<>();
		Set<String> stepIds = new HashSet<>();
		for (Step step : form.steps()) {
			if (!stepIds.add(step.id())) {
				problems.add("Schritt " + step.id() + " doppelt");
			}
			if (step.showIf() != null && !seen.contains(step.showIf().field())) {
				problems.add("Bedingung von Schritt " + step.id() + " nennt kein früheres Feld: " + step.showIf().field());
			}
			for (FormDefinition.Field field : step.fields()) {
				if (field.id() == null || !field.id().matches("[a-z][a-zA-Z0-9]{0,60}")) {
					problems.add("Feld-ID " + field.id() + " ungültig (Buchstaben und Ziffern)");
				}
				if (field.type() == null || field.label() == null) {
					problems.add("Feld " + field.id() + ": type und label sind Pflicht");
					continue;
				}
				if (field.showIf() != null && !seen.contains(field.showIf().field())) {
					problems.add("Bedingung von Feld " + field.id() + " nennt kein früheres Feld: " + field.showIf().field());
				}
				if (!seen.add(field.id())) {
					problems.add("Feld " + field.id() + " doppelt");
				}
				if ((field.type() == FieldType.SELECT || field.type() == FieldType.RADIO) && field.options().isEmpty()) {
					problems.add("Feld " + field.id() + " braucht options");
				}
				if (field.type() == FieldType.FILE && (field.accept().isEmpty() || field.maxKb() == null)) {
					problems.add("Feld " + field.id() + " braucht accept und maxKb");
				}
				if (field.personalData() != null && Boolean.FALSE.equals(field.personal())) {
					problems.add("Feld " + field.id() + " ist zugleich personenbezogen und nicht personenbezogen");
				}
				if (field.personalData() != null) {
					var spec = field.personalData().over(form.privacy());
					if (spec.category() == null || spec.purpose() == null || spec.legalBasis() == null || spec.retention() == null) {
						problems.add("Feld " + field.id() + ": personalData braucht category, purpose, legalBasis und retention");
					}
				}
				if (Boolean.FALSE.equals(field.personal()) && (field.reason() == null || field.reason().isBlank())) {
					problems.add("Feld " + field.id() + ": \"personal\": false braucht reason");
				}
			}
		}
		for (FormDefinition.Rule rule : form.rules()) {
			if (!List.of("after", "oneOf").contains(rule.type()) || rule.message() == null) {
				problems.add("Regel " + rule.type() + " unbekannt oder ohne message");
			}
		}
		if (form.contactEmailField() != null && form.field(form.contactEmailField())
			.filter(f -> f.type() == FieldType.EMAIL).isEmpty()) {
			problems.add("contactEmailField nennt kein E-Mail-Feld");
		}
		return problems;
	}

	private void store(FormDefinition form, String text) {
		String checksum = sha256(json.writeValueAsString(json.readTree(text)));
		Optional<String> stored = jdbc.sql("select checksum from applications_form where form_id = ? and version = ?")
			.params(form.id(), form.version())
			.query(String.class)
			.optional();
		if (stored.isPresent() && !stored.get().equals(checksum)) {
			throw new IllegalStateException("Formular " + form.id() + " Version " + form.version()
					+ " wurde geändert, ohne die Version zu erhöhen. Anträge dieser Version würden sonst anders angezeigt, als sie gestellt wurden.");
		}
		if (stored.isEmpty()) {
			jdbc.sql("""
					insert into applications_form (form_id, version, title, dienststelle, definition, checksum)
					values (?, ?, ?, ?, cast(? as jsonb), ?) on conflict do nothing""")
				.params(form.id(), form.version(), form.title(), form.dienststelle(), text, checksum)
				.update();
		}
	}

	/** The current version of a form. */
	Optional<FormDefinition> form(String id) {
		return Optional.ofNullable(current.get(id));
	}

	List<FormDefinition> forms() {
		return List.copyOf(current.values());
	}

	/** A form as it was in a given version, for cases filled with it. */
	FormDefinition form(String id, int version) {
		return versions.computeIfAbsent(id + "@" + version, key -> parse(jdbc
			.sql("select definition::text from applications_form where form_id = ? and version = ?")
			.params(id, version)
			.query(String.class)
			.single(), key));
	}

	@Override
	public List<PersonalDataSource.Field> fields() {
		List<PersonalDataSource.Field> fields = new ArrayList<>();
		for (FormDefinition form : current.values()) {
			for (FormDefinition.Field field : form.fields()) {
				fields.add(sourceField(form, field));
			}
		}
		return fields;
	}

	static PersonalDataSource.Field sourceField(FormDefinition form, FormDefinition.Field field) {
		String key = "applications_case.answers:" + form.id() + "." + field.id();
		PersonalDataDeclaration declaration = null;
		if (field.personalData() != null) {
			var spec = field.personalData().over(form.privacy());
			declaration = new PersonalDataDeclaration("applications", "applications_case",
					"answers → " + form.id() + "." + field.id(), field.label() + " (" + form.title() + ")",
					spec.category(), spec.purpose(), spec.legalBasis(), spec.retention(), VISIBLE_TO);
		}
		return new PersonalDataSource.Field(key, field.id(), declaration,
				Boolean.FALSE.equals(field.personal()) ? field.reason() : null);
	}

	private static String sha256(String text) {
		return Hashes.sha256Hex(text);
	}
}
