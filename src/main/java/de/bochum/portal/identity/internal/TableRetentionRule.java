package de.bochum.portal.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import de.bochum.portal.privacy.RetentionRule;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A retention rule over one table: rows matching {@code condition} are deleted or, with
 * {@code anonymise} given, updated with it. The condition may use {@code :cutoff} (now minus the
 * period to keep) and {@code :now}, both from the job's clock.
 */
record TableRetentionRule(JdbcClient jdbc, String key, String description, String table, String condition,
		Duration keep, String anonymise) implements RetentionRule {

	@Override
	public long due(Instant now) {
		return jdbc.sql("select count(*) from " + table + " where " + condition)
			.param("cutoff", Timestamp.from(now.minus(keep)))
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	@Override
	public long apply(Instant now) {
		String sql = anonymise == null ? "delete from " + table + " where " + condition
				: "update " + table + " set " + anonymise + " where " + condition;
		return jdbc.sql(sql).param("cutoff", Timestamp.from(now.minus(keep))).param("now", Timestamp.from(now)).update();
	}
}
