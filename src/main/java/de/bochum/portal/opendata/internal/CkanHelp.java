package de.bochum.portal.opendata.internal;

import java.util.Map;
import java.util.Optional;

/** What {@code help_show} answers: a short description of each action, in the portal's own words. */
final class CkanHelp {

	private static final Map<String, String> TEXTS = Map.ofEntries(
			Map.entry("status_show", "Return the site's title, URL, CKAN version and extensions."),
			Map.entry("site_read", "Return true: the catalogue can be read."),
			Map.entry("package_list", "Return the names of all public datasets. Parameters: limit, offset."),
			Map.entry("current_package_list_with_resources",
					"Return public datasets with their resources, newest change first. Parameters: limit, offset."),
			Map.entry("package_show",
					"Return a dataset by id or name. Private and deleted datasets only for members of its organization (API token)."),
			Map.entry("package_search",
					"Search datasets. Parameters: q, fq (field:value terms), facet.field, facet.limit, rows (at most 1000), start, sort, include_private (with an API token)."),
			Map.entry("package_autocomplete", "Return datasets whose title starts with q. Parameters: q, limit."),
			Map.entry("resource_show", "Return a resource of a public dataset by id."),
			Map.entry("organization_list", "Return the organizations' names. Parameters: all_fields, limit, offset."),
			Map.entry("organization_show", "Return an organization. Parameters: id, include_datasets."),
			Map.entry("group_list", "Return the groups' (EU data themes') names. Parameters: all_fields, limit, offset."),
			Map.entry("group_show", "Return a group. Parameters: id, include_datasets."),
			Map.entry("tag_list", "Return the tags of public datasets. Parameter: query."),
			Map.entry("license_list", "Return the licences of the DCAT-AP.de vocabulary."),
			Map.entry("help_show", "Return the help text of an action. Parameter: name."),
			Map.entry("package_create",
					"Create a dataset (API token, POST). Required: name, owner_org, license_id; optional: title, notes, url, private, author, author_email, maintainer, maintainer_email, version, tags, groups, extras, resources, spatial_key, temporal_start, temporal_end, frequency, attribution."),
			Map.entry("package_update",
					"Replace a dataset (API token, POST): fields not given are cleared; resources are kept if the key is missing. Required: id."),
			Map.entry("package_patch", "Change only the given fields of a dataset (API token, POST). Required: id."),
			Map.entry("package_delete", "Mark a dataset deleted; it leaves search and the catalogue (API token, POST). Required: id."),
			Map.entry("resource_create",
					"Add a resource to a dataset (API token, POST). Required: package_id and url, or a multipart file part upload; optional: name, format, mimetype, description, size, hash. An uploaded CSV is loaded into the datastore."),
			Map.entry("resource_update", "Replace a resource's fields (API token, POST). Required: id, and url or a multipart file part upload."),
			Map.entry("datastore_create",
					"Create a resource's table or add columns (API token, POST). Parameters: resource_id, fields [{id, type}], primary_key, records. Types: text, int, int8, numeric, float8, timestamp, date, bool."),
			Map.entry("datastore_upsert",
					"Write records (API token, POST). Parameters: resource_id, records, method (upsert, insert, update)."),
			Map.entry("datastore_delete",
					"Delete records matching filters, or the whole table without filters (API token, POST). Parameters: resource_id, filters."),
			Map.entry("datastore_search",
					"Search a resource's table. Parameters: resource_id, q, filters, fields, sort, limit (default 100, at most 32000), offset, include_total, distinct, records_format (objects)."),
			Map.entry("datastore_search_sql",
					"Run one SELECT over the datastore tables of public datasets; a table is named by its resource id in double quotes. Parameter: sql. Read-only, only functions that read, at most 32000 rows (records_truncated), statement timeout 5 s."),
			Map.entry("datastore_info", "Return the fields and row count of a resource's table. Parameter: resource_id."),
			Map.entry("resource_delete", "Remove a resource from its dataset (API token, POST). Required: id."));

	private CkanHelp() {
	}

	/** Every action the API answers; the OpenAPI description must name the same. */
	static java.util.Set<String> actions() {
		return TEXTS.keySet();
	}

	static Optional<String> text(String action) {
		return Optional.ofNullable(TEXTS.get(action));
	}
}
