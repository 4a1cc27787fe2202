package de.bochum.portal.opendata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import de.bochum.portal.opendata.internal.CkanActionController.CkanError;
import de.bochum.portal.opendata.internal.CkanActionController.Params;
import de.bochum.portal.opendata.internal.Publishers.Publisher;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * CKAN's write actions with an API token, with CKAN 2.10's semantics: {@code package_update}
 * replaces, {@code package_patch} changes only what is given, {@code package_delete} only marks the
 * dataset deleted. The rules are {@link Publishing}'s, the same as on the staff pages.
 */
@Component
class CkanWriteActions {

	static final Set<String> ACTIONS = Set.of("package_create", "package_update", "package_patch", "package_delete",
			"resource_create", "resource_update", "resource_delete");

	private final Publishing publishing;
	private final MessageSource messages;
	private final ResourceFiles files;
	private final DatastoreJobs jobs;
	private final DownloadCounts downloads;

	CkanWriteActions(Publishing publishing, MessageSource messages, ResourceFiles files, DatastoreJobs jobs,
			DownloadCounts downloads) {
		this.publishing = publishing;
		this.downloads = downloads;
		this.messages = messages;
		this.files = files;
		this.jobs = jobs;
	}

	private static ResourceFiles.Upload upload(Params p) {
		return p.values().get("upload") instanceof ResourceFiles.Upload upload ? upload : null;
	}

	private static String baseUrl() {
		return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
	}

	private void loadIfTabular(Catalogue.FoundResource found, ResourceFiles.Upload upload) {
		if (upload != null) {
			jobs.enqueueIfTabular(found);
		}
	}

	Object run(String action, Params p, Publisher publisher) {
		try {
			return switch (action) {
				case "package_create" -> {
					List<Publishing.ResourceInput> resources = resources(p.values());
					yield PackageDicts.dataset(publishing.create(form(p.values(), null),
							resources == null ? List.of() : resources.stream().map(Publishing.ResourceInput::form).toList(),
							publisher, "api"), downloads);
				}
				case "package_update" -> update(p, publisher, false);
				case "package_patch" -> update(p, publisher, true);
				case "package_delete" -> {
					publishing.delete(p.required("id"), publisher, "api");
					yield null;
				}
				case "resource_create" -> {
					ResourceFiles.Upload upload = upload(p);
					var found = publishing.addResource(p.required("package_id"), resource(p.values()), upload,
							baseUrl(), publisher, "api");
					loadIfTabular(found, upload);
					yield PackageDicts.resource(found, downloads);
				}
				case "resource_update" -> {
					ResourceFiles.Upload upload = upload(p);
					var found = publishing.updateResource(p.required("id"), resource(p.values()), upload, baseUrl(),
							publisher, "api");
					loadIfTabular(found, upload);
					yield PackageDicts.resource(found, downloads);
				}
				case "resource_delete" -> {
					publishing.deleteResource(p.required("id"), publisher, "api");
					yield null;
				}
				default -> throw new IllegalStateException(action);
			};
		}
		catch (Publishing.Refused refused) {
			Map<String, Object> fields = new LinkedHashMap<>();
			refused.errors.forEach((field, key) -> fields.put(field, List.of(key.startsWith("opendata.upload.")
					? messages.getMessage(key + ".api", new Object[] { files.maxSizeText() }, Locale.ENGLISH)
					: messages.getMessage(key, null, Locale.ENGLISH))));
			throw CkanError.validation(fields);
		}
		catch (Publishing.Denied denied) {
			throw CkanError.denied(denied.getMessage());
		}
		catch (Publishing.NotFound notFound) {
			throw CkanError.notFound(notFound.getMessage().replace(" not found", ""));
		}
	}

	private Object update(Params p, Publisher publisher, boolean patch) {
		String id = p.string("id", p.string("name", ""));
		if (id.isBlank()) {
			throw CkanError.validation(Map.of("id", List.of("Missing value")));
		}
		Publishing.Editable current = publishing.editable(id, publisher)
			.orElseThrow(() -> CkanError.notFound("Dataset"));
		DatasetForm base = patch ? current.form()
				: DatasetForm.blank(current.form().name(), current.form().ownerOrg(), current.lockVersion());
		DatasetView updated = publishing.update(current.view().id(), form(p.values(), base), null,
				resources(p.values()), publisher, "api");
		// CKAN undoes a delete by writing the state back to active.
		if ("active".equals(p.values().get("state")) && !Dataset.ACTIVE.equals(updated.state())) {
			publishing.restore(updated.id(), publisher, "api");
			updated = publishing.editable(updated.id(), publisher).orElseThrow().view();
		}
		return PackageDicts.dataset(updated, downloads);
	}

	/** The dataset dictionary over {@code base} (null: a new dataset); only keys present change anything. */
	static DatasetForm form(Map<String, Object> d, DatasetForm base) {
		DatasetForm b = base != null ? base : DatasetForm.blank("", "", 0);
		Map<String, Object> errors = new LinkedHashMap<>();
		String name = text(d, "name", b.name());
		String title = text(d, "title", b.title());
		if (base == null && title.isBlank()) {
			// CKAN: the title defaults to the name.
			title = name;
		}
		String tags = b.tags();
		if (d.containsKey("tags")) {
			tags = names(d.get("tags"), "name", errors, "tags");
		}
		else if (d.containsKey("tag_string")) {
			tags = String.valueOf(d.get("tag_string"));
		}
		List<String> groups = b.groups();
		if (d.containsKey("groups")) {
			String joined = names(d.get("groups"), "name", errors, "groups");
			groups = joined.isEmpty() ? List.of() : List.of(joined.split(", "));
		}
		String extras = b.extras();
		if (d.containsKey("extras")) {
			extras = extras(d.get("extras"), errors);
		}
		if (!errors.isEmpty()) {
			throw CkanError.validation(errors);
		}
		boolean privateDataset = d.containsKey("private") ? bool(d.get("private")) : b.privateDataset();
		return new DatasetForm(name, title, text(d, "notes", b.notes()), text(d, "url", b.url()),
				text(d, "owner_org", b.ownerOrg()), text(d, "license_id", b.licenseId()),
				text(d, "attribution", b.attribution()), text(d, "author", b.author()),
				text(d, "author_email", b.authorEmail()), text(d, "maintainer", b.maintainer()),
				text(d, "maintainer_email", b.maintainerEmail()), text(d, "version", b.version()),
				text(d, "spatial_key", b.spatial()), text(d, "temporal_start", b.temporalStart()),
				text(d, "temporal_end", b.temporalEnd()), text(d, "frequency", b.frequency()), privateDataset, tags,
				groups, extras, b.lockVersion());
	}

	private static String text(Map<String, Object> d, String key, String fallback) {
		if (!d.containsKey(key)) {
			return fallback;
		}
		Object value = d.get(key);
		return value == null ? "" : String.valueOf(value);
	}

	private static boolean bool(Object value) {
		return value instanceof Boolean b ? b : "true".equalsIgnoreCase(String.valueOf(value).strip());
	}

	/** Tags or groups as CKAN sends them: dictionaries with a name (or id), or plain strings. */
	private static String names(Object value, String key, Map<String, Object> errors, String field) {
		if (value == null) {
			return "";
		}
		if (!(value instanceof List<?> list)) {
			errors.put(field, List.of("Not a list"));
			return "";
		}
		List<String> names = new ArrayList<>();
		for (Object item : list) {
			Object name = item instanceof Map<?, ?> map ? (map.get(key) != null ? map.get(key) : map.get("id")) : item;
			if (name == null || String.valueOf(name).contains(",")) {
				errors.put(field, List.of("Each entry needs a " + key + " without commas"));
				return "";
			}
			names.add(String.valueOf(name).strip());
		}
		return String.join(", ", names);
	}

	private static String extras(Object value, Map<String, Object> errors) {
		if (value == null) {
			return "";
		}
		if (!(value instanceof List<?> list)) {
			errors.put("extras", List.of("Not a list"));
			return "";
		}
		List<String> lines = new ArrayList<>();
		for (Object item : list) {
			if (!(item instanceof Map<?, ?> map) || map.get("key") == null) {
				errors.put("extras", List.of("Each extra needs a key and a value"));
				return "";
			}
			String key = String.valueOf(map.get("key"));
			String text = map.get("value") == null ? "" : String.valueOf(map.get("value"));
			if (key.contains("=") || key.contains("\n") || text.contains("\n")) {
				errors.put("extras", List.of("Keys must not contain “=”, keys and values no line breaks"));
				return "";
			}
			lines.add(key + " = " + text);
		}
		return lines.stream().collect(Collectors.joining("\n"));
	}

	/** The resources of a package dictionary, or null where the key is absent (then they stay as they are). */
	private static List<Publishing.ResourceInput> resources(Map<String, Object> d) {
		if (!d.containsKey("resources")) {
			return null;
		}
		if (!(d.get("resources") instanceof List<?> list)) {
			throw CkanError.validation(Map.of("resources", List.of("Not a list")));
		}
		List<Publishing.ResourceInput> inputs = new ArrayList<>();
		for (Object item : list) {
			if (!(item instanceof Map<?, ?> map)) {
				throw CkanError.validation(Map.of("resources", List.of("Each resource must be an object")));
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> r = (Map<String, Object>) map;
			inputs.add(new Publishing.ResourceInput(r.get("id") == null ? null : String.valueOf(r.get("id")),
					resource(r)));
		}
		return inputs;
	}

	private static ResourceForm resource(Map<String, Object> r) {
		String url = r.get("upload") instanceof ResourceFiles.Upload ? "" : text(r, "url", "");
		String name = text(r, "name", "");
		if (name.isBlank() && !url.isBlank()) {
			// CKAN shows a nameless resource by its address; a name is needed here, so the file name is used.
			name = url.replaceAll("[?#].*$", "").replaceAll("^.*/", "");
		}
		return new ResourceForm(name, url, text(r, "format", ""), text(r, "mimetype", ""),
				text(r, "description", ""), text(r, "size", ""), text(r, "hash", ""));
	}

	static CkanError unauthorized(String action) {
		return new CkanError(HttpStatus.FORBIDDEN, "Authorization Error",
				"Access denied: Action " + action + " requires an authenticated user with a valid API token");
	}
}
