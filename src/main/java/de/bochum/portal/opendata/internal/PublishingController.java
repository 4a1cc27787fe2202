package de.bochum.portal.opendata.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import de.bochum.portal.city.CityGeography;
import de.bochum.portal.opendata.internal.Publishers.Publisher;
import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.PageContext;
import de.bochum.portal.platform.StaffLink;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Publishers keep their organizations' datasets and resources up to date. */
@Controller
@RequestMapping("/intern/daten")
@PreAuthorize("hasAnyRole('DATA_PUBLISHER','ADMIN')")
class PublishingController {

	private final Publishing publishing;
	private final Publishers publishers;
	private final Catalogue catalogue;
	private final CityGeography geography;
	private final ResourceFiles files;
	private final DatastoreJobs jobs;

	PublishingController(Publishing publishing, Publishers publishers, Catalogue catalogue, CityGeography geography,
			ResourceFiles files, DatastoreJobs jobs) {
		this.files = files;
		this.jobs = jobs;
		this.publishing = publishing;
		this.publishers = publishers;
		this.catalogue = catalogue;
		this.geography = geography;
	}

	@Bean
	static StaffLink opendataStaffLink() {
		return new StaffLink("opendata.staff.link", "/intern/daten", Set.of("DATA_PUBLISHER", "ADMIN"), 110);
	}

	@ExceptionHandler(Publishing.Denied.class)
	void denied(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.FORBIDDEN.value());
	}

	@ExceptionHandler(Publishing.NotFound.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

	@GetMapping
	String list(@RequestParam(required = false) String geloescht, Authentication auth,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		Publisher publisher = publishers.of(auth);
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("opendata.staff.title"), staffArea(ctx)));
		model.addAttribute("datasets", publishing.datasetsOf(publisher));
		model.addAttribute("admin", publisher.admin());
		model.addAttribute("hasOrganizations", !publisher.organizations().isEmpty());
		model.addAttribute("notice", geloescht == null ? null : ctx.t("opendata.staff.deleted", geloescht));
		return "opendata/staff-list";
	}

	@GetMapping("/neu")
	String create(Authentication auth, @ModelAttribute("ctx") PageContext ctx, Model model) {
		Publisher publisher = publishers.of(auth);
		if (publisher.organizations().isEmpty()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		String first = publisher.organizations().size() == 1 ? publisher.organizations().iterator().next() : "";
		return form(ctx, model, publisher, null, DatasetForm.empty(first), Map.of(), null);
	}

	@PostMapping("/neu")
	String create(@RequestParam MultiValueMap<String, String> params, Authentication auth,
			@ModelAttribute("ctx") PageContext ctx, Model model, RedirectAttributes redirect) {
		Publisher publisher = publishers.of(auth);
		DatasetForm input = formOf(params, 0);
		try {
			DatasetView created = publishing.create(input, List.of(), publisher, "web");
			redirect.addAttribute("gespeichert", "1");
			return "redirect:/intern/daten/datensatz/" + created.name();
		}
		catch (Publishing.Refused refused) {
			return form(ctx, model, publisher, null, input, ordered(refused.errors), null);
		}
	}

	@GetMapping("/datensatz/{name}")
	String edit(@PathVariable String name, @RequestParam(required = false) String gespeichert, Authentication auth,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		Publisher publisher = publishers.of(auth);
		Publishing.Editable editable = editable(name, publisher);
		return form(ctx, model, publisher, editable, editable.form(), Map.of(),
				gespeichert == null ? null : ctx.t("opendata.staff.saved"));
	}

	@PostMapping("/datensatz/{name}")
	String save(@PathVariable String name, @RequestParam MultiValueMap<String, String> params,
			@RequestParam(name = "lock_version", defaultValue = "-1") long lockVersion, Authentication auth,
			@ModelAttribute("ctx") PageContext ctx, Model model, RedirectAttributes redirect) {
		Publisher publisher = publishers.of(auth);
		Publishing.Editable editable = editable(name, publisher);
		DatasetForm input = formOf(params, lockVersion);
		try {
			DatasetView saved = publishing.update(editable.view().id(), input, lockVersion, null, publisher, "web");
			redirect.addAttribute("gespeichert", "1");
			return "redirect:/intern/daten/datensatz/" + saved.name();
		}
		catch (Publishing.Refused refused) {
			return form(ctx, model, publisher, editable, input, ordered(refused.errors), null);
		}
		catch (Publishing.Stale stale) {
			// The typed input stays; saving again overwrites the other change knowingly.
			DatasetForm again = formOf(params, editable.lockVersion());
			return form(ctx, model, publisher, editable, again, Map.of("title", "opendata.staff.error.stale"), null);
		}
	}

	@GetMapping("/datensatz/{name}/loeschen")
	String confirmDelete(@PathVariable String name, Authentication auth, @ModelAttribute("ctx") PageContext ctx,
			Model model) {
		Publishing.Editable editable = editable(name, publishers.of(auth));
		model.addAttribute("dataset", editable.view());
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("opendata.staff.delete.title"), staffArea(ctx),
				new Breadcrumb(ctx.t("opendata.staff.title"), "/intern/daten"),
				new Breadcrumb(editable.view().title(), "/intern/daten/datensatz/" + editable.view().name())));
		return "opendata/staff-delete";
	}

	@PostMapping("/datensatz/{name}/loeschen")
	String delete(@PathVariable String name, Authentication auth, RedirectAttributes redirect) {
		Publisher publisher = publishers.of(auth);
		Publishing.Editable editable = editable(name, publisher);
		publishing.delete(editable.view().id(), publisher, "web");
		redirect.addAttribute("geloescht", editable.view().title());
		return "redirect:/intern/daten";
	}

	@PostMapping("/datensatz/{name}/wiederherstellen")
	String restore(@PathVariable String name, Authentication auth, RedirectAttributes redirect) {
		Publisher publisher = publishers.of(auth);
		publishing.restore(editable(name, publisher).view().id(), publisher, "web");
		redirect.addAttribute("gespeichert", "1");
		return "redirect:/intern/daten/datensatz/" + name;
	}

	@GetMapping("/datensatz/{name}/ressource/neu")
	String newResource(@PathVariable String name, Authentication auth, @ModelAttribute("ctx") PageContext ctx,
			Model model) {
		Publishing.Editable editable = editable(name, publishers.of(auth));
		return resourceForm(ctx, model, editable.view(), null, ResourceForm.empty(), Map.of());
	}

	@PostMapping("/datensatz/{name}/ressource/neu")
	String addResource(@PathVariable String name, @RequestParam MultiValueMap<String, String> params,
			@RequestParam(name = "upload", required = false) MultipartFile file, Authentication auth,
			@ModelAttribute("ctx") PageContext ctx, Model model, RedirectAttributes redirect) {
		Publisher publisher = publishers.of(auth);
		Publishing.Editable editable = editable(name, publisher);
		ResourceForm input = resourceOf(params);
		ResourceFiles.Upload upload = upload(file);
		try {
			Catalogue.FoundResource added = publishing.addResource(editable.view().id(), input, upload, baseUrl(),
					publisher, "web");
			redirect.addAttribute("gespeichert", "1");
			if (upload != null) {
				jobs.enqueueIfTabular(added);
				return "redirect:/intern/daten/datensatz/" + name + "/ressource/" + added.resource().id();
			}
			return "redirect:/intern/daten/datensatz/" + name;
		}
		catch (Publishing.Refused refused) {
			return resourceForm(ctx, model, editable.view(), null, input, ordered(refused.errors));
		}
	}

	@GetMapping("/datensatz/{name}/ressource/{id}")
	String editResource(@PathVariable String name, @PathVariable String id,
			@RequestParam(required = false) String gespeichert, Authentication auth,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		Catalogue.FoundResource found = resource(name, id, publishers.of(auth));
		DatasetView.ResourceView r = found.resource();
		model.addAttribute("notice", gespeichert == null ? null : ctx.t("opendata.staff.resource.saved"));
		return resourceForm(ctx, model, found.dataset(), r.id(), new ResourceForm(r.name(), r.url(), r.format(),
				r.mimetype(), r.description(), r.size() == null ? "" : r.size().toString(), r.hash()), Map.of());
	}

	@PostMapping("/datensatz/{name}/ressource/{id}")
	String saveResource(@PathVariable String name, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> params,
			@RequestParam(name = "upload", required = false) MultipartFile file, Authentication auth,
			@ModelAttribute("ctx") PageContext ctx, Model model, RedirectAttributes redirect) {
		Publisher publisher = publishers.of(auth);
		Catalogue.FoundResource found = resource(name, id, publisher);
		ResourceForm input = resourceOf(params);
		ResourceFiles.Upload upload = upload(file);
		try {
			Catalogue.FoundResource saved = publishing.updateResource(id, input, upload, baseUrl(), publisher, "web");
			redirect.addAttribute("gespeichert", "1");
			if (upload != null) {
				jobs.enqueueIfTabular(saved);
				return "redirect:/intern/daten/datensatz/" + name + "/ressource/" + id;
			}
			return "redirect:/intern/daten/datensatz/" + name;
		}
		catch (Publishing.Refused refused) {
			return resourceForm(ctx, model, found.dataset(), id, input, ordered(refused.errors));
		}
	}

	/**
	 * The button "In den Datastore laden": queues a new load, with the encoding, delimiter, decimal
	 * comma and header row the publisher chose (detected values are preselected; without them, e.g.
	 * before the first load, the file is detected again).
	 */
	@PostMapping("/datensatz/{name}/ressource/{id}/datastore")
	String loadIntoDatastore(@PathVariable String name, @PathVariable String id,
			@RequestParam(required = false) String kodierung, @RequestParam(required = false) String trennzeichen,
			@RequestParam(required = false) String dezimalkomma, @RequestParam(required = false) String kopfzeile,
			Authentication auth, RedirectAttributes redirect) {
		resource(name, id, publishers.of(auth));
		CsvTable.Format format = CsvTable.Format.of(kodierung, trennzeichen, dezimalkomma, kopfzeile);
		if (format == null && kodierung != null) {
			throw new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Unknown encoding, delimiter, decimal comma or header choice");
		}
		jobs.enqueue(java.util.UUID.fromString(id), format);
		return "redirect:/intern/daten/datensatz/" + name + "/ressource/" + id + "#datastore-titel";
	}

	private static ResourceFiles.Upload upload(MultipartFile file) {
		if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
			return null;
		}
		try {
			return new ResourceFiles.Upload(file.getOriginalFilename(), file.getBytes());
		}
		catch (IOException unreadable) {
			throw new java.io.UncheckedIOException(unreadable);
		}
	}

	private static String baseUrl() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
	}

	@PostMapping("/datensatz/{name}/ressource/{id}/loeschen")
	String deleteResource(@PathVariable String name, @PathVariable String id, Authentication auth,
			RedirectAttributes redirect) {
		Publisher publisher = publishers.of(auth);
		resource(name, id, publisher);
		publishing.deleteResource(id, publisher, "web");
		redirect.addAttribute("gespeichert", "1");
		return "redirect:/intern/daten/datensatz/" + name;
	}

	private Publishing.Editable editable(String name, Publisher publisher) {
		return publishing.editable(name, publisher)
			.filter(e -> e.view().name().equals(name))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Catalogue.FoundResource resource(String name, String id, Publisher publisher) {
		Catalogue.FoundResource found = publishing.resourceOf(id, publisher);
		if (!found.dataset().name().equals(name)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return found;
	}

	private String form(PageContext ctx, Model model, Publisher publisher, Publishing.Editable editable,
			DatasetForm input, Map<String, String> errors, String notice) {
		String title = editable == null ? ctx.t("opendata.staff.new") : editable.view().title();
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, title, staffArea(ctx),
				new Breadcrumb(ctx.t("opendata.staff.title"), "/intern/daten")));
		model.addAttribute("dataset", editable == null ? null : editable.view());
		model.addAttribute("input", input);
		model.addAttribute("errors", errors);
		model.addAttribute("notice", notice);
		Set<String> organizations = new java.util.HashSet<>(publisher.organizations());
		if (editable != null) {
			organizations.add(editable.view().organization().name());
		}
		model.addAttribute("choices", StaffChoices.of(ctx, catalogue, geography, organizations));
		model.addAttribute("audit", editable == null ? List.of() : publishing.auditTrail(editable.view().id()));
		return "opendata/staff-dataset";
	}

	private String resourceForm(PageContext ctx, Model model, DatasetView dataset, String resourceId,
			ResourceForm input, Map<String, String> errors) {
		String title = resourceId == null ? ctx.t("opendata.staff.resource.new") : input.name();
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, title, staffArea(ctx),
				new Breadcrumb(ctx.t("opendata.staff.title"), "/intern/daten"),
				new Breadcrumb(dataset.title(), "/intern/daten/datensatz/" + dataset.name())));
		model.addAttribute("dataset", dataset);
		model.addAttribute("resourceId", resourceId);
		model.addAttribute("input", input);
		model.addAttribute("errors", errors);
		model.addAttribute("maxSize", files.maxSizeText());
		model.asMap().putIfAbsent("notice", null);
		java.util.Optional<java.util.UUID> uuid = resourceId == null ? java.util.Optional.empty() : Catalogue.parseUuid(resourceId);
		model.addAttribute("uploaded", uuid.flatMap(files::of).orElse(null));
		model.addAttribute("datastore", uuid.flatMap(jobs::status).orElse(null));
		return "opendata/staff-resource";
	}

	/** The errors in the order of the form, so the summary reads top to bottom. */
	private static Map<String, String> ordered(Map<String, String> errors) {
		Map<String, String> ordered = new LinkedHashMap<>();
		for (String field : List.of("title", "name", "notes", "owner_org", "license_id", "groups", "tags", "author",
				"author_email", "maintainer", "maintainer_email", "spatial_key", "temporal_start", "temporal_end",
				"frequency", "version", "url", "attribution", "extras", "format", "mimetype", "description", "size",
				"hash", "upload", "resources")) {
			if (errors.containsKey(field)) {
				ordered.put(field, errors.get(field));
			}
		}
		errors.forEach(ordered::putIfAbsent);
		return ordered;
	}

	static DatasetForm formOf(MultiValueMap<String, String> p, long lockVersion) {
		return new DatasetForm(p.getFirst("name"), p.getFirst("title"), p.getFirst("notes"), p.getFirst("url"),
				p.getFirst("owner_org"), p.getFirst("license_id"), p.getFirst("attribution"), p.getFirst("author"),
				p.getFirst("author_email"), p.getFirst("maintainer"), p.getFirst("maintainer_email"),
				p.getFirst("version"), p.getFirst("spatial_key"), p.getFirst("temporal_start"),
				p.getFirst("temporal_end"), p.getFirst("frequency"), "true".equals(p.getFirst("private")),
				p.getFirst("tags"), p.get("groups"), p.getFirst("extras"), lockVersion);
	}

	private static ResourceForm resourceOf(MultiValueMap<String, String> p) {
		return new ResourceForm(p.getFirst("name"), p.getFirst("url"), p.getFirst("format"), p.getFirst("mimetype"),
				p.getFirst("description"), p.getFirst("size"), p.getFirst("hash"));
	}

	static Breadcrumb staffArea(PageContext ctx) {
		return new Breadcrumb(ctx.t("staff.title"), "/intern");
	}
}
