package de.bochum.portal.applications.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.bochum.portal.applications.internal.FormDefinition.Field;
import de.bochum.portal.applications.internal.FormDefinition.Step;
import de.bochum.portal.platform.FileStore;
import de.bochum.portal.privacy.Citizen;
import de.bochum.portal.privacy.CitizenDataHolder;
import de.bochum.portal.privacy.RetentionRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the applications module does for data protection: abandoned drafts are deleted 30 days after
 * their last change, closed cases when the form's retention period (counted from closing) has
 * passed — deleted, with files, messages and delivery record, not anonymised: an anonymised
 * application would be of no use to anyone. A citizen with an account sees the applications made
 * with the account's confirmed address and can have them erased as far as the law allows.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationsPrivacy {

	static final Duration DRAFT_RETENTION = Duration.ofDays(30);

	@Bean
	RetentionRule abandonedDrafts(JdbcClient jdbc, FileStore files, TransactionTemplate tx) {
		return new RetentionRule() {

			@Override
			public String key() {
				return "applications.abandoned-drafts";
			}

			@Override
			public String description() {
				return "Nicht abgesendete Online-Anträge (Entwürfe) 30 Tage nach der letzten Änderung löschen";
			}

			@Override
			public long due(Instant now) {
				return jdbc.sql("select count(*) from applications_draft where updated_at < ?")
					.param(Drafts.ts(now.minus(DRAFT_RETENTION))).query(Long.class).single();
			}

			@Override
			public long apply(Instant now) {
				return tx.execute(status -> {
					java.sql.Timestamp limit = Drafts.ts(now.minus(DRAFT_RETENTION));
					jdbc.sql("select f.store_key from applications_file f join applications_draft d on d.id = f.draft_id where d.updated_at < ?")
						.param(limit).query(String.class).list().forEach(files::delete);
					return (long) jdbc.sql("delete from applications_draft where updated_at < ?").param(limit).update();
				});
			}
		};
	}

	@Bean
	RetentionRule closedCases(JdbcClient jdbc, FileStore files, TransactionTemplate tx) {
		return new RetentionRule() {

			private static final String PAST = "closed_at is not null and closed_at + retention_days * interval '1 day' < ?";

			@Override
			public String key() {
				return "applications.closed-cases";
			}

			@Override
			public String description() {
				return "Abgeschlossene Online-Anträge nach der im Formular festgelegten Frist (ab Abschluss) löschen, mit Dateien und Nachrichten";
			}

			@Override
			public long due(Instant now) {
				return jdbc.sql("select count(*) from applications_case where " + PAST).param(Drafts.ts(now))
					.query(Long.class).single();
			}

			@Override
			public long apply(Instant now) {
				return tx.execute(status -> {
					jdbc.sql("select f.store_key from applications_file f join applications_case c on c.id = f.case_id where "
							+ PAST.replace("closed_at", "c.closed_at").replace("retention_days", "c.retention_days"))
						.param(Drafts.ts(now)).query(String.class).list().forEach(files::delete);
					return (long) jdbc.sql("delete from applications_case where " + PAST).param(Drafts.ts(now)).update();
				});
			}
		};
	}

	/** Applications made with a citizen account's confirmed address, or one by its reference and tracking code. */
	@Component
	static class Holder implements CitizenDataHolder {

		private final JdbcClient jdbc;
		private final Cases cases;
		private final FormCatalogue forms;
		private final Uploads uploads;

		Holder(JdbcClient jdbc, Cases cases, FormCatalogue forms, Uploads uploads) {
			this.jdbc = jdbc;
			this.cases = cases;
			this.forms = forms;
			this.uploads = uploads;
		}

		@Override
		public String title() {
			return "Online-Anträge";
		}

		@Override
		public List<Map<String, Object>> export(Citizen citizen) {
			List<Map<String, Object>> records = new ArrayList<>();
			for (Cases.CaseRecord record : casesOf(citizen)) {
				records.add(export(record));
			}
			return records;
		}

		Map<String, Object> export(Cases.CaseRecord record) {
			FormDefinition form = forms.form(record.formId(), record.formVersion());
			Map<String, String> fileNames = new LinkedHashMap<>();
			uploads.filesOfCase(record.id()).forEach(f -> fileNames.put(f.id().toString(), f.fileName()));
			Map<String, Object> export = new LinkedHashMap<>();
			export.put("Vorgangsnummer", record.reference());
			export.put("Formular", form.title() + " (Version " + record.formVersion() + ")");
			export.put("Stand", Notifications.label(record.state()));
			export.put("Eingegangen", record.submittedAt().toString());
			export.put("E-Mail-Adresse der antragstellenden Person", record.applicantEmail());
			for (Step step : FormEngine.visibleSteps(form, record.answers())) {
				for (Field field : FormEngine.visibleFields(step, record.answers())) {
					export.put(field.label() + " (" + form.title() + ")", FormEngine.display(field, record.answers(), fileNames));
				}
			}
			export.put("Hochgeladene Nachweise", List.copyOf(fileNames.values()));
			export.put("Nachrichten und Vermerke zum Antrag", cases.history(record.id(), false)
				.stream()
				.filter(e -> e.body() != null && e.kind() != Cases.Kind.ASSIGNED)
				.map(e -> e.at() + " " + e.body())
				.toList());
			return export;
		}

		@Override
		public List<String> erase(Citizen citizen) {
			List<String> kept = new ArrayList<>();
			for (Cases.CaseRecord record : casesOf(citizen)) {
				erase(record).ifPresent(kept::add);
			}
			return kept;
		}

		/** Erases one application if the law allows; otherwise says why it is kept. */
		java.util.Optional<String> erase(Cases.CaseRecord record) {
			FormDefinition form = forms.form(record.formId(), record.formVersion());
			if (!record.state().closed()) {
				return java.util.Optional.of("Antrag " + record.reference() + " (" + form.title() + ") wird noch bearbeitet und "
						+ "bleibt bis zum Abschluss gespeichert (Art. 17 Abs. 3 lit. b DSGVO); danach gilt: " + form.retention() + ".");
			}
			if (form.keepOnErasure() != null) {
				return java.util.Optional.of("Antrag " + record.reference() + " (" + form.title() + "): " + form.keepOnErasure());
			}
			uploads.filesOfCase(record.id()).forEach(uploads::delete);
			jdbc.sql("delete from applications_case where id = ?").param(record.id()).update();
			return java.util.Optional.empty();
		}

		private List<Cases.CaseRecord> casesOf(Citizen citizen) {
			if (citizen.byReference()) {
				// Without an account: the one application whose tracking code matches, else nothing.
				return cases.track(citizen.reference(), citizen.code()).stream().toList();
			}
			if (citizen.email() == null || citizen.email().isBlank()) {
				return List.of();
			}
			return jdbc.sql("select id from applications_case where lower(applicant_email) = lower(?) order by submitted_at")
				.param(citizen.email())
				.query(Long.class)
				.list()
				.stream()
				.map(cases::find)
				.flatMap(java.util.Optional::stream)
				.toList();
		}
	}
}
