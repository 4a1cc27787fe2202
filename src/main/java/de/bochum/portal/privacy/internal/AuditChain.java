package de.bochum.portal.privacy.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import de.bochum.portal.privacy.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access audit log as a hash chain in PostgreSQL: each entry's hash covers its content and
 * the previous entry's hash, so removing, reordering or changing an entry breaks the chain from
 * that point on.
 */
@Service
class AuditChain implements AuditLog {

	static final String GENESIS = "0".repeat(64);
	/** Serialises appends across instances, so the chain never forks. */
	private static final long LOCK_KEY = 0x4155444954L;

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditChain(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Written in its own transaction: the entry stays even if the caller's work rolls back. */
	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String actor, Action action, String recordType, String recordId, String reason) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_KEY).query().singleRow();
		String previous = jdbc.sql("select hash from privacy_audit_log order by id desc limit 1")
			.query(String.class)
			.optional()
			.orElse(GENESIS);
		// Microseconds, as PostgreSQL stores them, so the hash can be recomputed from the row.
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		AuditEntry entry = new AuditEntry(0, now, actor, action.name(), recordType, recordId, reason == null ? "" : reason,
				previous, null);
		jdbc.sql("""
				insert into privacy_audit_log (occurred_at, actor, action, record_type, record_id, reason, prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(java.sql.Timestamp.from(now), entry.actor(), entry.action(), entry.recordType(), entry.recordId(),
					entry.reason(), previous, entry.computeHash())
			.update();
	}

	/** The id of the first entry whose hash does not match, or empty if the chain is intact. */
	@Transactional(readOnly = true)
	Optional<Long> verify() {
		String expectedPrevious = GENESIS;
		for (AuditEntry entry : all()) {
			if (!entry.prevHash().equals(expectedPrevious) || !entry.computeHash().equals(entry.hash())) {
				return Optional.of(entry.id());
			}
			expectedPrevious = entry.hash();
		}
		return Optional.empty();
	}

	@Transactional(readOnly = true)
	List<AuditEntry> search(String actor, String recordType, String recordId, int limit) {
		return jdbc.sql("""
				select id, occurred_at, actor, action, record_type, record_id, reason, prev_hash, hash
				from privacy_audit_log
				where (:actor = '' or actor = :actor)
				  and (:recordType = '' or record_type = :recordType)
				  and (:recordId = '' or record_id = :recordId)
				order by id desc limit :limit""")
			.param("actor", actor == null ? "" : actor.strip())
			.param("recordType", recordType == null ? "" : recordType.strip())
			.param("recordId", recordId == null ? "" : recordId.strip())
			.param("limit", limit)
			.query(AuditChain::entry)
			.list();
	}

	private List<AuditEntry> all() {
		return jdbc.sql("""
				select id, occurred_at, actor, action, record_type, record_id, reason, prev_hash, hash
				from privacy_audit_log order by id""")
			.query(AuditChain::entry)
			.list();
	}

	private static AuditEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
	}
}
