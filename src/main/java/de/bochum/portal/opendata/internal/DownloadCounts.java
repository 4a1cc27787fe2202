package de.bochum.portal.opendata.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
			return Map.of("total", total, "recent", recent);
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
	 * Adds {@code tracking_summary} to the package and resource dictionaries in an API result, as
	 * CKAN's tracking extension does, with one query for all of them.
	 */
	Object withTracking(Object result) {
		List<Map<String, Object>> packages = new ArrayList<>();
		List<Map<String, Object>> resources = new ArrayList<>();
		collect(result, packages, resources, 0);
		if (resources.isEmpty()) {
			return result;
		}
		Map<String, Summary> summaries = of(resources.stream().map(r -> String.valueOf(r.get("id"))).toList());
		for (Map<String, Object> resource : resources) {
			resource.put("tracking_summary", summaries.getOrDefault(String.valueOf(resource.get("id")), Summary.NONE).dict());
		}
		for (Map<String, Object> dataset : packages) {
			long total = 0;
			long recent = 0;
			for (Object r : (List<?>) dataset.get("resources")) {
				Summary s = summaries.getOrDefault(String.valueOf(((Map<?, ?>) r).get("id")), Summary.NONE);
				total += s.total();
				recent += s.recent();
			}
			dataset.put("tracking_summary", new Summary(total, recent).dict());
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	private static void collect(Object value, List<Map<String, Object>> packages, List<Map<String, Object>> resources,
			int depth) {
		if (depth > 4) {
			return;
		}
		if (value instanceof List<?> list) {
			list.forEach(item -> collect(item, packages, resources, depth + 1));
		}
		else if (value instanceof Map<?, ?> map) {
			if (map.containsKey("package_id") && map.containsKey("url") && map.containsKey("position")) {
				resources.add((Map<String, Object>) map);
			}
			else if (map.get("resources") instanceof List<?> list && map.containsKey("num_resources")) {
				packages.add((Map<String, Object>) map);
				list.forEach(item -> collect(item, packages, resources, depth + 1));
			}
			else if (map.get("results") instanceof List<?> list) {
				list.forEach(item -> collect(item, packages, resources, depth + 1));
			}
			else if (map.get("packages") instanceof List<?> list) {
				list.forEach(item -> collect(item, packages, resources, depth + 1));
			}
		}
	}
}
