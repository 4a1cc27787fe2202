package de.bochum.portal.opendata.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalogue in CKAN 2.10's dictionaries, field for field, so that CKAN clients work unchanged. */
final class PackageDicts {

	// CKAN writes naive UTC timestamps with microseconds.
	private static final DateTimeFormatter CKAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
		.withZone(ZoneOffset.UTC);

	private PackageDicts() {
	}

	static String time(Instant instant) {
		return instant == null ? null : CKAN_TIME.format(instant);
	}

	/** The dictionaries of the given datasets, with their download counts read once for all of them. */
	static List<Map<String, Object>> datasets(List<DatasetView> datasets, DownloadCounts counts) {
		DownloadCounts.Tracking tracking = counts.tracking(datasets);
		return datasets.stream().map(d -> dataset(d, tracking)).toList();
	}

	static Map<String, Object> dataset(DatasetView d, DownloadCounts counts) {
		return dataset(d, counts.tracking(List.of(d)));
	}

	static Map<String, Object> resource(Catalogue.FoundResource found, DownloadCounts counts) {
		return resource(found.dataset(), found.resource(),
				new DownloadCounts.Tracking(counts.of(List.of(found.resource().id()))));
	}

	private static Map<String, Object> dataset(DatasetView d, DownloadCounts.Tracking tracking) {
		Map<String, Object> dict = new LinkedHashMap<>();
		dict.put("id", d.id());
		dict.put("name", d.name());
		dict.put("title", d.title());
		dict.put("type", "dataset");
		dict.put("notes", d.notes());
		dict.put("url", d.url() == null ? "" : d.url());
		dict.put("version", d.version());
		dict.put("author", d.author());
		dict.put("author_email", d.authorEmail());
		dict.put("maintainer", d.maintainer());
		dict.put("maintainer_email", d.maintainerEmail());
		dict.put("license_id", d.license().id());
		dict.put("license_title", d.license().title());
		dict.put("license_url", d.license().url());
		dict.put("isopen", d.license().open());
		dict.put("private", d.privateDataset());
		dict.put("state", d.state());
		dict.put("metadata_created", time(d.created()));
		dict.put("metadata_modified", time(d.modified()));
		dict.put("owner_org", d.organization().id());
		dict.put("organization", organizationRef(d.organization()));
		dict.put("num_resources", d.resources().size());
		dict.put("num_tags", d.tags().size());
		dict.put("tags", d.tags().stream().map(PackageDicts::tag).toList());
		dict.put("groups", d.groups().stream().map(PackageDicts::groupRef).toList());
		dict.put("resources", d.resources().stream().map(r -> resource(d, r, tracking)).toList());
		dict.put("extras", d.extras()
			.entrySet()
			.stream()
			.map(e -> Map.of("key", e.getKey(), "value", e.getValue()))
			.toList());
		// Fields of the DCAT-AP.de profile that CKAN keeps in its schema extension, top-level as ckanext-scheming does.
		dict.put("attribution", d.attribution());
		dict.put("spatial_key", d.spatialKey());
		dict.put("temporal_start", d.temporalStart() == null ? null : d.temporalStart().toString());
		dict.put("temporal_end", d.temporalEnd() == null ? null : d.temporalEnd().toString());
		dict.put("frequency", d.frequency());
		dict.put("relationships_as_object", List.of());
		dict.put("relationships_as_subject", List.of());
		dict.put("tracking_summary", tracking.dataset(d).dict());
		return dict;
	}

	static Map<String, Object> tag(String name) {
		return Map.of("name", name, "display_name", name, "state", "active");
	}

	private static Map<String, Object> resource(DatasetView d, DatasetView.ResourceView r,
			DownloadCounts.Tracking tracking) {
		Map<String, Object> dict = new LinkedHashMap<>();
		dict.put("id", r.id());
		dict.put("package_id", d.id());
		dict.put("url", r.url());
		dict.put("name", r.name());
		dict.put("description", r.description());
		dict.put("format", r.format());
		dict.put("mimetype", r.mimetype());
		dict.put("size", r.size());
		dict.put("hash", r.hash() == null ? "" : r.hash());
		dict.put("last_modified", time(r.lastModified()));
		dict.put("created", time(r.created()));
		dict.put("metadata_modified", time(r.lastModified() == null ? r.created() : r.lastModified()));
		dict.put("position", r.position());
		dict.put("state", "active");
		dict.put("url_type", null);
		dict.put("tracking_summary", tracking.resource(r).dict());
		return dict;
	}

	private static Map<String, Object> organizationRef(DatasetView.OrganizationRef o) {
		Map<String, Object> dict = new LinkedHashMap<>();
		dict.put("id", o.id());
		dict.put("name", o.name());
		dict.put("title", o.title());
		dict.put("type", "organization");
		dict.put("description", o.description());
		dict.put("image_url", "");
		dict.put("is_organization", true);
		dict.put("approval_status", "approved");
		dict.put("state", "active");
		return dict;
	}

	private static Map<String, Object> groupRef(DatasetView.GroupRef g) {
		Map<String, Object> dict = new LinkedHashMap<>();
		dict.put("id", g.id());
		dict.put("name", g.name());
		dict.put("title", g.title());
		dict.put("display_name", g.title());
		dict.put("description", "");
		dict.put("image_display_url", "");
		return dict;
	}

	static Map<String, Object> organization(Organization o, long packageCount) {
		Map<String, Object> dict = collection(o.getId().toString(), o.getName(), o.getTitle(), o.getDescription(), true,
				packageCount);
		dict.put("created", time(o.getCreated()));
		return dict;
	}

	static Map<String, Object> group(DataGroup g, long packageCount) {
		Map<String, Object> dict = collection(g.getId().toString(), g.getName(), g.getTitle(), g.getDescription(), false,
				packageCount);
		dict.put("extras", List.of(Map.of("key", "theme_uri", "value", g.getThemeUri()),
				Map.of("key", "title_en", "value", g.getTitleEn())));
		return dict;
	}

	// CKAN answers organizations and groups with the same dictionary.
	private static Map<String, Object> collection(String id, String name, String title, String description,
			boolean organization, long packageCount) {
		Map<String, Object> dict = new LinkedHashMap<>();
		dict.put("id", id);
		dict.put("name", name);
		dict.put("title", title);
		dict.put("display_name", title);
		dict.put("description", description);
		dict.put("type", organization ? "organization" : "group");
		dict.put("is_organization", organization);
		dict.put("state", "active");
		dict.put("approval_status", "approved");
		dict.put("image_url", "");
		dict.put("image_display_url", "");
		dict.put("package_count", packageCount);
		return dict;
	}

	static Map<String, Object> license(License l) {
		Map<String, Object> dict = new LinkedHashMap<>();
		dict.put("id", l.getId());
		dict.put("title", l.getTitle());
		dict.put("url", l.getUrl());
		dict.put("od_conformance", l.isOpen() ? "approved" : "not reviewed");
		dict.put("osd_conformance", "not reviewed");
		dict.put("status", "active");
		dict.put("maintainer", "");
		dict.put("family", "");
		dict.put("is_generic", false);
		dict.put("domain_content", false);
		dict.put("domain_data", true);
		dict.put("domain_software", false);
		return dict;
	}
}
