package de.bochum.portal.opendata.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.ObjectMapper;

import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.PageContext;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The public page of a resource with a preview (the datastore's first rows as a table, uploaded
 * JSON pretty-printed), the table page by page, and the download of uploaded files. Private
 * datasets are shown to members of their organization only, as elsewhere.
 */
@Controller
class ResourcePageController {

	static final int PREVIEW_ROWS = 20;
	static final int TABLE_PAGE_ROWS = 100;
	/** Larger JSON files are not parsed for the preview; the download is there for them. */
	static final int JSON_PREVIEW_MAX_BYTES = 1024 * 1024;
	/** How much pretty-printed JSON the page shows at most. */
	static final int JSON_PREVIEW_MAX_CHARS = 20_000;

	private final Catalogue catalogue;
	private final Publishers publishers;
	private final ResourceFiles files;
	private final Datastore datastore;
	private final ObjectMapper json;
	private final DownloadCounts downloads;
	private final DatastoreActions actions;
	private final String tileUrl;
	private final String tileAttribution;

	/** How many features the text alternative of a map lists. */
	static final int MAP_FEATURES_LISTED = 200;

	ResourcePageController(Catalogue catalogue, Publishers publishers, ResourceFiles files, Datastore datastore,
			ObjectMapper json, DownloadCounts downloads, DatastoreActions actions,
			@org.springframework.beans.factory.annotation.Value("${portal.opendata.map.tile-url:}") String tileUrl,
			@org.springframework.beans.factory.annotation.Value("${portal.opendata.map.attribution:}") String tileAttribution) {
		this.downloads = downloads;
		this.actions = actions;
		this.tileUrl = tileUrl.strip();
		this.tileAttribution = tileAttribution.strip();
		this.catalogue = catalogue;
		this.publishers = publishers;
		this.files = files;
		this.datastore = datastore;
		this.json = json;
	}

	@GetMapping("/daten/{name:[a-z0-9_-]+}/ressource/{id}")
	String resource(@PathVariable String name, @PathVariable String id, Authentication auth,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		Catalogue.FoundResource found = find(name, id, auth);
		UUID resourceId = UUID.fromString(found.resource().id());
		model.addAttribute("dataset", found.dataset());
		model.addAttribute("resource", found.resource());
		model.addAttribute("downloads", downloads.recent(List.of(found.resource().id())).getOrDefault(found.resource().id(), 0L));
		model.addAttribute("table", datastore.table(resourceId).map(t -> preview(t, 1, PREVIEW_ROWS)).orElse(null));
		model.addAttribute("json", files.of(resourceId).filter(s -> s.mediaType().contains("json")).map(this::jsonPreview)
			.orElse(null));
		model.addAttribute("map", files.of(resourceId)
			.filter(s -> s.mediaType().equals("application/geo+json") && s.size() <= JSON_PREVIEW_MAX_BYTES)
			.map(s -> geoMap(found, s))
			.orElse(null));
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, found.resource().name(),
				new Breadcrumb(ctx.t("opendata.title"), "/daten"),
				new Breadcrumb(found.dataset().title(), "/daten/" + found.dataset().name())));
		return "opendata/resource";
	}

	/**
	 * The whole table, page by page, narrowed by the filter form (a GET form, so that a selection
	 * can be bookmarked and linked). Input the datastore refuses is shown on the page with the
	 * form as typed and answered 400, as the export answers the same input.
	 */
	@GetMapping("/daten/{name:[a-z0-9_-]+}/ressource/{id}/tabelle")
	String table(@PathVariable String name, @PathVariable String id,
			@RequestParam org.springframework.util.MultiValueMap<String, String> parameters, Authentication auth,
			@ModelAttribute("ctx") PageContext ctx, Model model, jakarta.servlet.http.HttpServletResponse response) {
		Catalogue.FoundResource found = find(name, id, auth);
		Datastore.Table table = datastore.table(UUID.fromString(found.resource().id()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String resourcePage = "/daten/" + found.dataset().name() + "/ressource/" + found.resource().id();
		TableFilter filter = TableFilter.read(table, resourcePage + "/tabelle", parameters);
		if ((long) (filter.page() - 1) * TABLE_PAGE_ROWS > Integer.MAX_VALUE) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		ResourcePreview.Table preview = null;
		if (filter.unknownColumns().isEmpty()) {
			try {
				preview = preview(table, filter.query(TABLE_PAGE_ROWS, (filter.page() - 1) * TABLE_PAGE_ROWS), filter.page(),
						TABLE_PAGE_ROWS);
			}
			catch (Datastore.Invalid refused) {
				errors.putAll(filter.explain(refused, datastore, table, ctx));
			}
		}
		else {
			errors.put(TableFilter.COLUMNS_ID, ctx.t("opendata.table.error.column", String.join("“, „", filter.unknownColumns())));
		}
		if (preview != null && filter.page() > preview.pageCount()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("dataset", found.dataset());
		model.addAttribute("resource", found.resource());
		model.addAttribute("table", preview);
		model.addAttribute("filter", filter);
		model.addAttribute("errors", errors);
		model.addAttribute("rowsInTable", filter.active() && preview != null ? datastore.count(table)
				: preview == null ? 0L : preview.total());
		model.addAttribute("exportCsv", filter.exportUrl(resourcePage, "csv", json));
		model.addAttribute("exportJson", filter.exportUrl(resourcePage, "json", json));
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("opendata.table.title", found.resource().name()),
				new Breadcrumb(ctx.t("opendata.title"), "/daten"),
				new Breadcrumb(found.dataset().title(), "/daten/" + found.dataset().name()),
				new Breadcrumb(found.resource().name(), resourcePage)));
		return "opendata/resource-table";
	}

	@GetMapping("/daten/{name:[a-z0-9_-]+}/ressource/{id}/download/{fileName}")
	ResponseEntity<byte[]> download(@PathVariable String name, @PathVariable String id, @PathVariable String fileName,
			Authentication auth) {
		Catalogue.FoundResource found = find(name, id, auth);
		ResourceFiles.Stored stored = files.of(UUID.fromString(found.resource().id()))
			.filter(s -> s.fileName().equals(fileName))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		byte[] content = files.content(stored).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		downloads.count(stored.resourceId());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(stored.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(stored.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentLength(content.length)
			.body(content);
	}

	/**
	 * The GeoJSON file for the map preview: the same bytes as the download, but not counted as one,
	 * since the page fetches it for every visitor.
	 */
	@GetMapping("/daten/{name:[a-z0-9_-]+}/ressource/{id}/karte.geojson")
	ResponseEntity<byte[]> mapData(@PathVariable String name, @PathVariable String id, Authentication auth) {
		Catalogue.FoundResource found = find(name, id, auth);
		ResourceFiles.Stored stored = files.of(UUID.fromString(found.resource().id()))
			.filter(s -> s.mediaType().equals("application/geo+json"))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		byte[] content = files.content(stored).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/geo+json"))
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

	private ResourcePreview.GeoMap geoMap(Catalogue.FoundResource found, ResourceFiles.Stored stored) {
		tools.jackson.databind.JsonNode root;
		try {
			root = json.readTree(files.content(stored).orElse(new byte[0]));
		}
		catch (tools.jackson.core.JacksonException notJson) {
			return null;
		}
		tools.jackson.databind.JsonNode features = root == null ? null : root.get("features");
		if (features == null || !features.isArray()) {
			return null;
		}
		List<ResourcePreview.Feature> listed = new java.util.ArrayList<>();
		for (tools.jackson.databind.JsonNode feature : features) {
			if (listed.size() == MAP_FEATURES_LISTED) {
				break;
			}
			List<String> properties = new java.util.ArrayList<>();
			tools.jackson.databind.JsonNode props = feature.get("properties");
			if (props != null && props.isObject()) {
				props.properties().forEach(e -> properties.add(e.getKey() + ": "
						+ (e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString())));
			}
			tools.jackson.databind.JsonNode geometry = feature.get("geometry");
			String position = "";
			if (geometry != null && "Point".equals(geometry.path("type").asString())
					&& geometry.path("coordinates").size() >= 2) {
				position = String.format(java.util.Locale.GERMANY, "%.5f° N, %.5f° O",
						geometry.get("coordinates").get(1).asDouble(), geometry.get("coordinates").get(0).asDouble());
			}
			else if (geometry != null) {
				position = geometry.path("type").asString();
			}
			listed.add(new ResourcePreview.Feature(String.join(" · ", properties), position));
		}
		return new ResourcePreview.GeoMap(
				"/daten/" + found.dataset().name() + "/ressource/" + found.resource().id() + "/karte.geojson", tileUrl,
				tileAttribution, listed, features.size());
	}

	/**
	 * The datastore table, or what datastore_search's {@code q}, {@code filters}, {@code fields},
	 * {@code sort} and {@code distinct} select of it, as CSV or JSON ({@code fields} and
	 * {@code records}, as datastore_search), streamed row by row.
	 */
	@GetMapping("/daten/{name:[a-z0-9_-]+}/ressource/{id}/export.{format:csv|json}")
	ResponseEntity<StreamingResponseBody> export(@PathVariable String name, @PathVariable String id,
			@PathVariable String format, @RequestParam Map<String, String> parameters, Authentication auth) {
		Catalogue.FoundResource found = find(name, id, auth);
		Datastore.Table table = datastore.table(UUID.fromString(found.resource().id()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Datastore.Query query;
		try {
			query = actions.downloadQuery(parameters);
			// Bad filters, fields or sort are refused before the first byte is sent.
			datastore.search(table, new Datastore.Query(query.fields(), query.filters(), query.q(), query.sort(), 0, 0,
					false, query.distinct()));
		}
		catch (Datastore.Invalid | CkanActionController.CkanError | ClassCastException bad) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, bad.getMessage());
		}
		String fileName = ResourceFiles.safeName(found.resource().name()).replaceFirst("\\.[A-Za-z0-9]+$", "") + "." + format;
		StreamingResponseBody body = out -> {
			java.io.Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
					1 << 16);
			if (format.equals("csv")) {
				datastore.each(table, query, fields -> csvRow(writer, fields.stream().map(Datastore.Field::id).toList()),
						record -> csvRow(writer, record.values().stream().map(v -> v == null ? "" : String.valueOf(v)).toList()));
			}
			else {
				boolean[] first = { true };
				datastore.each(table, query, fields -> write(writer, "{\"fields\":"
						+ json.writeValueAsString(DatastoreActions.fieldDicts(fields, true)) + ",\"records\":["), record -> {
							write(writer, (first[0] ? "\n" : ",\n") + json.writeValueAsString(record));
							first[0] = false;
						});
				writer.write("\n]}\n");
			}
			writer.flush();
		};
		return ResponseEntity.ok()
			.contentType(format.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}

	private static void csvRow(java.io.Writer writer, List<String> values) {
		write(writer, CsvTable.line(SpreadsheetCells.neutralised(values)));
	}

	private static void write(java.io.Writer writer, String text) {
		try {
			writer.write(text);
		}
		catch (java.io.IOException gone) {
			throw new java.io.UncheckedIOException(gone);
		}
	}

	/** The resource, if its dataset is public or the visitor publishes for its organization. */
	private Catalogue.FoundResource find(String name, String id, Authentication auth) {
		return catalogue.dataset(name, memberOf(auth))
			.filter(d -> d.name().equals(name))
			.flatMap(d -> d.resources().stream().filter(r -> r.id().equals(id)).findFirst()
				.map(r -> new Catalogue.FoundResource(d, r)))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Set<String> memberOf(Authentication auth) {
		if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
			return Set.of();
		}
		Publishers.Publisher publisher = publishers.of(auth);
		if (publisher.admin()) {
			return Set.copyOf(catalogue.organizations().stream().map(Organization::getName).toList());
		}
		return publisher.organizations();
	}

	private ResourcePreview.Table preview(Datastore.Table table, int page, int rows) {
		return preview(table, new Datastore.Query(List.of(), Map.of(), "", List.of(), rows, (page - 1) * rows, true, false),
				page, rows);
	}

	private ResourcePreview.Table preview(Datastore.Table table, Datastore.Query query, int page, int rows) {
		Datastore.Result result = datastore.search(table, query);
		List<Datastore.Field> shown = result.fields().stream().filter(f -> !f.id().equals("_id")).toList();
		List<List<String>> cells = result.records()
			.stream()
			.map(r -> shown.stream().map(f -> r.get(f.id()) == null ? "" : String.valueOf(r.get(f.id()))).toList())
			.toList();
		int pageCount = (int) Math.max(1, (result.total() + rows - 1) / rows);
		return new ResourcePreview.Table(shown.stream().map(Datastore.Field::id).toList(),
				shown.stream().map(f -> f.type().ckan).toList(), cells, result.total(), page, pageCount);
	}

	private ResourcePreview.Json jsonPreview(ResourceFiles.Stored stored) {
		if (stored.size() > JSON_PREVIEW_MAX_BYTES) {
			return new ResourcePreview.Json("", true);
		}
		Optional<byte[]> content = files.content(stored);
		if (content.isEmpty()) {
			return null;
		}
		try {
			String pretty = json.writerWithDefaultPrettyPrinter()
				.writeValueAsString(json.readValue(content.get(), Object.class));
			return pretty.length() > JSON_PREVIEW_MAX_CHARS
					? new ResourcePreview.Json(pretty.substring(0, JSON_PREVIEW_MAX_CHARS), true) : new ResourcePreview.Json(pretty, false);
		}
		catch (tools.jackson.core.JacksonException notJson) {
			return null;
		}
	}
}
