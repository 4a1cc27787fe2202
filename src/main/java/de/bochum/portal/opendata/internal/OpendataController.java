package de.bochum.portal.opendata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.NavigationItem;
import de.bochum.portal.platform.PageContext;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public pages of the data catalogue: search, dataset, organization and group. */
@Controller
class OpendataController {

	static final int PAGE_SIZE = 20;

	/** The search page's German parameters and the CKAN facet each filters. */
	static final Map<String, String> FILTER_PARAMS = filterParams();

	private static final Map<String, String> SORTS = Map.of("relevanz", "score desc", "name", "title_string asc",
			"aktualisiert", "metadata_modified desc");

	private final Catalogue catalogue;
	private final DownloadCounts downloads;

	OpendataController(Catalogue catalogue, DownloadCounts downloads) {
		this.catalogue = catalogue;
		this.downloads = downloads;
	}

	private static Map<String, String> filterParams() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("organisation", "organization");
		params.put("gruppe", "groups");
		params.put("schlagwort", "tags");
		params.put("format", "res_format");
		params.put("lizenz", "license_id");
		return java.util.Collections.unmodifiableMap(params);
	}

	@Bean
	static NavigationItem datenNavigation() {
		return new NavigationItem("nav.daten", "/daten", 30);
	}

	@GetMapping("/daten")
	String search(@RequestParam MultiValueMap<String, String> params, @ModelAttribute("ctx") PageContext ctx,
			Model model) {
		String text = params.getFirst("q") == null ? "" : params.getFirst("q").strip();
		String requested = params.getFirst("sortierung");
		String sort = requested != null && SORTS.containsKey(requested) ? requested
				: text.isEmpty() ? "name" : "relevanz";
		int page = Math.max(1, parseInt(params.getFirst("seite")));
		Map<String, List<String>> filters = new LinkedHashMap<>();
		FILTER_PARAMS.forEach((param, facet) -> {
			List<String> values = params.getOrDefault(param, List.of()).stream().filter(v -> !v.isBlank()).toList();
			if (!values.isEmpty()) {
				filters.put(facet, values);
			}
		});
		var hits = catalogue.summaries(new Catalogue.Query(text, filters, SORTS.get(sort), (page - 1) * PAGE_SIZE,
				PAGE_SIZE, List.copyOf(FILTER_PARAMS.values()), 15));
		if (page > 1 && hits.results().isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Map<String, Function<String, String>> labels = labels(ctx, hits.reference());
		List<SearchPage.Facet> facets = new ArrayList<>();
		FILTER_PARAMS.forEach((param, facet) -> {
			List<String> chosen = filters.getOrDefault(facet, List.of());
			List<SearchPage.Option> options = hits.facets()
				.get(facet)
				.stream()
				.map(c -> new SearchPage.Option(c.name(), labels.get(facet).apply(c.name()), c.count(),
						chosen.contains(c.name())))
				.toList();
			facets.add(new SearchPage.Facet(param, options));
		});
		Map<String, List<String>> kept = new LinkedHashMap<>();
		params.forEach((key, values) -> {
			if (key.equals("q") || key.equals("sortierung") || FILTER_PARAMS.containsKey(key)) {
				kept.put(key, values);
			}
		});
		int pageCount = (int) Math.max(1, (hits.count() + PAGE_SIZE - 1) / PAGE_SIZE);
		model.addAttribute("search",
				new SearchPage(text, sort, page, pageCount, hits.count(), hits.results(), facets, kept));
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("opendata.title")));
		return "opendata/search";
	}

	@GetMapping("/daten/{name:[a-z0-9_-]+}")
	String dataset(@PathVariable String name, @ModelAttribute("ctx") PageContext ctx, Model model) {
		DatasetView dataset = catalogue.dataset(name)
			.filter(d -> d.name().equals(name))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("dataset", dataset);
		// counted only where the portal serves the file itself
		List<String> served = dataset.resources().stream()
			.filter(r -> r.url().contains("/ressource/" + r.id() + "/download/"))
			.map(DatasetView.ResourceView::id)
			.toList();
		Map<String, Long> recent = new java.util.HashMap<>(downloads.recent(served));
		served.forEach(id -> recent.putIfAbsent(id, 0L));
		model.addAttribute("downloads", recent);
		model.addAttribute("crumbs",
				Breadcrumb.trail(ctx, dataset.title(), new Breadcrumb(ctx.t("opendata.title"), "/daten")));
		return "opendata/dataset";
	}

	@GetMapping("/daten/organisation/{name}")
	String organization(@PathVariable String name, @ModelAttribute("ctx") PageContext ctx, Model model) {
		Organization organization = catalogue.organization(name)
			.filter(o -> o.getName().equals(name))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return collection(organization.getTitle(), organization.getDescription(), "organisation", "organization",
				name, ctx, model);
	}

	@GetMapping("/daten/gruppe/{name}")
	String group(@PathVariable String name, @ModelAttribute("ctx") PageContext ctx, Model model) {
		DataGroup group = catalogue.group(name)
			.filter(g -> g.getName().equals(name))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String title = group.title(ctx.locale());
		return collection(title, ctx.t("opendata.group.lead", title), "gruppe", "groups", name, ctx, model);
	}

	private String collection(String title, String description, String param, String facet, String name,
			PageContext ctx, Model model) {
		model.addAttribute("title", title);
		model.addAttribute("description", description);
		model.addAttribute("filterLink", "/daten?" + param + "=" + name);
		model.addAttribute("datasets", datasetsWith(facet, name));
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, title, new Breadcrumb(ctx.t("opendata.title"), "/daten")));
		return "opendata/collection";
	}

	private List<DatasetSummary> datasetsWith(String facet, String value) {
		return catalogue
			.summaries(new Catalogue.Query("", Map.of(facet, List.of(value)), "title_string asc", 0, Catalogue.MAX_ROWS,
					List.of(), 0))
			.results();
	}

	/** How each facet's values read for people: titles instead of slugs and ids. */
	private static Map<String, Function<String, String>> labels(PageContext ctx, ReferenceData.Snapshot reference) {
		return Map.of("organization", v -> reference.organization(v).map(DatasetView.OrganizationRef::title).orElse(v),
				"groups", v -> Optional.ofNullable(reference.groups().get(v)).map(g -> g.title(ctx.lang())).orElse(v),
				"tags", Function.identity(), "res_format", Function.identity(), "license_id",
				v -> Optional.ofNullable(reference.licenses().get(v)).map(DatasetView.LicenseRef::title).orElse(v));
	}

	private static int parseInt(String text) {
		try {
			return text == null ? 1 : Integer.parseInt(text);
		}
		catch (NumberFormatException notANumber) {
			return 1;
		}
	}
}
