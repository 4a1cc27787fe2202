package de.bochum.portal.opendata.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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

	static final Set<String> FORMATS = Set.of("CSV", "TSV", "TXT");

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
		Optional<ResourceFiles.Stored> stored = files.of(resourceId);
		Optional<byte[]> content = stored.flatMap(files::content);
		if (content.isEmpty()) {
			return new ResourcePreview.DatastoreStatus("failed", 0, "Zu dieser Ressource ist keine hochgeladene Datei gespeichert.");
		}
		try {
			CsvTable table = CsvTable.read(content.get());
			return transactions.execute(tx -> {
				datastore.drop(resourceId);
				Datastore.Table created = datastore.create(resourceId, table.fields(), List.of(), false);
				datastore.copy(created, table.records());
				String report = "Kodierung " + table.charset().displayName() + ", Trennzeichen „"
						+ (table.delimiter() == '\t' ? "Tabulator" : String.valueOf(table.delimiter())) + "“"
						+ (table.problems().isEmpty() ? "" : "\n" + String.join("\n", table.problems()));
				jdbc.sql("update opendata_datastore set loaded_rows = ?, report = ?, status = 'active' where resource_id = ?")
					.params(table.records().size(), report, resourceId)
					.update();
				return new ResourcePreview.DatastoreStatus("active", table.records().size(), report);
			});
		}
		catch (CsvTable.Unreadable | Datastore.Invalid bad) {
			return failed(resourceId, bad.getMessage());
		}
		catch (RuntimeException unexpected) {
			log.warn("Loading resource {} into the datastore failed", resourceId, unexpected);
			return failed(resourceId, "Die Datei konnte nicht geladen werden: " + unexpected.getMessage());
		}
	}

	private ResourcePreview.DatastoreStatus failed(UUID resourceId, String reason) {
		transactions.executeWithoutResult(tx -> {
			datastore.drop(resourceId);
			jdbc.sql("""
					insert into opendata_datastore (resource_id, table_name, status, report, updated)
					values (?, ?, 'failed', ?, now())
					on conflict (resource_id) do update set status = 'failed', report = excluded.report, updated = now()""")
				.params(resourceId, Datastore.tableName(resourceId), reason)
				.update();
		});
		return new ResourcePreview.DatastoreStatus("failed", 0, reason);
	}

	Optional<ResourcePreview.DatastoreStatus> status(UUID resourceId) {
		return jdbc.sql("select status, loaded_rows, report from opendata_datastore where resource_id = ?")
			.param(resourceId)
			.query((rs, i) -> new ResourcePreview.DatastoreStatus(rs.getString(1), rs.getLong(2), rs.getString(3)))
			.optional();
	}
}
