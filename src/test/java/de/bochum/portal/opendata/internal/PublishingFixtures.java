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
}
