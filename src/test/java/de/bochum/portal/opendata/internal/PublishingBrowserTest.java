package de.bochum.portal.opendata.internal;

import de.bochum.portal.testsupport.BrowserTest;
import org.junit.jupiter.api.AfterAll;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A browser test of the publishing pages: it may create test datasets, which go when the class is done. */
abstract class PublishingBrowserTest extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Publishing publishing;

	@AfterAll
	void cleanUp() {
		PublishingFixtures.deleteTestDatasets(jdbc, publishing);
	}
}
