package de.bochum.portal.opendata.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.PageContext;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Publishers create and revoke their personal tokens for the CKAN API. */
@Controller
@RequestMapping("/intern/daten/tokens")
@PreAuthorize("hasAnyRole('DATA_PUBLISHER','ADMIN')")
class TokenController {

	private final ApiTokens tokens;
	private final java.time.Clock clock;

	TokenController(ApiTokens tokens, java.time.Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping
	String list(Authentication auth, @ModelAttribute("ctx") PageContext ctx, Model model) {
		return page(auth, "", "", Map.of(), ctx, model);
	}

	@PostMapping
	String create(@RequestParam(defaultValue = "") String label, @RequestParam(defaultValue = "") String ablauf,
			Authentication auth, @ModelAttribute("ctx") PageContext ctx, Model model, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = label.strip();
		if (name.isEmpty() || name.length() > 100) {
			errors.put("label", "opendata.tokens.error.label");
		}
		LocalDate expires = DatasetForm.date(ablauf.strip());
		if (!ablauf.isBlank() && (expires == null || !expires.isAfter(LocalDate.now(clock.withZone(PageContext.CITY_ZONE))))) {
			errors.put("ablauf", "opendata.tokens.error.expires");
		}
		if (!errors.isEmpty()) {
			return page(auth, label, ablauf, errors, ctx, model);
		}
		// Shown once on the next page, then only its hash remains.
		redirect.addFlashAttribute("newToken", tokens.create(auth.getName(), name, expires));
		redirect.addFlashAttribute("newTokenLabel", name);
		return "redirect:/intern/daten/tokens";
	}

	@PostMapping("/{id}/widerrufen")
	String revoke(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
		if (tokens.revoke(auth.getName(), id)) {
			redirect.addFlashAttribute("revoked", true);
		}
		return "redirect:/intern/daten/tokens";
	}

	private String page(Authentication auth, String label, String expires, Map<String, String> errors,
			PageContext ctx, Model model) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("opendata.tokens.title"),
				PublishingController.staffArea(ctx), new Breadcrumb(ctx.t("opendata.staff.title"), "/intern/daten")));
		model.addAttribute("tokens", tokens.of(auth.getName()));
		model.addAttribute("label", label);
		model.addAttribute("expires", expires);
		model.addAttribute("errors", errors);
		model.asMap().putIfAbsent("newToken", null);
		model.asMap().putIfAbsent("newTokenLabel", null);
		model.asMap().putIfAbsent("revoked", false);
		return "opendata/staff-tokens";
	}
}
