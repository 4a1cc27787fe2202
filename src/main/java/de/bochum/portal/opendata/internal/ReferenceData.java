package de.bochum.portal.opendata.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import de.bochum.portal.opendata.internal.DatasetView.GroupRef;
import de.bochum.portal.opendata.internal.DatasetView.LicenseRef;
import de.bochum.portal.opendata.internal.DatasetView.OrganizationRef;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Publishers, themes and licences in memory: a handful of rows that every search shows (facet labels,
 * the publisher and licence of each hit) and that hardly ever change. Before each use one row is read,
 * {@code opendata_reference_version}, which a trigger raises on every write to the three tables
 * (migration V36), so a change made by any instance or by hand in SQL shows at the next request —
 * one cheap statement instead of loading the tables again.
 */
@Component
class ReferenceData {

	/** The three tables at one version, by publisher name and id, theme name, licence id. */
	record Snapshot(long version, Map<String, OrganizationRef> organizations, Map<String, OrganizationRef> organizationsById,
			Map<String, GroupRef> groups, Map<String, LicenseRef> licenses) {

		Optional<OrganizationRef> organization(String name) {
			return Optional.ofNullable(organizations.get(name));
		}
	}

	private final JdbcClient jdbc;

	private volatile Snapshot current = new Snapshot(-1, Map.of(), Map.of(), Map.of(), Map.of());

	ReferenceData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The tables as they are now. */
	Snapshot now() {
		// The version is read before the tables: a change committed in between gives newer rows under an
		// older version, which only means one more reload at the next request, never a stale answer.
		long version = jdbc.sql("select version from opendata_reference_version").query(Long.class).single();
		Snapshot snapshot = current;
		if (snapshot.version() != version) {
			snapshot = load(version);
			current = snapshot;
		}
		return snapshot;
	}

	private Snapshot load(long version) {
		Map<String, OrganizationRef> organizations = new LinkedHashMap<>();
		Map<String, OrganizationRef> organizationsById = new LinkedHashMap<>();
		jdbc.sql("select id, name, title, description from opendata_organization order by title")
			.query((rs, i) -> new OrganizationRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list()
			.forEach(o -> {
				organizations.put(o.name(), o);
				organizationsById.put(o.id(), o);
			});
		Map<String, GroupRef> groups = new LinkedHashMap<>();
		jdbc.sql("select id, name, title, title_en, theme_uri from opendata_group order by title")
			.query((rs, i) -> new GroupRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list()
			.forEach(g -> groups.put(g.name(), g));
		Map<String, LicenseRef> licenses = new LinkedHashMap<>();
		jdbc.sql("select id, title, url, uri, is_open from opendata_license order by title")
			.query((rs, i) -> new LicenseRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5)))
			.list()
			.forEach(l -> licenses.put(l.id(), l));
		return new Snapshot(version, Map.copyOf(organizations), Map.copyOf(organizationsById), Map.copyOf(groups),
				Map.copyOf(licenses));
	}
}
