package de.bochum.portal.opendata.internal;

import java.util.List;
import java.util.Map;

import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.PageContext;

import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators decide who publishes for which organization. */
@Controller
@RequestMapping("/intern/daten/organisationen")
@PreAuthorize("hasRole('ADMIN')")
class PublisherAdminController {

	private final Publishers publishers;
	private final Catalogue catalogue;

	PublisherAdminController(Publishers publishers, Catalogue catalogue) {
		this.publishers = publishers;
		this.catalogue = catalogue;
	}

	@GetMapping
	String organizations(@ModelAttribute("ctx") PageContext ctx, Model model) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("opendata.members.title"),
				PublishingController.staffArea(ctx), new Breadcrumb(ctx.t("opendata.staff.title"), "/intern/daten")));
		model.addAttribute("organizations", catalogue.organizations()
			.stream()
			.map(o -> new StaffChoices.Choice(o.getName(), o.getTitle()))
			.toList());
		return "opendata/staff-organizations";
	}

	@GetMapping("/{name}")
	String members(@PathVariable String name, @RequestParam(required = false) String erteilt,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		return page(name, "", erteilt == null ? null : ctx.t("opendata.members.granted", erteilt), Map.of(), ctx, model);
	}

	@PostMapping("/{name}")
	String grant(@PathVariable String name, @RequestParam(defaultValue = "") String username, Authentication auth,
			@ModelAttribute("ctx") PageContext ctx, Model model, RedirectAttributes redirect) {
		Organization organization = organization(name);
		String key = switch (publishers.grant(organization.getId(), username.strip(), auth.getName())) {
			case GRANTED, ALREADY -> null;
			case UNKNOWN_USER -> "opendata.members.error.unknown";
			case NOT_A_PUBLISHER -> "opendata.members.error.role";
		};
		if (key != null) {
			return page(name, username, null, Map.of("username", key), ctx, model);
		}
		redirect.addAttribute("erteilt", username.strip());
		return "redirect:/intern/daten/organisationen/" + name;
	}

	@PostMapping("/{name}/entziehen")
	String revoke(@PathVariable String name, @RequestParam String username) {
		publishers.revoke(organization(name).getId(), username);
		return "redirect:/intern/daten/organisationen/" + name;
	}

	private Organization organization(String name) {
		return catalogue.organization(name)
			.filter(o -> o.getName().equals(name))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String page(String name, String username, String notice, Map<String, String> errors, PageContext ctx,
			Model model) {
		Organization organization = organization(name);
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, organization.getTitle(), PublishingController.staffArea(ctx),
				new Breadcrumb(ctx.t("opendata.staff.title"), "/intern/daten"),
				new Breadcrumb(ctx.t("opendata.members.title"), "/intern/daten/organisationen")));
		model.addAttribute("organization", new StaffChoices.Choice(organization.getName(), organization.getTitle()));
		List<StaffChoices.Choice> members = publishers.members(organization.getId())
			.stream()
			.map(m -> new StaffChoices.Choice(m.username(), m.displayName()))
			.toList();
		model.addAttribute("members", members);
		model.addAttribute("username", username);
		model.addAttribute("errors", errors);
		model.addAttribute("notice", notice);
		return "opendata/staff-members";
	}
}
