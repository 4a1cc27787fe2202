package de.bochum.portal.platform.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Chooses Hibernate Search's backend from {@code portal.search.backend} ({@code PORTAL_SEARCH_BACKEND}):
 * {@code lucene}, the embedded index under {@code portal.search.index-dir}, or {@code elasticsearch}, an
 * OpenSearch 1.x/2.x or Elasticsearch cluster at {@code portal.search.hosts}. Only the chosen backend's
 * keys are handed to Hibernate Search, which warns about every key it does not use.
 */
@Configuration(proxyBeanMethods = false)
class SearchBackendConfiguration {

	static final String LUCENE = "lucene";
	static final String ELASTICSEARCH = "elasticsearch";

	private static final String BACKEND = "hibernate.search.backend.";

	@Bean
	HibernatePropertiesCustomizer searchBackend(Environment environment) {
		String backend = environment.getProperty("portal.search.backend", LUCENE).trim().toLowerCase(Locale.ROOT);
		return properties -> backendProperties(backend, environment).forEach(properties::putIfAbsent);
	}

	static Map<String, String> backendProperties(String backend, Environment environment) {
		return switch (backend) {
			case LUCENE -> Map.of(BACKEND + "type", LUCENE,
					BACKEND + "directory.root", environment.getProperty("portal.search.index-dir", "./data/search"));
			case ELASTICSEARCH -> elasticsearch(environment);
			default -> throw new IllegalStateException("portal.search.backend (PORTAL_SEARCH_BACKEND) must be '"
					+ LUCENE + "' or '" + ELASTICSEARCH + "' (for OpenSearch too), not '" + backend + "'");
		};
	}

	private static Map<String, String> elasticsearch(Environment environment) {
		var properties = new HashMap<String, String>();
		properties.put(BACKEND + "type", ELASTICSEARCH);
		properties.put(BACKEND + "hosts", environment.getProperty("portal.search.hosts", "localhost:9200"));
		properties.put(BACKEND + "protocol", environment.getProperty("portal.search.protocol", "http"));
		// Optional: credentials of the cluster, and its version where the cluster does not tell it
		// (e.g. "opensearch:2.19"; Amazon OpenSearch Service hides it from the version check).
		for (String key : new String[] { "username", "password", "version" }) {
			String value = environment.getProperty("portal.search." + key);
			if (StringUtils.hasText(value)) {
				properties.put(BACKEND + key, value);
			}
		}
		if (properties.containsKey(BACKEND + "version")) {
			properties.put(BACKEND + "version_check.enabled", "false");
		}
		return properties;
	}
}
