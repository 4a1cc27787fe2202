package de.bochum.portal.services.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.PageContext;
import de.bochum.portal.platform.StaffLink;
import de.bochum.portal.services.Leistung;
import de.bochum.portal.services.ServiceCatalogue;

import org.springframework.context.annotation.Bean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Editors keep the catalogue's texts up to date. */
@Controller
@RequestMapping("/intern/leistungen")
@PreAuthorize("hasAnyRole('EDITOR','ADMIN')")
class ServicesAdminController {

	private final ServiceCatalogue catalogue;
	private final ServiceEditing editing;

	ServicesAdminController(ServiceCatalogue catalogue, ServiceEditing editing) {
		this.catalogue = catalogue;
		this.editing = editing;
	}

	@Bean
	static StaffLink servicesStaffLink() {
		return new StaffLink("services.admin.link", "/intern/leistungen", Set.of("EDITOR", "ADMIN"), 100);
	}

	@GetMapping
	String list(@ModelAttribute("ctx") PageContext ctx, Model model) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("services.admin.title"), staffArea(ctx)));
		model.addAttribute("leistungen", catalogue.leistungen());
		return "services/admin-list";
	}

	@GetMapping("/{slug}")
	String edit(@PathVariable String slug, @RequestParam(required = false) String gespeichert,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		Leistung leistung = catalogue.findBySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		long version = editing.version(slug).orElseThrow();
		model.addAttribute("notice", gespeichert != null ? "services.admin.saved" : null);
		return form(ctx, model, leistung, ServiceForm.of(leistung, version), Map.of());
	}

	@PostMapping("/{slug}")
	String save(@PathVariable String slug, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String beschreibung, @RequestParam(defaultValue = "") String wer,
			@RequestParam(defaultValue = "") String kosten, @RequestParam(defaultValue = "") String unterlagen,
			@RequestParam(defaultValue = "") String rechtsgrundlage, @RequestParam(defaultValue = "") String dauer,
			@RequestParam(defaultValue = "") String bearbeitungsdauer, @RequestParam(defaultValue = "") String leika,
			@RequestParam(defaultValue = "false") boolean online, @RequestParam(name = "online-url", defaultValue = "") String onlineUrl,
			@RequestParam(defaultValue = "false") boolean termin, @RequestParam(defaultValue = "false") boolean vorort,
			@RequestParam(name = "lebenslage", required = false) List<String> lebenslagen,
			@RequestParam(defaultValue = "-1") long version, @ModelAttribute("ctx") PageContext ctx, Model model,
			RedirectAttributes redirect) {
		Leistung leistung = catalogue.findBySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		ServiceForm input = new ServiceForm(name, beschreibung, wer, kosten, unterlagen, rechtsgrundlage,
				bearbeitungsdauer, leika.strip(), online, onlineUrl.strip(), termin, vorort, dauer, lebenslagen, version);
		Map<String, String> errors = input.validate();
		if (errors.isEmpty()) {
			try {
				editing.update(slug, version, input.texts(), input.lebenslagen());
				redirect.addAttribute("gespeichert", "1");
				return "redirect:/intern/leistungen/" + slug;
			}
			catch (OptimisticLockingFailureException e) {
				errors = Map.of("name", "services.admin.error.conflict");
				// The typed input stays; saving again overwrites the other change knowingly.
				input = new ServiceForm(input.name(), input.description(), input.whoMayApply(), input.costs(),
						input.documents(), input.legalBasis(), input.processingTime(), input.leikaKey(), input.online(),
						input.onlineUrl(), input.appointment(), input.inPerson(), input.durationMinutes(),
						input.lebenslagen(), editing.version(slug).orElseThrow());
			}
		}
		model.addAttribute("notice", null);
		return form(ctx, model, leistung, input, errors);
	}

	private String form(PageContext ctx, Model model, Leistung leistung, ServiceForm input, Map<String, String> errors) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, leistung.name(), staffArea(ctx),
				new Breadcrumb(ctx.t("services.admin.title"), "/intern/leistungen")));
		model.addAttribute("leistung", leistung);
		model.addAttribute("input", input);
		model.addAttribute("errors", errors);
		model.addAttribute("allLebenslagen", catalogue.lebenslagen());
		return "services/admin-edit";
	}

	private static Breadcrumb staffArea(PageContext ctx) {
		return new Breadcrumb(ctx.t("staff.title"), "/intern");
	}
}
