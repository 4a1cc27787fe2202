package de.bochum.portal.applications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Drafts of applications by people without an account, kept on the server: found through the
 * session while someone fills in the form, and through the secret resume token after they saved
 * and left. Only the token's hash is stored.
 */
@Component
class Drafts {

	record Draft(UUID id, String formId, int formVersion, Map<String, String> answers, Instant updatedAt) {
	}

	private static final TypeReference<LinkedHashMap<String, String>> ANSWERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final Duration resumeValidity;

	Drafts(JdbcClient jdbc, JsonMapper json, Clock clock,
			@Value("${portal.applications.resume-link-days:30}") int resumeDays) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.resumeValidity = Duration.ofDays(resumeDays);
	}

	UUID create(FormDefinition form) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into applications_draft (id, form_id, form_version, answers, created_at, updated_at)
				values (?, ?, ?, '{}'::jsonb, ?, ?)""")
			.params(id, form.id(), form.version(), ts(now), ts(now))
			.update();
		return id;
	}

	Optional<Draft> find(UUID id) {
		return jdbc.sql("select id, form_id, form_version, answers::text, updated_at from applications_draft where id = ?")
			.param(id)
			.query((rs, i) -> new Draft(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
					json.readValue(rs.getString(4), ANSWERS), rs.getTimestamp(5).toInstant()))
			.optional();
	}

	void saveAnswers(UUID id, Map<String, String> answers) {
		jdbc.sql("update applications_draft set answers = cast(? as jsonb), updated_at = ? where id = ?")
			.params(json.writeValueAsString(answers), ts(clock.instant()), id)
			.update();
	}

	/** A new resume token for the draft (an older one stops working); returns it, stores its hash. */
	String newResumeToken(UUID id) {
		String token = Codes.token();
		jdbc.sql("update applications_draft set resume_token_hash = ?, resume_expires_at = ?, updated_at = ? where id = ?")
			.params(Codes.hash(token), ts(clock.instant().plus(resumeValidity)), ts(clock.instant()), id)
			.update();
		return token;
	}

	Optional<UUID> findByResumeToken(String token) {
		return jdbc.sql("select id from applications_draft where resume_token_hash = ? and resume_expires_at > ?")
			.params(Codes.hash(token), ts(clock.instant()))
			.query(UUID.class)
			.optional();
	}

	Duration resumeValidity() {
		return resumeValidity;
	}

	void delete(UUID id) {
		jdbc.sql("delete from applications_draft where id = ?").param(id).update();
	}

	static java.sql.Timestamp ts(Instant instant) {
		return java.sql.Timestamp.from(instant);
	}
}
