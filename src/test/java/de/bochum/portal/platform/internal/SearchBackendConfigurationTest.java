package de.bochum.portal.platform.internal;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an operator's settings turn into for Hibernate Search. */
class SearchBackendConfigurationTest {

	@Test
	void luceneGetsOnlyItsIndexDirectory() {
		var environment = new MockEnvironment().withProperty("portal.search.index-dir", "/srv/portal/search")
			.withProperty("portal.search.hosts", "search.example:9200");
		assertThat(SearchBackendConfiguration.backendProperties("lucene", environment)).containsOnly(
				entry("hibernate.search.backend.type", "lucene"),
				entry("hibernate.search.backend.directory.root", "/srv/portal/search"));
	}

	@Test
	void elasticsearchGetsHostsAndOnlyTheCredentialsThatAreSet() {
		var environment = new MockEnvironment().withProperty("portal.search.hosts", "os1:9200,os2:9200")
			.withProperty("portal.search.protocol", "https")
			.withProperty("portal.search.username", "portal")
			.withProperty("portal.search.password", "")
			.withProperty("portal.search.index-dir", "/srv/portal/search");
		var properties = SearchBackendConfiguration.backendProperties("elasticsearch", environment);
		assertThat(properties).containsEntry("hibernate.search.backend.type", "elasticsearch")
			.containsEntry("hibernate.search.backend.hosts", "os1:9200,os2:9200")
			.containsEntry("hibernate.search.backend.protocol", "https")
			.containsEntry("hibernate.search.backend.username", "portal")
			.doesNotContainKeys("hibernate.search.backend.password", "hibernate.search.backend.directory.root",
					"hibernate.search.backend.version_check.enabled");

		environment.setProperty("portal.search.version", "opensearch:2.19");
		assertThat(SearchBackendConfiguration.backendProperties("elasticsearch", environment))
			.containsEntry("hibernate.search.backend.version", "opensearch:2.19")
			.containsEntry("hibernate.search.backend.version_check.enabled", "false");
	}

	@Test
	void anUnknownBackendStopsTheStartWithTheSettingsName() {
		assertThatThrownBy(() -> SearchBackendConfiguration.backendProperties("solr", new MockEnvironment()))
			.hasMessageContaining("PORTAL_SEARCH_BACKEND")
			.hasMessageContaining("'solr'");
	}
}
