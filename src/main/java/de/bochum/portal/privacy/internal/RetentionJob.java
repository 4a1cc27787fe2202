package de.bochum.portal.privacy.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import de.bochum.portal.privacy.RetentionRule;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every module's retention rules: nightly on the schedule, once across all instances, or
 * when the data protection officer asks. One failing rule does not stop the others; its failure is
 * recorded (the exception's type, not its message, which might quote data).
 */
@Component
class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
	static final String SCHEDULE = "schedule";

	private final List<RetentionRule> rules;
	private final JdbcClient jdbc;
	private final Clock clock;

	RetentionJob(List<RetentionRule> rules, JdbcClient jdbc, Clock clock) {
		this.rules = rules.stream().sorted(Comparator.comparing(RetentionRule::key)).toList();
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(cron = "${portal.privacy.retention.cron:0 15 3 * * *}", zone = "Europe/Berlin")
	@SchedulerLock(name = "privacy-retention", lockAtMostFor = "PT2H")
	void nightly() {
		runAll(SCHEDULE);
	}

	/** Runs all rules now; {@code triggeredBy} is "schedule" or the staff member's user name. */
	synchronized long runAll(String triggeredBy) {
		long total = 0;
		for (RetentionRule rule : rules) {
			Instant started = clock.instant();
			long affected = 0;
			String failure = null;
			try {
				affected = rule.apply(started);
			}
			catch (RuntimeException e) {
				failure = e.getClass().getSimpleName();
				log.error("Löschregel {} fehlgeschlagen: {}", rule.key(), failure);
			}
			jdbc.sql("""
					insert into privacy_retention_run (rule_key, started_at, finished_at, affected, failure, triggered_by)
					values (?, ?, ?, ?, ?, ?)""")
				.params(rule.key(), Timestamp.from(started), Timestamp.from(clock.instant()), affected, failure,
						triggeredBy)
				.update();
			if (affected > 0) {
				log.info("Löschregel {}: {} Datensätze gelöscht oder anonymisiert", rule.key(), affected);
			}
			total += affected;
		}
		return total;
	}

	List<RetentionRule> rules() {
		return rules;
	}

	List<RetentionRuleStatus> status() {
		Instant now = clock.instant();
		return rules.stream().map(rule -> {
			RetentionRun last = jdbc.sql("""
					select rule_key, started_at, affected, failure, triggered_by from privacy_retention_run
					where rule_key = ? order by started_at desc, id desc limit 1""")
				.param(rule.key())
				.query(RetentionJob::run)
				.optional()
				.orElse(null);
			return new RetentionRuleStatus(rule.key(), rule.description(), rule.due(now), last == null ? null : last.startedAt(),
					last == null ? null : last.affected(), last == null ? null : last.failure());
		}).toList();
	}

	List<RetentionRun> recentRuns(int limit) {
		return jdbc.sql("""
				select rule_key, started_at, affected, failure, triggered_by from privacy_retention_run
				order by started_at desc, id desc limit ?""")
			.param(limit)
			.query(RetentionJob::run)
			.list();
	}

	private static RetentionRun run(java.sql.ResultSet row, int n) throws java.sql.SQLException {
		return new RetentionRun(row.getString("rule_key"), row.getTimestamp("started_at").toInstant(), row.getLong("affected"),
				row.getString("failure"), row.getString("triggered_by"));
	}
}
