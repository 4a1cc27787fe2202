package de.bochum.portal.opendata.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads an uploaded CSV file into the datastore (what CKAN's Xloader does): on upload, and again
 * when a publisher asks. A file that cannot be loaded leaves the resource as it is and a report
 * the staff page shows.
 */
@Service
class CsvLoading {

	private static final Logger log = LoggerFactory.getLogger(CsvLoading.class);

	static final Set<String> FORMATS = Set.of("CSV", "TSV", "TXT", "XLSX", "ODS");

	/** Media types of spreadsheets, whose first sheet is loaded as CSV text made of its values. */
	private static final Set<String> SPREADSHEETS = Set.of(XlsxSheet.MEDIA_TYPE, OdsSheet.MEDIA_TYPE);

	/** How the CSV text made of a spreadsheet is written; only "header row" is the publisher's to choose. */
	private static final CsvTable.Format SPREADSHEET = new CsvTable.Format(java.nio.charset.StandardCharsets.UTF_8, ',',
			false, true);

	private final ResourceFiles files;
	private final Datastore datastore;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;

	CsvLoading(ResourceFiles files, Datastore datastore, JdbcClient jdbc, TransactionTemplate transactions) {
		this.files = files;
		this.datastore = datastore;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	static boolean loadable(String format) {
		return format != null && FORMATS.contains(format.toUpperCase(java.util.Locale.ROOT));
	}

	/** Loads the resource's file, replacing an earlier table; returns the outcome, never throws for bad files. */
	ResourcePreview.DatastoreStatus load(UUID resourceId) {
		return load(resourceId, null, rows -> {
		});
	}

	/**
	 * Loads the file as {@code format} says, or as detected where it is null. Types come from a
	 * sample; a later value that does not fit makes its column text and the load start again, so
	 * a file is loaded at most once per column plus once.
	 */
	ResourcePreview.DatastoreStatus load(UUID resourceId, CsvTable.Format format, LongConsumer progress) {
		Optional<ResourceFiles.Stored> stored = files.of(resourceId);
		Optional<CsvTable.Source> content = stored.flatMap(files::source);
		if (content.isEmpty()) {
			return failed(resourceId, LoadReport.line("opendata.job.error.noFile"), null, null);
		}
		CsvTable.Source source = content.get();
		String mediaType = stored.get().mediaType();
		boolean spreadsheet = SPREADSHEETS.contains(mediaType);
		if (spreadsheet) {
			// A workbook is read whole and its CSV text is held; plain CSV is streamed from storage.
			try {
				byte[] bytes = source.bytes();
				source = CsvTable.Source.of(XlsxSheet.MEDIA_TYPE.equals(mediaType) ? XlsxSheet.toCsv(bytes) : OdsSheet.toCsv(bytes));
			}
			catch (SheetCsv.Unreadable unreadable) {
				return failed(resourceId, LoadReport.line(unreadable.key), null, null);
			}
		}
		CsvTable.Format used = spreadsheet
				? new CsvTable.Format(SPREADSHEET.charset(), SPREADSHEET.delimiter(), false, format == null || format.header())
				: format == null ? CsvTable.detect(source) : format;
		CsvTable.Source text = source;
		try {
			CsvTable.Plan plan = CsvTable.plan(text, used);
			List<String> widened = new ArrayList<>();
			while (true) {
				List<String> problems = new ArrayList<>();
				CsvTable.Plan attempt = plan;
				try {
					Datastore.Loaded loaded = transactions.execute(tx -> datastore.load(resourceId, attempt.fields(),
							sink -> CsvTable.stream(text, attempt, sink, problems), progress));
					String report = report(plan.format(), widened, problems);
					jdbc.sql("update opendata_datastore set report = ? where resource_id = ?").params(report, resourceId).update();
					transactions.executeWithoutResult(tx -> datastore.indexForSearch(loaded.table()));
					return new ResourcePreview.DatastoreStatus("active", loaded.rows(), report, null, used.options());
				}
				catch (CsvTable.Mismatch mismatch) {
					widened.add(LoadReport.line("opendata.job.widened", plan.names().get(mismatch.column), mismatch.line,
							abbreviated(mismatch.value), plan.kinds().get(mismatch.column).type.ckan));
					plan = plan.widened(mismatch.column);
				}
			}
		}
		catch (CsvTable.Unreadable bad) {
			return failed(resourceId, LoadReport.line(bad.key, bad.line), bad.line, used);
		}
		catch (Datastore.Invalid bad) {
			return failed(resourceId, LoadReport.line("opendata.job.error.database", bad.getMessage()), null, used);
		}
		catch (RuntimeException unexpected) {
			log.warn("Loading resource {} into the datastore failed", resourceId, unexpected);
			return failed(resourceId, LoadReport.line("opendata.job.error.unexpected", unexpected.getMessage()), null, used);
		}
	}

	private static String abbreviated(String value) {
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}

	static String report(CsvTable.Format format, List<String> widened, List<String> problems) {
		List<String> lines = new ArrayList<>();
		lines.add(LoadReport.line("opendata.job.format", format.charset().displayName(),
				format.delimiter() == '\t' ? "Tab" : String.valueOf(format.delimiter()),
				format.decimalComma() ? "ja" : "nein", format.header() ? "ja" : "nein"));
		lines.addAll(widened);
		lines.addAll(problems);
		return String.join("\n", lines);
	}

	private ResourcePreview.DatastoreStatus failed(UUID resourceId, String reason, Long line, CsvTable.Format used) {
		transactions.executeWithoutResult(tx -> {
			datastore.drop(resourceId);
			jdbc.sql("""
					insert into opendata_datastore (resource_id, table_name, status, report, updated)
					values (?, ?, 'failed', ?, now())
					on conflict (resource_id) do update set status = 'failed', report = excluded.report, updated = now()""")
				.params(resourceId, Datastore.tableName(resourceId), reason)
				.update();
		});
		return new ResourcePreview.DatastoreStatus("failed", 0, reason, line, used == null ? null : used.options());
	}

	/** How the resource's file would be read without an override. */
	Optional<CsvTable.Format> detected(UUID resourceId) {
		Optional<ResourceFiles.Stored> stored = files.of(resourceId);
		if (stored.isPresent() && SPREADSHEETS.contains(stored.get().mediaType())) {
			return Optional.of(SPREADSHEET);
		}
		return stored.flatMap(files::source).map(CsvTable::detect);
	}

	Optional<ResourcePreview.DatastoreStatus> status(UUID resourceId) {
		return jdbc.sql("select status, loaded_rows, report from opendata_datastore where resource_id = ?")
			.param(resourceId)
			.query((rs, i) -> new ResourcePreview.DatastoreStatus(rs.getString(1), rs.getLong(2), rs.getString(3)))
			.optional();
	}
}
