package de.bochum.portal.content.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import de.bochum.portal.city.CityGeography;
import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.NavigationItem;
import de.bochum.portal.platform.PageContext;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The home page and the fixed information pages linked from every page's footer. */
@Controller
class ContentController {

	/**
	 * The portal's areas in the order the programme names them, by their URL. An area becomes a
	 * link as soon as a module contributes a {@link NavigationItem} for it; until then it says
	 * "kommt bald".
	 */
	static final List<String> AREAS = List.of("leistungen", "termine", "daten", "unternehmen", "wlan", "beteiligung",
			"hackday");

	/** Information pages and how many sections each has in the message bundles (the privacy notice is the privacy module's). */
	static final Map<String, Integer> INFO_PAGES = Map.of("impressum", 3, "barrierefreiheit", 4, "leichte-sprache", 3,
			"gebaerdensprache", 2, "kontakt", 3);

	private final CityGeography geography;
	private final OperatorProperties operator;
	private final List<HomeArea> areas;

	ContentController(CityGeography geography, OperatorProperties operator, List<NavigationItem> navigation) {
		this.geography = geography;
		this.operator = operator;
		this.areas = AREAS.stream()
			.map(key -> new HomeArea(key, navigation.stream().anyMatch(item -> item.href().equals("/" + key))))
			.toList();
	}


	@Bean
	static NavigationItem homeNavigation() {
		return new NavigationItem("nav.home", "/", 0);
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("areas", areas);
		model.addAttribute("stadtbezirke", geography.stadtbezirke());
		model.addAttribute("stadtteilCount", geography.stadtteile().size());
		return "content/home";
	}

	@GetMapping("/{page:impressum|barrierefreiheit|leichte-sprache|gebaerdensprache|kontakt}")
	String info(@PathVariable String page, @ModelAttribute("ctx") PageContext ctx, Model model) {
		Integer sections = INFO_PAGES.get(page);
		if (sections == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String prefix = "info." + page;
		model.addAttribute("prefix", prefix);
		model.addAttribute("operator", List.of("impressum", "kontakt").contains(page) ? operator : null);
		model.addAttribute("sections", IntStream.rangeClosed(1, sections).mapToObj(i -> prefix + ".s" + i).toList());
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t(prefix + ".title")));
		return "content/info";
	}
}
