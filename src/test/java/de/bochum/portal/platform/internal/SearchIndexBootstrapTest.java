package de.bochum.portal.platform.internal;

import jakarta.persistence.EntityManagerFactory;

import de.bochum.portal.testsupport.PortalHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows written by SQL (a bulk import, the benchmark generator) reach the search only through a
 * rebuild; {@code portal.search.reindex-on-start} is the operator's way to ask for one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchIndexBootstrapTest {

	private static final String ID = "0dbe0000-0000-4000-8000-000000000001";

	@LocalServerPort
	int port;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	JdbcTemplate jdbc;

	private String search(String text) {
		return new PortalHttp(port).get("/api/3/action/package_search?q=" + text).body();
	}

	@Test
	void aStartWithReindexFindsRowsWrittenBySqlAndForgetsDeletedOnes() throws Exception {
		jdbc.update("""
				insert into opendata_dataset (id, name, title, notes, organization_id, license_id, created, modified)
				values (?::uuid, 'massenimport-probe', 'Massenimport Wasserstandsmessungen', '',
				        '0d000000-0000-4000-8000-000000000001', 'dl-zero-de/2.0', now(), now())""", ID);
		try {
			new SearchIndexBootstrap(entityManagerFactory, false, 1).run(null);
			assertThat(search("Wasserstandsmessung")).as("an index that is not empty is kept").contains("\"count\":0");

			new SearchIndexBootstrap(entityManagerFactory, true, 2).run(null);
			assertThat(search("Wasserstandsmessung")).contains("\"count\":1", "massenimport-probe");
			assertThat(search("Haltestelle")).as("what was indexed before is still there").contains("\"count\":1");
		}
		finally {
			jdbc.update("delete from opendata_dataset where id = ?::uuid", ID);
			new SearchIndexBootstrap(entityManagerFactory, true, 1).run(null);
		}
		assertThat(search("Wasserstandsmessung")).contains("\"count\":0");
	}
}
