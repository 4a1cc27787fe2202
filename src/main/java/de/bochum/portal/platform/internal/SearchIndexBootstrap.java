package de.bochum.portal.platform.internal;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Builds the search index from the database when it is empty: on the very first start, after an
 * operator deleted the index directory, or with an in-memory index. Rows written by migrations
 * (demo content, reference data) bypass Hibernate and would otherwise never be found.
 * {@code portal.search.reindex-on-start=true} rebuilds it on every start, for operators who wrote
 * rows by SQL (bulk imports, the benchmark generator) into a database whose index is not empty.
 */
@Component
@Order(100)
class SearchIndexBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexBootstrap.class);

	private final EntityManagerFactory entityManagerFactory;

	private final boolean reindexOnStart;

	private final int loadingThreads;

	SearchIndexBootstrap(EntityManagerFactory entityManagerFactory,
			@Value("${portal.search.reindex-on-start:false}") boolean reindexOnStart,
			@Value("${portal.search.reindex-threads:1}") int loadingThreads) {
		this.entityManagerFactory = entityManagerFactory;
		this.reindexOnStart = reindexOnStart;
		this.loadingThreads = Math.max(1, loadingThreads);
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		SearchMapping mapping = Search.mapping(entityManagerFactory);
		if (mapping.allIndexedEntities().isEmpty()) {
			return;
		}
		try (var session = entityManagerFactory.unwrap(SessionFactory.class).openSession()) {
			SearchSession search = Search.session(session);
			long documents = search.search(Object.class).where(f -> f.matchAll()).fetchTotalHitCount();
			if (documents > 0 && !reindexOnStart) {
				return;
			}
			long started = System.nanoTime();
			// The mass indexer drops what the index held before, so a rebuild never leaves stale documents.
			// Merging into one segment at the end spares every later search the per-segment overhead.
			search.massIndexer()
				.threadsToLoadObjects(loadingThreads)
				.batchSizeToLoadObjects(100)
				.mergeSegmentsOnFinish(true)
				.startAndWait();
			log.info("Search index built from the database in {} ms",
					(System.nanoTime() - started) / 1_000_000);
		}
	}
}
