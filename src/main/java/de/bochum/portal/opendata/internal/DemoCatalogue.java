package de.bochum.portal.opendata.internal;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills the catalogue with demo content on start ({@code portal.opendata.demo-content}, on by
 * default): the files of the datasets V30 brings, stored by the portal instead of the publishers'
 * addresses a fresh machine cannot reach, and further datasets. It goes through
 * {@link Publishing} like a publisher would, so the search index, sizes, hashes, the change log
 * and the datastore (a queued load, not work at start-up) are as for any upload. Idempotent: a dataset that exists by name (in any
 * state, so a deleted demo dataset stays deleted) and a resource that already has a file are left
 * alone.
 *
 * <p>Runs after the search index was built from the database ({@code SearchIndexBootstrap},
 * order 100): what it writes is indexed on commit, and an index that is no longer empty would
 * not be built from V30's rows.
 */
@Component
@Order(200)
@ConditionalOnProperty(name = "portal.opendata.demo-content", havingValue = "true", matchIfMissing = true)
class DemoCatalogue implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

	static final String ACTOR = "demo-inhalt";

	private final Publishing publishing;
	private final DatastoreJobs jobs;
	private final ResourceFiles files;
	private final JdbcClient jdbc;
	private final String baseUrl;

	DemoCatalogue(Publishing publishing, DatastoreJobs jobs, ResourceFiles files, JdbcClient jdbc,
			@Value("${portal.base-url:http://localhost:${server.port:8080}}") String baseUrl) {
		this.publishing = publishing;
		this.jobs = jobs;
		this.files = files;
		this.jdbc = jdbc;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			seed();
		}
		catch (RuntimeException e) {
			// Demo content must never keep the portal from starting; a second instance starting at the
			// same moment, for one, finds the names taken.
			log.warn("Demo catalogue not complete: {}", e.toString());
		}
	}

	/** Writes what is missing; returns how many files it stored. */
	int seed() {
		Publishers.Publisher demo = new Publishers.Publisher(ACTOR, true,
				Set.copyOf(jdbc.sql("select name from opendata_organization").query(String.class).list()));
		int stored = 0;
		for (Map.Entry<String, DemoContent.Resource> entry : DemoContent.v30Files().entrySet()) {
			UUID id = UUID.fromString(entry.getKey());
			boolean exists = jdbc.sql("select count(*) from opendata_resource where id = ?").param(id)
				.query(Long.class).single() > 0;
			if (exists && files.of(id).isEmpty()) {
				DemoContent.Resource r = entry.getValue();
				var found = publishing.updateResource(id.toString(), form(r), upload(r), baseUrl, demo, "demo");
				jobs.enqueueIfTabular(found);
				stored++;
			}
		}
		for (DemoContent.Dataset dataset : DemoContent.datasets()) {
			boolean exists = jdbc.sql("select count(*) from opendata_dataset where name = ?")
				.param(dataset.form().name()).query(Long.class).single() > 0;
			if (exists) {
				continue;
			}
			publishing.create(dataset.form(), java.util.List.of(), demo, "demo");
			for (DemoContent.Resource r : dataset.resources()) {
				jobs.enqueueIfTabular(publishing.addResource(dataset.form().name(), form(r), upload(r), baseUrl, demo, "demo"));
				stored++;
			}
		}
		if (stored > 0) {
			log.info("Demo catalogue: {} files stored (portal.opendata.demo-content=false turns this off)", stored);
		}
		return stored;
	}

	private static ResourceForm form(DemoContent.Resource r) {
		return new ResourceForm(r.name(), "", r.format(), "", r.description(), "", "");
	}

	private static ResourceFiles.Upload upload(DemoContent.Resource r) {
		return new ResourceFiles.Upload(r.file().fileName(), r.file().content());
	}
}
