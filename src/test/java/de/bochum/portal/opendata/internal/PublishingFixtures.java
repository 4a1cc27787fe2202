package de.bochum.portal.opendata.internal;

import java.util.Set;
import java.util.UUID;

import de.bochum.portal.testsupport.StaffFixtures;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Publishers and clean-up for the publishing tests, which share one database with the read-side tests. */
final class PublishingFixtures {

	/** Every dataset the tests create is named with this prefix, so clean-up finds them. */
	static final String PREFIX = "test-";

	private PublishingFixtures() {
	}

	static String uniqueName(String stem) {
		return PREFIX + stem + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A new dataset without resources of the organization, created by a system publisher; returns its name. */
	static String emptyDataset(Publishing publishing, String stem, String title, String organization) {
		String name = uniqueName(stem);
		publishing.create(CkanWriteActions.form(java.util.Map.of("name", name, "title", title, "owner_org", organization,
				"license_id", "cc-by/4.0"), null), java.util.List.of(), new Publishers.Publisher("test-" + stem, true, Set.of()),
				"web");
		return name;
	}

	/** A staff member with role DATA_PUBLISHER who publishes for these organizations. */
	static String publisherFor(JdbcClient jdbc, String... organizations) {
		String username = StaffFixtures.create(jdbc, "DATA_PUBLISHER");
		for (String organization : organizations) {
			jdbc.sql("""
					insert into opendata_publisher (username, organization_id, granted_by)
					select ?, id, 'test' from opendata_organization where name = ?""")
				.params(username, organization)
				.update();
		}
		return username;
	}

	/**
	 * Soft-deletes what a test created, through the service so that the search index follows: the
	 * read-side tests count the public demo datasets.
	 */
	static void deleteTestDatasets(JdbcClient jdbc, Publishing publishing) {
		Publishers.Publisher admin = new Publishers.Publisher("test-cleanup", true,
				Set.copyOf(jdbc.sql("select name from opendata_organization").query(String.class).list()));
		jdbc.sql("select name from opendata_dataset where name like 'test-%' and state = 'active'")
			.query(String.class)
			.list()
			.forEach(name -> publishing.delete(name, admin, "web"));
	}

	/** Waits for the resource's datastore job (run by the poller in the background) to end; returns its state. */
	static String awaitDatastoreJob(JdbcClient jdbc, String resourceId) throws InterruptedException {
		java.util.UUID id = java.util.UUID.fromString(resourceId);
		for (int i = 0; i < 600; i++) {
			String state = jdbc.sql("select state from opendata_datastore_job where resource_id = ?").param(id)
				.query(String.class).optional().orElse("none");
			if (state.equals("done") || state.equals("failed")) {
				return state;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("datastore job for " + resourceId + " did not end within a minute");
	}

	/** The columns of the resource's datastore table as "name:type", comma-separated, in order. */
	static String datastoreColumns(JdbcClient jdbc, String resourceId) {
		return jdbc.sql("select string_agg(column_name || ':' || data_type, ',' order by ordinal_position) from"
				+ " information_schema.columns where table_schema = 'datastore' and table_name = ?")
			.param(Datastore.tableName(UUID.fromString(resourceId))).query(String.class).single();
	}

	/** 1 where the resource has a datastore table, else 0. */
	static long datastoreTables(JdbcClient jdbc, String resourceId) {
		return jdbc.sql("select count(*) from information_schema.tables where table_schema = 'datastore' and table_name = ?")
			.param(Datastore.tableName(UUID.fromString(resourceId))).query(Long.class).single();
	}

	/** A BOGESTRA dataset with one uploaded file, as a publisher makes it; returns its name and the resource id. */
	static String[] datasetWithFile(Publishing publishing, int port, String file, byte[] content) {
		String name = uniqueName("datei");
		Publishers.Publisher publisher = new Publishers.Publisher("test-datei", true, java.util.Set.of());
		DatasetView dataset = publishing.create(CkanWriteActions.form(java.util.Map.of("name", name, "title", "Zählung",
				"owner_org", "bogestra", "license_id", "cc-by/4.0"), null), java.util.List.of(), publisher, "web");
		var added = publishing.addResource(dataset.id(), ResourceForm.empty(), new ResourceFiles.Upload(file, content),
				"http://localhost:" + port, publisher, "web");
		return new String[] { name, added.resource().id() };
	}

	/** {@link #datasetWithFile} loaded into the datastore by its job; returns the resource's public page. */
	static String loadedResource(Publishing publishing, DatastoreJobs jobs, JdbcClient jdbc, int port, String file,
			byte[] content) throws InterruptedException {
		String[] created = datasetWithFile(publishing, port, file, content);
		jobs.enqueue(UUID.fromString(created[1]), null);
		String state = awaitDatastoreJob(jdbc, created[1]);
		if (!state.equals("done")) {
			throw new AssertionError("datastore job for " + file + " ended " + state);
		}
		return "/daten/" + created[0] + "/ressource/" + created[1];
	}
}
