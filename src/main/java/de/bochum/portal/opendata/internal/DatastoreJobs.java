package de.bochum.portal.opendata.internal;

import java.nio.charset.Charset;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads into the datastore run as jobs: a row per resource in {@code opendata_datastore_job},
 * claimed by whichever instance polls first ({@code FOR UPDATE SKIP LOCKED}). A job whose instance
 * stopped (no heartbeat for two minutes) is taken up again, so a restart loses no load.
 */
@Component
class DatastoreJobs {

	private static final Logger log = LoggerFactory.getLogger(DatastoreJobs.class);

	/** A load as the page shows it; {@code format} is what the publisher chose, null where detected. */
	record Job(UUID resourceId, String state, long rows, Long errorLine, String error, CsvTable.Format format) {
	}

	private final JdbcClient jdbc;
	private final CsvLoading loading;
	private final TransactionTemplate separate;

	DatastoreJobs(JdbcClient jdbc, CsvLoading loading, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.loading = loading;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Like CKAN's Xloader: a stored CSV, XLSX or ODS file is queued for the datastore, whoever stored it
	 * (staff page, API, demo content); a failure is reported on the job, not thrown.
	 */
	void enqueueIfTabular(Catalogue.FoundResource stored) {
		if (CsvLoading.loadable(stored.resource().format())) {
			enqueue(UUID.fromString(stored.resource().id()), null);
		}
	}

	/** Queues a load of the resource's file, replacing an earlier job; {@code format} null detects it. */
	void enqueue(UUID resourceId, CsvTable.Format format) {
		jdbc.sql("""
				insert into opendata_datastore_job (resource_id, state, encoding, delimiter, decimal_comma, header, created)
				values (?, 'waiting', ?, ?, ?, ?, clock_timestamp())
				on conflict (resource_id) do update set state = 'waiting', encoding = excluded.encoding,
				delimiter = excluded.delimiter, decimal_comma = excluded.decimal_comma, header = excluded.header,
				rows_loaded = 0, error_line = null, error = '', created = excluded.created, started = null,
				heartbeat = null, finished = null""")
			.params(resourceId, format == null ? null : format.charset().name(),
					format == null ? null : format.delimiter() == '\t' ? "tab" : String.valueOf(format.delimiter()),
					format == null ? null : format.decimalComma(), format == null ? null : format.header())
			.update();
	}

	Optional<Job> job(UUID resourceId) {
		return jdbc.sql("""
				select state, rows_loaded, error_line, error, encoding, delimiter, decimal_comma, header
				from opendata_datastore_job where resource_id = ?""")
			.param(resourceId)
			.query((rs, i) -> new Job(resourceId, rs.getString(1), rs.getLong(2), (Long) rs.getObject(3), rs.getString(4),
					rs.getString(5) == null ? null : new CsvTable.Format(Charset.forName(rs.getString(5)),
							"tab".equals(rs.getString(6)) ? '\t' : rs.getString(6).charAt(0), rs.getBoolean(7), rs.getBoolean(8))))
			.optional();
	}

	/**
	 * What the staff page shows: a waiting or running job with its rows so far, a failed one with
	 * its error, else the loaded table; with the format to preselect in the override form.
	 */
	Optional<ResourcePreview.DatastoreStatus> status(UUID resourceId) {
		Optional<Job> job = job(resourceId);
		Optional<ResourcePreview.DatastoreStatus> stored = loading.status(resourceId);
		if (job.isEmpty() && stored.isEmpty()) {
			return Optional.empty();
		}
		ResourcePreview.LoadOptions options = job.map(Job::format)
			.or(() -> loading.detected(resourceId))
			.map(CsvTable.Format::options)
			.orElse(null);
		if (job.isPresent() && !"done".equals(job.get().state())) {
			Job j = job.get();
			return Optional.of(new ResourcePreview.DatastoreStatus(j.state(), j.rows(), j.error(), j.errorLine(), options));
		}
		return stored.map(s -> new ResourcePreview.DatastoreStatus(s.status(), s.rows(), s.report(), null, options));
	}

	/** Runs waiting jobs until none is left; every instance polls, each job runs once. */
	@Scheduled(fixedDelayString = "${portal.opendata.datastore.job-poll-interval:PT2S}")
	void work() {
		for (Optional<Job> next = claim(); next.isPresent(); next = claim()) {
			run(next.get());
		}
	}

	private Optional<Job> claim() {
		return separate.execute(tx -> jdbc.sql("""
				update opendata_datastore_job set state = 'running', started = now(), heartbeat = now(), rows_loaded = 0
				where resource_id = (select resource_id from opendata_datastore_job
				  where state = 'waiting' or state = 'running' and heartbeat < now() - interval '2 minutes'
				  order by created limit 1 for update skip locked)
				returning resource_id""")
			.query(UUID.class)
			.optional()
			.flatMap(this::job));
	}

	private void run(Job job) {
		ResourcePreview.DatastoreStatus outcome;
		try {
			outcome = loading.load(job.resourceId(), job.format(), rows -> separate.executeWithoutResult(tx -> jdbc
				.sql("update opendata_datastore_job set rows_loaded = ?, heartbeat = now() where resource_id = ?")
				.params(rows, job.resourceId())
				.update()));
		}
		catch (RuntimeException unexpected) {
			log.warn("Datastore job for resource {} failed", job.resourceId(), unexpected);
			outcome = new ResourcePreview.DatastoreStatus("failed", 0, LoadReport.line("opendata.job.error.unexpected",
					String.valueOf(unexpected.getMessage())));
		}
		ResourcePreview.DatastoreStatus done = outcome;
		ResourcePreview.LoadOptions used = done.options();
		// The format used is kept, so that the override form shows what was detected.
		separate.executeWithoutResult(tx -> jdbc.sql("""
				update opendata_datastore_job set state = ?, rows_loaded = ?, error = ?, error_line = ?,
				finished = now(), heartbeat = now(), encoding = coalesce(?, encoding), delimiter = coalesce(?, delimiter),
				decimal_comma = coalesce(?, decimal_comma), header = coalesce(?, header) where resource_id = ?""")
			.params("active".equals(done.status()) ? "done" : "failed", done.rows(),
					"active".equals(done.status()) ? "" : done.report(), done.errorLine(),
					used == null ? null : used.encoding(), used == null ? null : used.delimiter(),
					used == null ? null : used.decimalComma(), used == null ? null : used.header(), job.resourceId())
			.update());
	}
}
