package de.bochum.portal.services.internal;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.NavigationItem;
import de.bochum.portal.platform.PageContext;
import de.bochum.portal.services.Leistung;
import de.bochum.portal.services.OpeningHours;
import de.bochum.portal.services.ServiceCatalogue;
import de.bochum.portal.services.Standort;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public pages of the service catalogue. */
@Controller
class ServicesController {

	private final ServiceCatalogue catalogue;
	private final LeistungSearch search;
	private final Clock clock;

	ServicesController(ServiceCatalogue catalogue, LeistungSearch search, Clock clock) {
		this.catalogue = catalogue;
		this.search = search;
		this.clock = clock;
	}

	@Bean
	static NavigationItem servicesNavigation() {
		return new NavigationItem("services.nav", "/leistungen", 10);
	}

	@GetMapping("/leistungen")
	String index(@RequestParam(name = "q", required = false) String query, @ModelAttribute("ctx") PageContext ctx,
			Model model) {
		String terms = query == null ? "" : query.strip();
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("services.title")));
		model.addAttribute("query", terms);
		model.addAttribute("searched", query != null);
		model.addAttribute("results", search.search(terms));
		model.addAttribute("lebenslagen", catalogue.lebenslagen());
		model.addAttribute("groups", AzIndex.of(catalogue.leistungen(), Leistung::name));
		return "services/index";
	}

	@GetMapping("/leistungen/lebenslage/{slug}")
	String lebenslage(@PathVariable String slug, @ModelAttribute("ctx") PageContext ctx, Model model) {
		var lebenslage = catalogue.lebenslage(slug).orElseThrow(ServicesController::notFound);
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, lebenslage.name(), servicesCrumb(ctx)));
		model.addAttribute("lebenslage", lebenslage);
		model.addAttribute("leistungen", catalogue.leistungenIn(slug));
		return "services/lebenslage";
	}

	@GetMapping("/leistungen/standort/{slug}")
	String standort(@PathVariable String slug, @ModelAttribute("ctx") PageContext ctx, Model model) {
		Standort standort = catalogue.location(slug).orElseThrow(ServicesController::notFound);
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, standort.name(), servicesCrumb(ctx)));
		model.addAttribute("location", HoursView.of(standort, now(), ctx));
		model.addAttribute("dienststelle", catalogue.dienststelle(standort.dienststelleSlug()).orElse(null));
		model.addAttribute("leistungen", catalogue.leistungen()
			.stream()
			.filter(l -> standort.dienststelleSlug().equals(l.dienststelleSlug()) && (l.inPerson() || l.appointment()))
			.toList());
		return "services/standort";
	}

	@GetMapping("/leistungen/{slug:[a-z0-9-]+}")
	String leistung(@PathVariable String slug, @ModelAttribute("ctx") PageContext ctx, Model model) {
		Leistung leistung = catalogue.findBySlug(slug).orElseThrow(ServicesController::notFound);
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, leistung.name(), servicesCrumb(ctx)));
		model.addAttribute("leistung", leistung);
		model.addAttribute("dienststelle", catalogue.dienststelle(leistung.dienststelleSlug()).orElse(null));
		model.addAttribute("lebenslagen", catalogue.lebenslagen()
			.stream()
			.filter(g -> leistung.lebenslagen().contains(g.slug()))
			.toList());
		ZonedDateTime now = now();
		List<HoursView> locations = catalogue.locationsOf(leistung).stream().map(s -> HoursView.of(s, now, ctx)).toList();
		model.addAttribute("locations", locations);
		return "services/leistung";
	}

	private ZonedDateTime now() {
		return ZonedDateTime.now(clock).withZoneSameInstant(OpeningHours.BOCHUM);
	}

	static Breadcrumb servicesCrumb(PageContext ctx) {
		return new Breadcrumb(ctx.t("services.title"), "/leistungen");
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
