package de.bochum.portal.opendata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.databind.ObjectMapper;

import de.bochum.portal.opendata.internal.Publishers.Publisher;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * CKAN's Action API, so that CKAN clients, harvesters and GovData work with the portal as with any
 * CKAN. GET with query parameters or POST with a JSON object, like CKAN; the write actions
 * ({@link CkanWriteActions}) need a personal API token and POST.
 */
@RestController
class CkanActionController {

	private static final Pattern FQ_TERM = Pattern.compile("[+]?(\\w+):(\"([^\"]*)\"|(\\S+))");

	private final Catalogue catalogue;
	private final ObjectMapper json;
	private final CkanWriteActions writes;
	private final ApiTokens tokens;
	private final Publishers publishers;
	private final DatastoreActions datastore;
	private final DatastoreSqlSearch sql;

	private final DownloadCounts downloads;

	CkanActionController(Catalogue catalogue, ObjectMapper json, CkanWriteActions writes, ApiTokens tokens,
			Publishers publishers, DatastoreActions datastore, DatastoreSqlSearch sql, DownloadCounts downloads) {
		this.catalogue = catalogue;
		this.sql = sql;
		this.downloads = downloads;
		this.datastore = datastore;
		this.json = json;
		this.writes = writes;
		this.tokens = tokens;
		this.publishers = publishers;
	}

	/**
	 * Who calls: nobody, or the owner of the API token sent as CKAN 2.10 does (the raw token in
	 * {@code Authorization}, or in {@code X-CKAN-API-Key}). Resolved only when an action needs it.
	 */
	private final class Caller {

		private final String token;
		private Optional<Publisher> publisher;

		Caller(String authorization, String apiKey) {
			String raw = authorization != null && !authorization.isBlank() ? authorization.strip() : apiKey;
			if (raw != null && raw.regionMatches(true, 0, "Bearer ", 0, 7)) {
				raw = raw.substring(7).strip();
			}
			this.token = raw == null || raw.isBlank() ? null : raw.strip();
		}

		Optional<Publisher> publisher() {
			if (publisher == null) {
				publisher = token == null ? Optional.empty() : tokens.owner(token).flatMap(publishers::byUsername);
			}
			return publisher;
		}

		/** Organizations whose private datasets the caller may see; none for anonymous callers. */
		Set<String> memberOf() {
			return publisher().map(Publisher::organizations).orElse(Set.of());
		}

		Publisher required(String action) {
			return publisher().orElseThrow(() -> token == null ? CkanWriteActions.unauthorized(action)
					: CkanError.denied("the API token is unknown, revoked or expired, or its owner no longer publishes"));
		}
	}

	/** An answer CKAN would give as an error: its HTTP status, {@code __type} and message. */
	static final class CkanError extends RuntimeException {

		final HttpStatus status;
		final String type;
		/** CKAN's validation errors: field to messages, shown instead of a message. */
		final Map<String, Object> fields;

		CkanError(HttpStatus status, String type, String message) {
			this(status, type, message, null);
		}

		private CkanError(HttpStatus status, String type, String message, Map<String, Object> fields) {
			super(message);
			this.status = status;
			this.type = type;
			this.fields = fields;
		}

		static CkanError validation(Map<String, Object> fields) {
			return new CkanError(HttpStatus.CONFLICT, "Validation Error", "Validation Error", Map.copyOf(fields));
		}

		static CkanError denied(String message) {
			return new CkanError(HttpStatus.FORBIDDEN, "Authorization Error", "Access denied: " + message);
		}

		static CkanError notFound(String what) {
			return new CkanError(HttpStatus.NOT_FOUND, "Not Found Error", what + " not found");
		}

		/** A parameter CKAN would refuse: 409 with the field and its message, as CKAN's ValidationError. */
		static CkanError invalid(String field, String message) {
			return validation(Map.of(field, List.of(message)));
		}

		/** A request CKAN cannot even read (no JSON object, unreadable upload): 400 Bad Request. */
		static CkanError badRequest(String message) {
			return new CkanError(HttpStatus.BAD_REQUEST, "Bad Request", "Bad request - " + message);
		}
	}

	@RequestMapping(path = { "/api/3/action/{action}", "/api/action/{action}" },
			method = { RequestMethod.GET, RequestMethod.POST }, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> action(@PathVariable String action,
			@RequestParam MultiValueMap<String, String> query, @RequestBody(required = false) String body,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestHeader(name = "X-CKAN-API-Key", required = false) String apiKey, HttpMethod method,
			HttpServletRequest request) {
		String help = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/3/action/help_show")
			.queryParam("name", action)
			.toUriString();
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("help", help);
		try {
			MultipartFile upload = upload(request);
			Params params = new Params(merge(query, upload == null && !isMultipart(request) ? body : null));
			if (upload != null) {
				// ckanapi sends the resource's fields as form fields and the file as the part "upload".
				params.values().put("upload", new ResourceFiles.Upload(upload.getOriginalFilename(), upload.getBytes()));
			}
			envelope.put("success", true);
			Object result = run(action, params, new Caller(authorization, apiKey), method);
			envelope.put("result", result);
			return ResponseEntity.ok(envelope);
		}
		catch (CkanError error) {
			return error(envelope, error);
		}
		catch (IllegalArgumentException bad) {
			// Search parameters CKAN passes to Solr and Solr refuses: CKAN answers 409 as well.
			return error(envelope, new CkanError(HttpStatus.CONFLICT, "Validation Error", bad.getMessage()));
		}
		catch (java.io.IOException unreadable) {
			return error(envelope, CkanError.badRequest("The uploaded file could not be read"));
		}
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

	private static MultipartFile upload(HttpServletRequest request) {
		if (!(request instanceof MultipartHttpServletRequest multipart)) {
			return null;
		}
		MultipartFile file = multipart.getFile("upload");
		return file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())
				? null : file;
	}

	private static ResponseEntity<Map<String, Object>> error(Map<String, Object> envelope, CkanError error) {
		envelope.put("success", false);
		Map<String, Object> dict = new LinkedHashMap<>();
		if (error.fields != null) {
			dict.putAll(error.fields);
		}
		else {
			dict.put("message", error.getMessage());
		}
		dict.put("__type", error.type);
		envelope.put("error", dict);
		return ResponseEntity.status(error.status).body(envelope);
	}

	private Map<String, Object> merge(MultiValueMap<String, String> query, String body) {
		Map<String, Object> params = new LinkedHashMap<>(query.toSingleValueMap());
		if (body != null && !body.isBlank()) {
			try {
				Object parsed = json.readValue(body, Object.class);
				if (!(parsed instanceof Map<?, ?> map)) {
					throw CkanError.badRequest("JSON Error: the request body must be a JSON object");
				}
				map.forEach((k, v) -> params.put(String.valueOf(k), v));
			}
			catch (tools.jackson.core.JacksonException notJson) {
				throw CkanError.badRequest("JSON Error: the request body is not valid JSON");
			}
		}
		return params;
	}

	private Object run(String action, Params p, Caller caller, HttpMethod method) {
		if (action.equals("datastore_search_sql")) {
			// Outside any transaction of the portal's pool: the query runs on the reader's own connection
			// and may take seconds. It reads public datasets' tables only, whoever asks.
			return sql.search(p.required("sql"));
		}
		if (DatastoreActions.ACTIONS.contains(action)) {
			if (DatastoreActions.WRITES.contains(action) && !HttpMethod.POST.equals(method)) {
				throw new CkanError(HttpStatus.BAD_REQUEST, "Bad Request",
						"Bad request - JSON Error: Invalid request. Please use POST method for your request");
			}
			return datastore.run(action, p, caller.publisher(), () -> caller.required(action));
		}
		if (CkanWriteActions.ACTIONS.contains(action)) {
			if (!HttpMethod.POST.equals(method)) {
				throw new CkanError(HttpStatus.BAD_REQUEST, "Bad Request",
						"Bad request - JSON Error: Invalid request. Please use POST method for your request");
			}
			return writes.run(action, p, caller.required(action));
		}
		return switch (action) {
			case "status_show" -> Map.of("site_title", "Bochumportal – Offene Daten", "site_description",
					"Offene Daten der Stadt Bochum und ihrer Gesellschaften", "site_url",
					ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), "ckan_version", "2.10.0",
					"locale_default", "de", "extensions", List.of());
			case "site_read" -> true;
			case "package_list" -> page(catalogue.datasetNames(), p);
			case "current_package_list_with_resources" -> PackageDicts.datasets(catalogue
				.search(new Catalogue.Query("", Map.of(), "metadata_modified desc", p.integer("offset", 0, 0),
						p.integer("limit", Catalogue.MAX_ROWS, 1), List.of(), 0))
				.results(), downloads);
			case "package_show" -> PackageDicts.dataset(catalogue.dataset(p.required("id"), caller.memberOf())
				.orElseThrow(() -> CkanError.notFound("Dataset")), downloads);
			case "package_search" -> packageSearch(p, p.bool("include_private", false) ? caller.memberOf() : Set.of());
			case "help_show" -> CkanHelp.text(p.required("name")).orElseThrow(() -> CkanError.notFound("Action"));
			case "package_autocomplete" -> autocomplete(p);
			case "resource_show" -> resourceShow(p.required("id"));
			case "organization_list" -> collectionList(p, "organization");
			case "group_list" -> collectionList(p, "groups");
			case "organization_show" -> {
				Organization o = catalogue.organization(p.required("id"))
					.orElseThrow(() -> CkanError.notFound("Organization"));
				yield withDatasets(PackageDicts.organization(o, catalogue.counts("organization").getOrDefault(o.getName(), 0L)),
						"organization", o.getName(), p);
			}
			case "group_show" -> {
				DataGroup g = catalogue.group(p.required("id")).orElseThrow(() -> CkanError.notFound("Group"));
				yield withDatasets(PackageDicts.group(g, catalogue.counts("groups").getOrDefault(g.getName(), 0L)),
						"groups", g.getName(), p);
			}
			case "tag_list" -> {
				String q = p.string("query", "").toLowerCase(java.util.Locale.ROOT);
				yield catalogue.counts("tags")
					.keySet()
					.stream()
					.filter(t -> t.toLowerCase(java.util.Locale.ROOT).contains(q))
					.sorted()
					.toList();
			}
			case "license_list" -> catalogue.licenses().stream().map(PackageDicts::license).toList();
			default -> throw new CkanError(HttpStatus.BAD_REQUEST, "Bad Request",
					"Bad request - Action name not known: " + action);
		};
	}

	/** What CKAN 2.10's package_search schema accepts; anything else is refused as CKAN does. */
	static final Set<String> PACKAGE_SEARCH_PARAMETERS = Set.of("q", "fq", "fq_list", "sort", "rows", "start", "facet",
			"facet.field", "facet.limit", "facet.mincount", "include_private", "include_drafts", "include_deleted",
			"use_default_schema", "fl", "qf", "defType", "extras");

	private Map<String, Object> packageSearch(Params p, Set<String> privateOrganizations) {
		for (String key : p.values().keySet()) {
			if (!PACKAGE_SEARCH_PARAMETERS.contains(key)) {
				throw CkanError.invalid(key, "The input field " + key + " was not expected.");
			}
		}
		String q = p.string("q", "");
		if (q.equals("*:*")) {
			q = "";
		}
		Map<String, List<String>> filters = parseFq(p.string("fq", ""));
		List<String> facetFields = p.list("facet.field");
		if (!p.bool("facet", true)) {
			facetFields = List.of();
		}
		int rows = Math.min(Catalogue.MAX_ROWS, p.integer("rows", 10, 0));
		var hits = catalogue.search(new Catalogue.Query(q, filters, p.string("sort", ""), p.integer("start", 0, 0), rows,
				facetFields, p.integer("facet.limit", 50, -1) < 0 ? 10_000 : p.integer("facet.limit", 50, -1))
			.includingPrivateOf(privateOrganizations));
		Map<String, Object> facets = new LinkedHashMap<>();
		Map<String, Object> searchFacets = new LinkedHashMap<>();
		hits.facets().forEach((field, counts) -> {
			Map<String, Long> plain = new LinkedHashMap<>();
			counts.forEach(c -> plain.put(c.name(), c.count()));
			facets.put(field, plain);
			searchFacets.put(field, Map.of("title", field, "items",
					counts.stream().map(c -> Map.of("name", c.name(), "display_name", c.name(), "count", c.count())).toList()));
		});
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("count", hits.count());
		result.put("sort", p.string("sort", "score desc, metadata_modified desc"));
		result.put("facets", facets);
		result.put("search_facets", searchFacets);
		result.put("results", PackageDicts.datasets(hits.results(), downloads));
		return result;
	}

	static Map<String, List<String>> parseFq(String fq) {
		if (fq.chars().filter(c -> c == '"').count() % 2 == 1) {
			throw new IllegalArgumentException("Search Query is invalid: fq has an unbalanced quotation mark");
		}
		Map<String, List<String>> filters = new LinkedHashMap<>();
		Matcher m = FQ_TERM.matcher(fq);
		int end = 0;
		while (m.find()) {
			if (!fq.substring(end, m.start()).isBlank()) {
				throw new IllegalArgumentException("Cannot read fq near: " + fq.substring(end, m.start()).strip());
			}
			String value = m.group(3) != null ? m.group(3) : m.group(4);
			filters.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(value);
			end = m.end();
		}
		if (!fq.substring(end).isBlank()) {
			throw new IllegalArgumentException("Cannot read fq near: " + fq.substring(end).strip());
		}
		return filters;
	}

	private List<Map<String, Object>> autocomplete(Params p) {
		String q = p.required("q");
		int limit = p.integer("limit", 10, 1);
		return catalogue.search(new Catalogue.Query(q + "*", Map.of(), "", 0, limit, List.of(), 0))
			.results()
			.stream()
			.map(d -> Map.<String, Object>of("name", d.name(), "title", d.title(), "match_field", "title",
					"match_displayed", d.title()))
			.toList();
	}

	private Map<String, Object> resourceShow(String id) {
		return catalogue.resource(id)
			.map(found -> PackageDicts.resource(found, downloads))
			.orElseThrow(() -> CkanError.notFound("Resource"));
	}

	private Object collectionList(Params p, String facet) {
		Map<String, Long> counts = catalogue.counts(facet);
		List<Map<String, Object>> dicts = "organization".equals(facet)
				? catalogue.organizations()
					.stream()
					.map(o -> PackageDicts.organization(o, counts.getOrDefault(o.getName(), 0L)))
					.toList()
				: catalogue.groups()
					.stream()
					.map(g -> PackageDicts.group(g, counts.getOrDefault(g.getName(), 0L)))
					.toList();
		List<Map<String, Object>> sorted = dicts.stream()
			.sorted(java.util.Comparator.comparing(d -> String.valueOf(d.get("name"))))
			.toList();
		List<Map<String, Object>> paged = page(sorted, p);
		return p.bool("all_fields", false) ? paged : paged.stream().map(d -> d.get("name")).toList();
	}

	private Map<String, Object> withDatasets(Map<String, Object> dict, String facet, String name, Params p) {
		if (p.bool("include_datasets", false)) {
			dict.put("packages", PackageDicts.datasets(catalogue
				.search(new Catalogue.Query("", Map.of(facet, List.of(name)), "name asc", 0, 1000, List.of(), 0))
				.results(), downloads));
		}
		return dict;
	}

	private static <T> List<T> page(List<T> all, Params p) {
		int offset = p.integer("offset", 0, 0);
		int limit = p.integer("limit", Integer.MAX_VALUE, 0);
		return all.stream().skip(offset).limit(limit).toList();
	}

	/** The action's parameters, from the query string or the JSON body, with CKAN's validation errors. */
	record Params(Map<String, Object> values) {

		String string(String key, String fallback) {
			Object value = values.get(key);
			return value == null ? fallback : String.valueOf(value);
		}

		String required(String key) {
			String value = string(key, "");
			if (value.isBlank()) {
				throw CkanError.invalid(key, "Missing value");
			}
			return value;
		}

		int integer(String key, int fallback, int min) {
			Object value = values.get(key);
			if (value == null || value.toString().isBlank()) {
				return fallback;
			}
			try {
				int number = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().strip());
				if (number < min) {
					throw CkanError.invalid(key, "Must be at least " + min);
				}
				return number;
			}
			catch (NumberFormatException notANumber) {
				throw CkanError.invalid(key, "Invalid integer");
			}
		}

		boolean bool(String key, boolean fallback) {
			Object value = values.get(key);
			if (value == null) {
				return fallback;
			}
			return value instanceof Boolean b ? b : List.of("true", "1", "yes", "on").contains(value.toString().toLowerCase());
		}

		/** A list given as JSON array (CKAN's facet.field) or as one string. */
		List<String> list(String key) {
			Object value = values.get(key);
			if (value == null) {
				return List.of();
			}
			if (value instanceof List<?> list) {
				return list.stream().map(String::valueOf).toList();
			}
			String text = value.toString().strip();
			if (text.startsWith("[")) {
				return java.util.Arrays.stream(text.substring(1, text.length() - 1).split(","))
					.map(s -> s.strip().replaceAll("^\"|\"$", ""))
					.filter(s -> !s.isEmpty())
					.toList();
			}
			return List.of(text);
		}
	}
}
