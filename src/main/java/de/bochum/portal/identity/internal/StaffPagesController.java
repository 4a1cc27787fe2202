package de.bochum.portal.identity.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import de.bochum.portal.identity.Role;
import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.PageContext;
import de.bochum.portal.platform.StaffLink;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in page, staff dashboard and password change. */
@Controller
class StaffPagesController {

	private final StaffAccounts accounts;

	private final List<StaffLink> staffLinks;

	private final OidcRegistrations oidcRegistrations;

	StaffPagesController(StaffAccounts accounts, List<StaffLink> staffLinks,
			OidcRegistrations oidcRegistrations) {
		this.accounts = accounts;
		this.oidcRegistrations = oidcRegistrations;
		this.staffLinks = staffLinks.stream().sorted(Comparator.comparingInt(StaffLink::order)).toList();
	}

	@GetMapping(IdentitySecurity.LOGIN)
	String login(@RequestParam(required = false) String fehler, @RequestParam(required = false) String gesperrt,
			@RequestParam(required = false) String abgemeldet, @RequestParam(required = false) String oidc,
			HttpServletRequest request,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		HttpSession session = request.getSession(false);
		String lastUsername = session == null ? "" : (String) session.getAttribute(IdentitySecurity.LAST_USERNAME);
		String error = gesperrt != null ? "login.error.locked"
				: fehler != null ? "login.error.credentials" : oidc != null ? "login.error.oidc" : null;
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("login.title")));
		model.addAttribute("username", lastUsername == null ? "" : lastUsername);
		model.addAttribute("error", error);
		model.addAttribute("signedOut", abgemeldet != null);
		model.addAttribute("providers", oidcRegistrations.staffProviders());
		return "identity/login";
	}

	@GetMapping("/intern")
	String dashboard(Authentication authentication,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		StaffAccount account = accounts.find(authentication.getName()).orElseThrow();
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("staff.title")));
		model.addAttribute("displayName", account.displayName());
		model.addAttribute("roles", account.roles().stream().sorted().map(r -> ctx.t("role." + r.name())).toList());
		model.addAttribute("tasks", tasksFor(account.roles()));
		Set<String> roleNames = account.roles().stream().map(Role::name).collect(Collectors.toSet());
		model.addAttribute("links", staffLinks.stream().filter(link -> link.visibleTo(roleNames)).toList());
		return "identity/dashboard";
	}

	/** The dashboard's work areas per role; areas not built yet say so instead of linking nowhere. */
	private static List<String> tasksFor(Set<Role> roles) {
		List<String> tasks = new ArrayList<>();
		for (Role role : Role.values()) {
			if (roles.contains(role) || roles.contains(Role.ADMIN)) {
				tasks.add("staff.task." + role.name());
			}
		}
		return tasks;
	}

	@GetMapping(IdentitySecurity.CHANGE_PASSWORD)
	String passwordForm(@ModelAttribute("ctx") PageContext ctx, Model model,
			HttpSession session) {
		return passwordPage(ctx, model, session, Map.of());
	}

	@PostMapping(IdentitySecurity.CHANGE_PASSWORD)
	String changePassword(@RequestParam(name = "aktuell", required = false) String current,
			@RequestParam(name = "neu", required = false) String proposed,
			@RequestParam(name = "wiederholung", required = false) String repeated, Authentication authentication,
			@ModelAttribute("ctx") PageContext ctx, Model model,
			HttpSession session, RedirectAttributes redirect) {
		StaffAccounts.ChangeResult result = accounts.changePassword(authentication.getName(), current, proposed,
				repeated);
		if (result == StaffAccounts.ChangeResult.CHANGED) {
			session.removeAttribute(IdentitySecurity.MUST_CHANGE_PASSWORD);
			redirect.addFlashAttribute("notice", "password.changed");
			return "redirect:/intern";
		}
		Map<String, String> errors = new LinkedHashMap<>();
		switch (result) {
			case WRONG_CURRENT -> errors.put("aktuell", "password.error.current");
			case TOO_SHORT -> errors.put("neu", "password.error.short");
			case BREACHED -> errors.put("neu", "password.error.breached");
			case MISMATCH -> errors.put("wiederholung", "password.error.mismatch");
			case SAME_AS_OLD -> errors.put("neu", "password.error.same");
			default -> throw new IllegalStateException(result.name());
		}
		return passwordPage(ctx, model, session, errors);
	}

	private String passwordPage(PageContext ctx, Model model, HttpSession session, Map<String, String> errors) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("password.title"),
				new Breadcrumb(ctx.t("staff.title"), "/intern")));
		model.addAttribute("errors", errors);
		model.addAttribute("required", Boolean.TRUE.equals(session.getAttribute(IdentitySecurity.MUST_CHANGE_PASSWORD)));
		model.addAttribute("minLength", StaffAccounts.MIN_PASSWORD_LENGTH);
		return "identity/password";
	}
}
