package de.bochum.portal.opendata.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How often the files the portal serves are downloaded: one counter per resource and day (table
 * {@code opendata_download}), raised by an upsert on every download. Nothing about the visitor is
 * kept, so a visitor who downloads twice counts twice; CKAN's tracking extension does not dedupe
 * reliably either, and publishers want an order of magnitude, not a census.
 */
@Component
class DownloadCounts {

	static final int RECENT_DAYS = 30;

	private static final ZoneId BOCHUM = ZoneId.of("Europe/Berlin");

	/** CKAN's {@code tracking_summary}: all downloads, and those of the last 30 days. */
	record Summary(long total, long recent) {

		static final Summary NONE = new Summary(0, 0);

		Map<String, Object> dict() {
			Map<String, Object> dict = new LinkedHashMap<>();
			dict.put("total", total);
			dict.put("recent", recent);
			return dict;
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	DownloadCounts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BOCHUM));
	}

	void count(UUID resourceId) {
		jdbc.sql("""
				insert into opendata_download (resource_id, day, count) values (?, ?, 1)
				on conflict (resource_id, day) do update set count = opendata_download.count + 1""")
			.params(resourceId, today())
			.update();
	}

	/** The summaries of the given resources; those never downloaded are missing. */
	Map<String, Summary> of(Collection<String> resourceIds) {
		List<UUID> ids = resourceIds.stream().flatMap(id -> Catalogue.parseUuid(id).stream()).toList();
		Map<String, Summary> summaries = new HashMap<>();
		if (ids.isEmpty()) {
			return summaries;
		}
		jdbc.sql("""
				select resource_id, sum(count), coalesce(sum(count) filter (where day > :since), 0)
				from opendata_download where resource_id in (:ids) group by resource_id""")
			.param("since", today().minusDays(RECENT_DAYS))
			.param("ids", ids)
			.query((rs, i) -> summaries.put(rs.getString(1), new Summary(rs.getLong(2), rs.getLong(3))))
			.list();
		return summaries;
	}

	/** Downloads of the last 30 days per resource id, for the pages. */
	Map<String, Long> recent(Collection<String> resourceIds) {
		Map<String, Long> recent = new HashMap<>();
		of(resourceIds).forEach((id, summary) -> recent.put(id, summary.recent()));
		return recent;
	}

	/**
	 * The {@code tracking_summary} of every resource of the given datasets, read with one query, so
	 * that an API answer with many datasets costs one query for all their counts.
	 */
	Tracking tracking(Collection<DatasetView> datasets) {
		return new Tracking(of(datasets.stream().flatMap(d -> d.resources().stream()).map(DatasetView.ResourceView::id).toList()));
	}

	/** The counts an API answer's dictionaries carry, as CKAN's tracking extension adds them. */
	record Tracking(Map<String, Summary> byResource) {

		Summary resource(DatasetView.ResourceView r) {
			return byResource.getOrDefault(r.id(), Summary.NONE);
		}

		/** A dataset's summary is the sum over its resources. */
		Summary dataset(DatasetView d) {
			long total = 0;
			long recent = 0;
			for (DatasetView.ResourceView r : d.resources()) {
				total += resource(r).total();
				recent += resource(r).recent();
			}
			return new Summary(total, recent);
		}
	}
}
