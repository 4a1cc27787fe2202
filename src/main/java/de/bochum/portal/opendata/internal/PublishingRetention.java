package de.bochum.portal.opendata.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import de.bochum.portal.privacy.RetentionRule;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The retention periods of the publishing tables, as declared in their column comments. */
final class PublishingRetention {

	private PublishingRetention() {
	}

	@Component
	static class ExpiredTokens implements RetentionRule {

		private final JdbcClient jdbc;

		ExpiredTokens(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String key() {
			return "opendata.expired-api-tokens";
		}

		@Override
		public String description() {
			return "Abgelaufene API-Tokens für offene Daten 90 Tage nach Ablauf löschen";
		}

		@Override
		public long due(Instant now) {
			return jdbc.sql("select count(*) from opendata_api_token where expires < ?")
				.param(Timestamp.from(now.minus(90, ChronoUnit.DAYS)))
				.query(Long.class)
				.single();
		}

		@Override
		public long apply(Instant now) {
			return jdbc.sql("delete from opendata_api_token where expires < ?")
				.param(Timestamp.from(now.minus(90, ChronoUnit.DAYS)))
				.update();
		}
	}

	@Component
	static class OldAuditEntries implements RetentionRule {

		private final JdbcClient jdbc;

		OldAuditEntries(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String key() {
			return "opendata.audit";
		}

		@Override
		public String description() {
			return "Änderungsprotokoll der offenen Daten nach drei Jahren löschen";
		}

		private static Timestamp cutoff(Instant now) {
			return Timestamp.from(now.atZone(java.time.ZoneOffset.UTC).minusYears(3).toInstant());
		}

		@Override
		public long due(Instant now) {
			return jdbc.sql("select count(*) from opendata_audit where at < ?").param(cutoff(now)).query(Long.class).single();
		}

		@Override
		public long apply(Instant now) {
			return jdbc.sql("delete from opendata_audit where at < ?").param(cutoff(now)).update();
		}
	}
}
