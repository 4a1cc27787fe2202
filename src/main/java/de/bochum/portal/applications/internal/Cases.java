package de.bochum.portal.applications.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.bochum.portal.applications.ApplicationStateChanged;
import de.bochum.portal.applications.ApplicationSubmitted;
import de.bochum.portal.applications.CaseState;
import de.bochum.portal.platform.PageContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases: submitted applications with their state, history and messages. Every change checks the
 * version the person saw (optimistic locking), so two caseworkers never overwrite each other
 * silently, and publishes an event other modules can hear.
 */
@Component
class Cases {

	static final String APPLICANT = "antragsteller";

	record CaseRecord(long id, String reference, String formId, int formVersion, String dienststelle,
			Map<String, String> answers, String applicantEmail, boolean notifyApplicant, CaseState state, String assignedTo,
			Instant submittedAt, Instant updatedAt, Instant closedAt, long version) {
	}

	/** Kinds of entries in a case's history. */
	enum Kind {
		STATUS, QUESTION, ANSWER, NOTE, ASSIGNED
	}

	record Entry(long id, Instant at, Kind kind, CaseState state, String body, String actor, boolean visibleToApplicant) {
	}

	record Submission(String reference, String trackingCode) {
	}

	/** Someone else changed the case since it was loaded. */
	static class ConcurrentChange extends RuntimeException {

		ConcurrentChange() {
			super("case changed meanwhile");
		}
	}

	private static final TypeReference<LinkedHashMap<String, String>> ANSWERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final Uploads uploads;
	private final Drafts drafts;
	private final Notifications notifications;

	Cases(JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher events, Uploads uploads, Drafts drafts,
			Notifications notifications) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.events = events;
		this.uploads = uploads;
		this.drafts = drafts;
		this.notifications = notifications;
	}

	/** Turns a complete draft into a case; the draft is gone afterwards, its files belong to the case. */
	@Transactional
	Submission submit(FormDefinition form, UUID draftId, Map<String, String> answers, boolean notify, boolean deliver) {
		Instant now = clock.instant();
		String code = Codes.trackingCode();
		String email = form.contactEmailField() == null ? null : answers.get(form.contactEmailField());
		for (int attempt = 0;; attempt++) {
			String reference = Codes.reference(Year.from(now.atZone(PageContext.CITY_ZONE)));
			try {
				long id = jdbc.sql("""
						insert into applications_case (reference, tracking_code_hash, form_id, form_version, dienststelle,
						  answers, applicant_email, notify, state, submitted_at, updated_at, retention_days)
						values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?) returning id""")
					.params(reference, Codes.hash(code), form.id(), form.version(), form.dienststelle(),
							json.writeValueAsString(answers), email, notify && email != null, CaseState.EINGEGANGEN.name(),
							Drafts.ts(now), Drafts.ts(now), form.retentionDays())
					.query(Long.class)
					.single();
				addEntry(id, Kind.STATUS, CaseState.EINGEGANGEN, null, APPLICANT, true);
				uploads.attachToCase(draftId, id, answers.values());
				drafts.delete(draftId);
				if (deliver) {
					jdbc.sql("""
							insert into applications_delivery (case_id, state, attempts, next_attempt_at, updated_at)
							values (?, 'PENDING', 0, ?, ?)""")
						.params(id, Drafts.ts(now), Drafts.ts(now))
						.update();
				}
				events.publishEvent(new ApplicationSubmitted(reference, form.id(), form.version(), form.dienststelle(), now));
				return new Submission(reference, code);
			}
			catch (DuplicateKeyException e) {
				if (attempt > 5) {
					throw e;
				}
			}
		}
	}

	Optional<CaseRecord> find(String reference) {
		return jdbc.sql(SELECT + " where reference = ?").param(reference).query(this::map).optional();
	}

	Optional<CaseRecord> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional();
	}

	/** The case, if the code belongs to it; compares in constant time. */
	Optional<CaseRecord> track(String reference, String code) {
		String canonical = reference == null ? "" : reference.strip().toUpperCase(java.util.Locale.ROOT);
		Optional<String> hash = jdbc.sql("select tracking_code_hash from applications_case where reference = ?")
			.param(canonical)
			.query(String.class)
			.optional();
		String given = Codes.hash(code);
		if (hash.isPresent() && MessageDigest.isEqual(hash.get().getBytes(StandardCharsets.US_ASCII),
				given.getBytes(StandardCharsets.US_ASCII))) {
			return find(canonical);
		}
		return Optional.empty();
	}

	List<Entry> history(long caseId, boolean applicantView) {
		return jdbc.sql("select id, at, kind, state, body, actor, public from applications_event where case_id = ?"
				+ (applicantView ? " and public" : "") + " order by at, id")
			.param(caseId)
			.query((rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), Kind.valueOf(rs.getString(3)),
					rs.getString(4) == null ? null : CaseState.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
					rs.getBoolean(7)))
			.list();
	}

	/** A caseworker moves the case on; {@code note} is shown to the applicant with the new state. */
	@Transactional
	void changeState(CaseRecord loaded, long seenVersion, CaseState target, String note, String actor) {
		if (!loaded.state().next().contains(target)) {
			throw new IllegalArgumentException("transition not allowed");
		}
		Instant now = clock.instant();
		bump(loaded.id(), seenVersion, "state = ?, closed_at = ?", target.name(), target.closed() ? Drafts.ts(now) : null);
		Kind kind = target == CaseState.RUECKFRAGE ? Kind.QUESTION : Kind.STATUS;
		addEntry(loaded.id(), kind, target, blankToNull(note), actor, true);
		events.publishEvent(new ApplicationStateChanged(loaded.reference(), loaded.dienststelle(), loaded.state(), target,
				actor, now));
		notifications.stateChanged(loaded, target);
	}

	/** The applicant answers a question; the case goes back to the office. Returns the entry's id. */
	@Transactional
	long answer(CaseRecord loaded, String text) {
		if (loaded.state() != CaseState.RUECKFRAGE) {
			throw new IllegalStateException("no open question");
		}
		bump(loaded.id(), loaded.version(), "state = ?", CaseState.IN_BEARBEITUNG.name());
		long entry = addEntry(loaded.id(), Kind.ANSWER, CaseState.IN_BEARBEITUNG, text, APPLICANT, true);
		events.publishEvent(new ApplicationStateChanged(loaded.reference(), loaded.dienststelle(), loaded.state(),
				CaseState.IN_BEARBEITUNG, APPLICANT, clock.instant()));
		return entry;
	}

	@Transactional
	void note(CaseRecord loaded, String text, String actor) {
		jdbc.sql("update applications_case set updated_at = ? where id = ?").params(Drafts.ts(clock.instant()), loaded.id()).update();
		addEntry(loaded.id(), Kind.NOTE, null, text, actor, false);
	}

	@Transactional
	void assign(CaseRecord loaded, long seenVersion, String assignee, String actor) {
		bump(loaded.id(), seenVersion, "assigned_to = ?", blankToNull(assignee));
		addEntry(loaded.id(), Kind.ASSIGNED, null, assignee == null || assignee.isBlank() ? "–" : assignee, actor, false);
	}

	private void bump(long id, long seenVersion, String set, Object... values) {
		List<Object> params = new ArrayList<>(java.util.Arrays.asList(values));
		params.add(Drafts.ts(clock.instant()));
		params.add(id);
		params.add(seenVersion);
		int updated = jdbc.sql("update applications_case set " + set
				+ ", updated_at = ?, version = version + 1 where id = ? and version = ?")
			.params(params)
			.update();
		if (updated != 1) {
			throw new ConcurrentChange();
		}
	}

	private long addEntry(long caseId, Kind kind, CaseState state, String body, String actor, boolean visible) {
		return jdbc.sql("""
				insert into applications_event (case_id, at, kind, state, body, actor, public)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(caseId, Drafts.ts(clock.instant()), kind.name(), state == null ? null : state.name(), body, actor, visible)
			.query(Long.class)
			.single();
	}

	/** One line of the inbox. */
	record Row(String reference, String formId, String dienststelle, CaseState state, String assignedTo,
			Instant submittedAt, Instant updatedAt) {
	}

	/**
	 * @param offices the offices whose cases to list, {@code null} for all
	 */
	List<Row> list(Set<String> offices, CaseState state, String formId, boolean onlyMine, String username) {
		StringBuilder sql = new StringBuilder(
				"select reference, form_id, dienststelle, state, assigned_to, submitted_at, updated_at from applications_case where true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (offices != null) {
			if (offices.isEmpty()) {
				return List.of();
			}
			sql.append(" and dienststelle in (:offices)");
			params.put("offices", offices);
		}
		if (state != null) {
			sql.append(" and state = :state");
			params.put("state", state.name());
		}
		if (formId != null) {
			sql.append(" and form_id = :form");
			params.put("form", formId);
		}
		if (onlyMine) {
			sql.append(" and assigned_to = :me");
			params.put("me", username);
		}
		sql.append(" order by submitted_at desc limit 500");
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), CaseState.valueOf(rs.getString(4)),
					rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()))
			.list();
	}

	Map<CaseState, Long> counts(Set<String> offices) {
		Map<CaseState, Long> counts = new EnumMap<>(CaseState.class);
		for (CaseState state : CaseState.values()) {
			counts.put(state, 0L);
		}
		if (offices != null && offices.isEmpty()) {
			return counts;
		}
		String sql = "select state, count(*) from applications_case"
				+ (offices == null ? "" : " where dienststelle in (:offices)") + " group by state";
		var statement = jdbc.sql(sql);
		if (offices != null) {
			statement = statement.param("offices", offices);
		}
		statement.query((rs, i) -> Map.entry(CaseState.valueOf(rs.getString(1)), rs.getLong(2)))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	private static final String SELECT = """
			select id, reference, form_id, form_version, dienststelle, answers::text, applicant_email, notify, state,
			       assigned_to, submitted_at, updated_at, closed_at, version from applications_case""";

	private CaseRecord map(ResultSet rs, int row) throws SQLException {
		return new CaseRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
				json.readValue(rs.getString(6), ANSWERS), rs.getString(7), rs.getBoolean(8), CaseState.valueOf(rs.getString(9)),
				rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(),
				rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(), rs.getLong(14));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
