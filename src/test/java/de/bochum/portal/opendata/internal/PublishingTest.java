package de.bochum.portal.opendata.internal;

import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Spring test of the open data module that may create test datasets: each goes after its test,
 * since the read-side tests in the same context count the public demo datasets.
 */
abstract class PublishingTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Publishing publishing;

	@AfterEach
	void cleanUp() {
		PublishingFixtures.deleteTestDatasets(jdbc, publishing);
	}
}
