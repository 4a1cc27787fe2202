package de.bochum.portal.opendata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import tools.jackson.databind.ObjectMapper;

import de.bochum.portal.opendata.internal.CkanActionController.CkanError;
import de.bochum.portal.opendata.internal.CkanActionController.Params;
import de.bochum.portal.opendata.internal.Publishers.Publisher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * CKAN's DataStore actions. Writes need an API token of someone who publishes for the dataset's
 * organization; reads see what the dataset's visibility allows, as {@code package_show} does.
 */
@Component
class DatastoreActions {

	static final Set<String> ACTIONS = Set.of("datastore_create", "datastore_upsert", "datastore_delete",
			"datastore_search", "datastore_info", "datastore_search_sql");

	static final Set<String> WRITES = Set.of("datastore_create", "datastore_upsert", "datastore_delete");

	/** Where a resource belongs: the dataset, its organization and whether the public sees it. */
	record Owner(UUID resourceId, String datasetName, String organization, boolean visibleToAll) {

		boolean visibleTo(Optional<Publisher> caller) {
			return visibleToAll || caller.map(p -> p.mayPublishFor(organization)).orElse(false);
		}
	}

	private final Datastore datastore;
	private final JdbcClient jdbc;
	private final ObjectMapper json;

	DatastoreActions(Datastore datastore, JdbcClient jdbc, ObjectMapper json) {
		this.datastore = datastore;
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Owner> owner(String resourceId) {
		return Catalogue.parseUuid(resourceId)
			.flatMap(id -> jdbc.sql("""
					select d.name, o.name, not d.is_private and d.state = 'active'
					from opendata_resource r join opendata_dataset d on d.id = r.dataset_id
					join opendata_organization o on o.id = d.organization_id where r.id = ?""")
				.param(id)
				.query((rs, i) -> new Owner(id, rs.getString(1), rs.getString(2), rs.getBoolean(3)))
				.optional());
	}

	@Transactional
	Object run(String action, Params p, Optional<Publisher> caller, Supplier<Publisher> required) {
		String resourceId = p.required("resource_id");
		Publisher writer = WRITES.contains(action) ? required.get() : null;
		Owner owner = owner(resourceId).filter(o -> writer != null || o.visibleTo(caller))
			.orElseThrow(() -> CkanError.notFound("Resource \"" + resourceId + "\" was"));
		if (writer != null && !writer.mayPublishFor(owner.organization())) {
			throw CkanError.denied("User " + writer.username() + " not authorized to update resource " + resourceId);
		}
		try {
			return switch (action) {
				case "datastore_create" -> create(owner, p);
				case "datastore_upsert" -> upsert(owner, p);
				case "datastore_delete" -> {
					Datastore.Table table = existing(owner);
					Map<String, List<String>> filters = p.values().containsKey("filters") ? filters(p.values().get("filters")) : null;
					datastore.delete(table, filters);
					Map<String, Object> result = new LinkedHashMap<>();
					result.put("resource_id", resourceId);
					result.put("filters", filters == null ? Map.of() : filters);
					yield result;
				}
				case "datastore_search" -> search(owner, p);
				case "datastore_info" -> info(owner);
				default -> throw new IllegalStateException(action);
			};
		}
		catch (Datastore.Invalid invalid) {
			throw CkanError.validation(Map.of(invalid.field, List.of(invalid.getMessage())));
		}
	}

	private Datastore.Table existing(Owner owner) {
		return datastore.table(owner.resourceId())
			.orElseThrow(() -> CkanError.notFound("Resource \"" + owner.resourceId() + "\" was"));
	}

	private Map<String, Object> create(Owner owner, Params p) {
		List<Datastore.Field> fields = new ArrayList<>();
		for (Map<String, Object> f : maps(p.values().get("fields"), "fields")) {
			String id = f.get("id") == null ? null : String.valueOf(f.get("id"));
			Object type = f.get("type") == null ? "text" : f.get("type");
			fields.add(new Datastore.Field(Datastore.checkedId(id), Datastore.FieldType.parse(String.valueOf(type))
				.orElseThrow(() -> new Datastore.Invalid("fields", "Unknown type \"" + type + "\" of field " + id
						+ ": use text, int, int4, int8, numeric, float8, timestamp, date or bool"))));
		}
		Datastore.Table table = datastore.create(owner.resourceId(), fields, strings(p.values().get("primary_key")));
		List<Map<String, Object>> records = maps(p.values().get("records"), "records");
		datastore.write(table, records, Datastore.Method.INSERT);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("resource_id", owner.resourceId().toString());
		result.put("fields", fieldDicts(table.fields(), false));
		result.put("primary_key", table.primaryKey());
		result.put("method", "insert");
		if (p.values().containsKey("records")) {
			result.put("records", records);
		}
		return result;
	}

	private Map<String, Object> upsert(Owner owner, Params p) {
		Datastore.Table table = existing(owner);
		Datastore.Method method;
		try {
			method = Datastore.Method.valueOf(p.string("method", "upsert").toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new Datastore.Invalid("method", "Unknown method: use insert, upsert or update");
		}
		List<Map<String, Object>> records = maps(p.values().get("records"), "records");
		datastore.write(table, records, method);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("resource_id", owner.resourceId().toString());
		result.put("method", method.name().toLowerCase(Locale.ROOT));
		result.put("records", records);
		return result;
	}

	private Map<String, Object> search(Owner owner, Params p) {
		Datastore.Table table = existing(owner);
		String format = p.string("records_format", "objects");
		if (!format.equals("objects")) {
			throw new Datastore.Invalid("records_format", "Only records_format objects is supported");
		}
		int limit = Math.min(Datastore.MAX_LIMIT, p.integer("limit", Datastore.DEFAULT_LIMIT, 0));
		int offset = p.integer("offset", 0, 0);
		Object q = p.values().get("q");
		if (q != null && !(q instanceof String)) {
			throw new Datastore.Invalid("q", "q must be a text; searching single fields works with filters");
		}
		Datastore.Query query = new Datastore.Query(strings(p.values().get("fields")), filtersOrEmpty(p.values().get("filters")),
				q == null ? "" : (String) q, sort(p.values().get("sort")), limit, offset, p.bool("include_total", true),
				p.bool("distinct", false));
		Datastore.Result found = datastore.search(table, query);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("include_total", query.includeTotal());
		result.put("resource_id", owner.resourceId().toString());
		result.put("fields", fieldDicts(found.fields(), true));
		result.put("records_format", "objects");
		result.put("records", found.records());
		result.put("limit", limit);
		if (offset > 0) {
			result.put("offset", offset);
		}
		result.put("_links", links(owner, p, limit, offset));
		if (found.total() != null) {
			result.put("total", found.total());
			result.put("total_was_estimated", false);
		}
		return result;
	}

	/**
	 * The query of a download: datastore_search's parameters ({@code q}, {@code filters},
	 * {@code fields}, {@code sort}, {@code distinct}), without paging.
	 */
	Datastore.Query downloadQuery(Map<String, String> parameters) {
		Object q = parameters.get("q");
		return new Datastore.Query(strings(parameters.get("fields")), filtersOrEmpty(parameters.get("filters")),
				q == null ? "" : (String) q, sort(parameters.get("sort")), 0, 0, false,
				"true".equalsIgnoreCase(parameters.get("distinct")));
	}

	/** CKAN's links: the first page and the next one, with the same parameters. */
	private static Map<String, String> links(Owner owner, Params p, int limit, int offset) {
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/api/3/action/datastore_search")
			.queryParam("resource_id", owner.resourceId());
		p.values().forEach((key, value) -> {
			if (value instanceof String text && !key.equals("resource_id") && !key.equals("offset")) {
				base.queryParam(key, text);
			}
		});
		return Map.of("start", base.cloneBuilder().encode().build().toUriString(), "next",
				base.cloneBuilder().queryParam("offset", offset + limit).encode().build().toUriString());
	}

	private Map<String, Object> info(Owner owner) {
		Datastore.Table table = existing(owner);
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("count", datastore.count(table));
		meta.put("table_type", "BASE TABLE");
		meta.put("id", owner.resourceId().toString());
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("meta", meta);
		result.put("fields", fieldDicts(table.fields(), false));
		result.put("primary_key", table.primaryKey());
		return result;
	}

	static List<Map<String, Object>> fieldDicts(List<Datastore.Field> fields, boolean withId) {
		List<Map<String, Object>> dicts = new ArrayList<>();
		for (Datastore.Field f : fields) {
			if (f.id().equals("_id") && !withId) {
				continue;
			}
			Map<String, Object> dict = new LinkedHashMap<>();
			dict.put("id", f.id());
			dict.put("type", f.id().equals("_id") ? "int" : f.type().ckan);
			dicts.add(dict);
		}
		return dicts;
	}

	/** A JSON value that may also arrive as a JSON text (GET query parameters). */
	private Object parsed(Object value, String field) {
		if (value instanceof String text && (text.strip().startsWith("{") || text.strip().startsWith("["))) {
			try {
				return json.readValue(text, Object.class);
			}
			catch (tools.jackson.core.JacksonException notJson) {
				throw new Datastore.Invalid(field, "Not valid JSON");
			}
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> maps(Object value, String field) {
		Object v = parsed(value, field);
		if (v == null) {
			return List.of();
		}
		if (!(v instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof Map<?, ?>))) {
			throw new Datastore.Invalid(field, field + " must be a list of objects");
		}
		return (List<Map<String, Object>>) v;
	}

	/** A list of names: a JSON list, or one text with commas (as CKAN takes fields and primary_key). */
	private List<String> strings(Object value) {
		Object v = parsed(value, "fields");
		if (v == null) {
			return List.of();
		}
		if (v instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return java.util.Arrays.stream(String.valueOf(v).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private Map<String, List<String>> filtersOrEmpty(Object value) {
		return value == null ? Map.of() : filters(value);
	}

	private Map<String, List<String>> filters(Object value) {
		Object v = parsed(value, "filters");
		if (v == null) {
			return Map.of();
		}
		if (!(v instanceof Map<?, ?> map)) {
			throw new Datastore.Invalid("filters", "filters must be an object of field names and values");
		}
		Map<String, List<String>> filters = new LinkedHashMap<>();
		map.forEach((k, val) -> filters.put(String.valueOf(k), val instanceof List<?> list
				? list.stream().map(DatastoreActions::filterValue).toList() : List.of(filterValue(val))));
		return filters;
	}

	private static String filterValue(Object value) {
		return value == null ? "" : String.valueOf(value);
	}

	/** A field and its direction; a field name with spaces or commas in double quotes, as in SQL. */
	private static final java.util.regex.Pattern SORT_PART = java.util.regex.Pattern
		.compile("\\s*(\"[^\"]+\"|[^\\s,\"]+)(?:\\s+(asc|desc))?\\s*", java.util.regex.Pattern.CASE_INSENSITIVE);

	private List<Datastore.Sort> sort(Object value) {
		Object v = parsed(value, "sort");
		List<String> parts = v instanceof String text ? outsideQuotes(text) : strings(v);
		List<Datastore.Sort> sorts = new ArrayList<>();
		for (String part : parts) {
			java.util.regex.Matcher m = SORT_PART.matcher(part);
			if (!m.matches()) {
				throw new Datastore.Invalid("sort", "Cannot read sort: " + part.strip());
			}
			sorts.add(new Datastore.Sort(m.group(1).replace("\"", ""), "desc".equalsIgnoreCase(m.group(2))));
		}
		return sorts;
	}

	/** The comma-separated parts of a sort, a comma inside a quoted field name not counting. */
	private static List<String> outsideQuotes(String text) {
		List<String> parts = new ArrayList<>();
		StringBuilder part = new StringBuilder();
		boolean quoted = false;
		for (char c : text.toCharArray()) {
			if (c == ',' && !quoted) {
				parts.add(part.toString());
				part.setLength(0);
				continue;
			}
			quoted ^= c == '"';
			part.append(c);
		}
		parts.add(part.toString());
		return parts.stream().filter(p -> !p.isBlank()).toList();
	}
}
