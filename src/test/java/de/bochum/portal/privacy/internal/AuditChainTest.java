package de.bochum.portal.privacy.internal;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.bochum.portal.privacy.AuditLog.Action;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class AuditChainTest {

	@Autowired
	AuditChain audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void entriesAreFoundAndTheChainIsIntact() {
		audit.record("sachbearbeitung-1", Action.VIEW, "antrag", "BO-2026-0001", "");
		audit.record("sachbearbeitung-1", Action.CHANGE, "antrag", "BO-2026-0001", "");
		audit.record("sachbearbeitung-2", Action.VIEW, "antrag", "BO-2026-0001", "Vertretung für Bürgerbüro Mitte");
		List<AuditEntry> entries = audit.search("", "antrag", "BO-2026-0001", 10);
		assertThat(entries).extracting(AuditEntry::actor)
			.containsExactly("sachbearbeitung-2", "sachbearbeitung-1", "sachbearbeitung-1");
		assertThat(entries.get(0).reason()).isEqualTo("Vertretung für Bürgerbüro Mitte");
		assertThat(audit.search("sachbearbeitung-2", "", "", 10)).hasSize(1);
		assertThat(audit.verify()).isEmpty();
	}

	@Test
	void theApplicationCannotChangeOrDeleteEntries() {
		audit.record("sachbearbeitung-3", Action.VIEW, "termin", "T-42", "");
		long id = audit.search("sachbearbeitung-3", "", "", 1).get(0).id();
		assertThatThrownBy(() -> jdbc.sql("update privacy_audit_log set reason = 'x' where id = ?").param(id).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from privacy_audit_log where id = ?").param(id).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("truncate privacy_audit_log").update()).hasMessageContaining("append-only");
		assertThat(audit.search("sachbearbeitung-3", "", "", 1)).hasSize(1);
	}

	@Test
	void tamperingAroundTheTriggerIsDetected() {
		audit.record("sachbearbeitung-4", Action.VIEW, "antrag", "BO-2026-0002", "");
		audit.record("sachbearbeitung-4", Action.EXPORT, "antrag", "BO-2026-0002", "");
		AuditEntry older = audit.search("sachbearbeitung-4", "", "", 2).get(1);
		try {
			// What a database superuser could do; the application itself cannot.
			tamper("update privacy_audit_log set actor = 'jemand-anderes' where id = " + older.id());
			assertThat(audit.verify()).contains(older.id());
		}
		finally {
			tamper("update privacy_audit_log set actor = 'sachbearbeitung-4' where id = " + older.id());
		}
		assertThat(audit.verify()).isEmpty();
	}

	@Test
	void concurrentAppendsKeepOneChain() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> futures = new java.util.ArrayList<>();
			for (int i = 0; i < 40; i++) {
				int n = i;
				futures.add(pool.submit(() -> audit.record("parallel-" + (n % 4), Action.VIEW, "antrag", "P-" + n, "")));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(audit.search("", "antrag", "P-7", 5)).hasSize(1);
		assertThat(audit.verify()).isEmpty();
	}

	private void tamper(String sql) {
		jdbc.sql("alter table privacy_audit_log disable trigger privacy_audit_log_no_update").update();
		try {
			jdbc.sql(sql).update();
		}
		finally {
			jdbc.sql("alter table privacy_audit_log enable trigger privacy_audit_log_no_update").update();
		}
	}
}
