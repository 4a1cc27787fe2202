package de.bochum.portal.applications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.bochum.portal.applications.SubmissionDelivery;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox of deliveries: a case is stored first and gets a row here in the same transaction;
 * a job (once across instances, ShedLock) hands due rows to the {@link SubmissionDelivery} and
 * retries failures with growing pauses. After the last attempt a row is dead-lettered: staff see it
 * and can try again at once. The case itself is never touched by a failed delivery.
 */
@Component
class DeliveryOutbox {

	private static final Logger log = LoggerFactory.getLogger(DeliveryOutbox.class);

	/** How long a claimed row is left alone by other runs while it is being delivered. */
	private static final Duration LEASE = Duration.ofMinutes(5);

	record Row(String reference, String dienststelle, String state, int attempts, Instant nextAttemptAt, String lastError,
			Instant deliveredAt) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final ObjectProvider<SubmissionDelivery> delivery;
	private final Cases cases;
	private final Uploads uploads;
	private final int maxAttempts;
	private final Duration firstPause;

	DeliveryOutbox(JdbcClient jdbc, JsonMapper json, Clock clock, ObjectProvider<SubmissionDelivery> delivery,
			Cases cases, Uploads uploads, @Value("${portal.applications.delivery.max-attempts:8}") int maxAttempts,
			@Value("${portal.applications.delivery.first-pause:PT1M}") Duration firstPause) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.delivery = delivery;
		this.cases = cases;
		this.uploads = uploads;
		this.maxAttempts = maxAttempts;
		this.firstPause = firstPause;
	}

	/** Whether submitted applications are delivered anywhere (a delivery is configured). */
	boolean enabled() {
		return delivery.getIfAvailable() != null;
	}

	@Scheduled(fixedDelayString = "${portal.applications.delivery.interval:PT30S}",
			initialDelayString = "${portal.applications.delivery.interval:PT30S}")
	@SchedulerLock(name = "applications-delivery", lockAtMostFor = "PT10M")
	void scheduled() {
		deliverDue();
	}

	/** Delivers every row that is due now; returns how many were delivered. */
	int deliverDue() {
		SubmissionDelivery target = delivery.getIfAvailable();
		if (target == null) {
			return 0;
		}
		Instant now = clock.instant();
		List<Long> claimed = jdbc.sql("""
				update applications_delivery set next_attempt_at = ?
				where case_id in (select case_id from applications_delivery
				                  where state = 'PENDING' and next_attempt_at <= ? order by next_attempt_at limit 20
				                  for update skip locked)
				returning case_id""")
			.params(Drafts.ts(now.plus(LEASE)), Drafts.ts(now))
			.query(Long.class)
			.list();
		int delivered = 0;
		for (long caseId : claimed) {
			delivered += attempt(target, caseId) ? 1 : 0;
		}
		return delivered;
	}

	/** Staff: try a dead-lettered (or waiting) delivery again now. */
	boolean retryNow(String reference) {
		SubmissionDelivery target = delivery.getIfAvailable();
		Optional<Long> caseId = jdbc.sql("""
				select d.case_id from applications_delivery d join applications_case c on c.id = d.case_id
				where c.reference = ? and d.state <> 'DELIVERED'""")
			.param(reference)
			.query(Long.class)
			.optional();
		if (target == null || caseId.isEmpty()) {
			return false;
		}
		jdbc.sql("update applications_delivery set state = 'PENDING', attempts = 0 where case_id = ?").param(caseId.get()).update();
		return attempt(target, caseId.get());
	}

	private boolean attempt(SubmissionDelivery target, long caseId) {
		Optional<Cases.CaseRecord> record = cases.find(caseId);
		if (record.isEmpty()) {
			return false;
		}
		Instant now = clock.instant();
		try {
			target.deliver(record.get().reference(), document(record.get()));
			jdbc.sql("""
					update applications_delivery set state = 'DELIVERED', attempts = attempts + 1, delivered_at = ?,
					  last_error = null, updated_at = ? where case_id = ?""")
				.params(Drafts.ts(now), Drafts.ts(now), caseId)
				.update();
			return true;
		}
		catch (Exception e) {
			int attempts = jdbc.sql("select attempts from applications_delivery where case_id = ?").param(caseId)
				.query(Integer.class).single() + 1;
			boolean dead = attempts >= maxAttempts;
			Duration pause = firstPause.multipliedBy(1L << Math.min(attempts - 1, 10));
			String error = (e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()));
			jdbc.sql("""
					update applications_delivery set state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = ?
					where case_id = ?""")
				.params(dead ? "DEAD" : "PENDING", attempts, Drafts.ts(now.plus(pause)),
						error.length() > 500 ? error.substring(0, 500) : error, Drafts.ts(now), caseId)
				.update();
			log.warn("Zustellung des Antrags {} fehlgeschlagen (Versuch {}{}): {}", record.get().reference(), attempts,
					dead ? ", aufgegeben" : "", e.getClass().getSimpleName());
			return false;
		}
	}

	/** The JSON document an office's system receives: the answers as filled, and the files' metadata. */
	String document(Cases.CaseRecord record) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("reference", record.reference());
		document.put("form", record.formId());
		document.put("formVersion", record.formVersion());
		document.put("dienststelle", record.dienststelle());
		document.put("submittedAt", record.submittedAt().toString());
		document.put("answers", record.answers());
		document.put("files", uploads.filesOfCase(record.id())
			.stream()
			.map(f -> Map.of("id", f.id().toString(), "field", f.fieldId(), "name", f.fileName(), "contentType",
					f.contentType(), "size", f.size()))
			.toList());
		return json.writeValueAsString(document);
	}

	List<Row> rows(String state) {
		return jdbc.sql("""
				select c.reference, c.dienststelle, d.state, d.attempts, d.next_attempt_at, d.last_error, d.delivered_at
				from applications_delivery d join applications_case c on c.id = d.case_id
				where (cast(? as varchar) is null or d.state = ?) order by d.updated_at desc limit 200""")
			.params(state, state)
			.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getTimestamp(5).toInstant(), rs.getString(6),
					rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
			.list();
	}

	Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>(Map.of("PENDING", 0L, "DELIVERED", 0L, "DEAD", 0L));
		jdbc.sql("select state, count(*) from applications_delivery group by state")
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}
}
