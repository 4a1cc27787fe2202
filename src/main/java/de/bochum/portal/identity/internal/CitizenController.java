package de.bochum.portal.identity.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.Mailer;
import de.bochum.portal.platform.PageContext;
import de.bochum.portal.privacy.Citizen;
import de.bochum.portal.privacy.CitizenData;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The optional citizen account at {@code /konto}: register, confirm the address, sign in and
 * out, see and download one's data, delete the account. A citizen's sign-in lives in its own
 * session attribute, apart from Spring Security's staff sign-in, so a citizen can never reach a
 * staff page.
 */
@Controller
class CitizenController {

	/** Session attribute holding the signed-in citizen account's id. */
	static final String CITIZEN = "identity.citizenAccount";

	private final CitizenAccounts accounts;
	private final CitizenData data;
	private final Clock clock;
	private final OidcRegistrations oidcRegistrations;
	private final CitizenPasskeys passkeys;

	CitizenController(CitizenAccounts accounts, CitizenData data, Clock clock, OidcRegistrations oidcRegistrations,
			CitizenPasskeys passkeys) {
		this.passkeys = passkeys;
		this.accounts = accounts;
		this.data = data;
		this.clock = clock;
		this.oidcRegistrations = oidcRegistrations;
	}

	/** Why the sign-in through a provider did not work, by the code {@link CitizenOidc} sends back. */
	private static final Map<String, String> PROVIDER_ERRORS = Map.of("fehler", "citizen.error.provider.failed",
			"no-verified-email", "citizen.error.provider.email", "email-taken", "citizen.error.provider.taken",
			"locked", "citizen.error.locked");

	@GetMapping("/konto")
	String account(@RequestParam(name = "passkey-eingerichtet", required = false) String passkeyAdded,
			HttpSession session, @ModelAttribute("ctx") PageContext ctx, Model model) {
		Optional<CitizenAccount> account = signedIn(session);
		if (account.isEmpty()) {
			return "redirect:/konto/anmelden";
		}
		if (passkeyAdded != null) {
			model.addAttribute("notice", "citizen.passkeys.added");
		}
		model.addAttribute("passkeys", passkeys.list(account.get().id()));
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("citizen.account.title")));
		model.addAttribute("email", account.get().email());
		model.addAttribute("sections", List.of());
		model.addAttribute("dataPage", false);
		return "identity/citizen-account";
	}

	@GetMapping("/konto/registrieren")
	String registerForm(@ModelAttribute("ctx") PageContext ctx, Model model) {
		return registerPage(ctx, model, "", Map.of());
	}

	@PostMapping("/konto/registrieren")
	String register(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String passwort,
			@RequestParam(defaultValue = "") String wiederholung, @ModelAttribute("ctx") PageContext ctx, Model model) {
		Map<String, String> errors = accounts.validate(email, passwort, wiederholung);
		if (!errors.isEmpty()) {
			return registerPage(ctx, model, email, errors);
		}
		try {
			accounts.register(email, passwort);
		}
		catch (Mailer.MailFailure e) {
			return registerPage(ctx, model, email, Map.of("email", "citizen.error.mail"));
		}
		return "redirect:/konto/registrieren/gesendet";
	}

	@GetMapping("/konto/registrieren/gesendet")
	String registered(@ModelAttribute("ctx") PageContext ctx, Model model) {
		return message(ctx, model, "citizen.sent.title", "citizen.sent.text", null, null);
	}

	@GetMapping("/konto/bestaetigen")
	String confirm(@RequestParam(defaultValue = "") String code, @ModelAttribute("ctx") PageContext ctx, Model model) {
		if (accounts.confirm(code).isPresent()) {
			return message(ctx, model, "citizen.confirmed.title", "citizen.confirmed.text", "/konto/anmelden",
					"citizen.signin.title");
		}
		return message(ctx, model, "citizen.confirm.invalid.title", "citizen.confirm.invalid.text",
				"/konto/registrieren", "citizen.register.title");
	}

	@GetMapping("/konto/anmelden")
	String signInForm(@RequestParam(required = false) String anbieter, @ModelAttribute("ctx") PageContext ctx,
			Model model) {
		String error = anbieter == null ? null : PROVIDER_ERRORS.getOrDefault(anbieter, "citizen.error.provider.failed");
		return signInPage(ctx, model, "", error == null ? Map.of() : Map.of("anbieter", error));
	}

	@PostMapping("/konto/anmelden")
	String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String passwort,
			HttpServletRequest request, @ModelAttribute("ctx") PageContext ctx, Model model) {
		CitizenAccounts.SignInResult result = accounts.signIn(email, passwort);
		return switch (result.outcome()) {
			case OK -> {
				request.getSession().setAttribute(CITIZEN, result.accountId());
				request.changeSessionId();
				yield "redirect:/konto";
			}
			case LOCKED -> signInPage(ctx, model, email, Map.of("passwort", "citizen.error.locked"));
			case UNVERIFIED -> signInPage(ctx, model, email, Map.of("email", "citizen.error.unverified"));
			case WRONG -> signInPage(ctx, model, email, Map.of("passwort", "citizen.error.credentials"));
		};
	}

	@PostMapping("/konto/abmelden")
	String signOut(HttpSession session) {
		session.removeAttribute(CITIZEN);
		return "redirect:/";
	}

	@GetMapping("/konto/daten")
	String dataPage(HttpSession session, @ModelAttribute("ctx") PageContext ctx, Model model) {
		Optional<CitizenAccount> account = signedIn(session);
		if (account.isEmpty()) {
			return "redirect:/konto/anmelden";
		}
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("citizen.data.title"),
				new Breadcrumb(ctx.t("citizen.account.title"), "/konto")));
		model.addAttribute("email", account.get().email());
		model.addAttribute("sections", data.export(citizen(account.get())));
		model.addAttribute("dataPage", true);
		return "identity/citizen-account";
	}

	@GetMapping(value = "/konto/daten.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> dataJson(HttpSession session) {
		Optional<CitizenAccount> account = signedIn(session);
		if (account.isEmpty()) {
			return ResponseEntity.status(302).header(HttpHeaders.LOCATION, "/konto/anmelden").build();
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"meine-daten-bochumportal.json\"")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(data.exportDocument(citizen(account.get()), clock.instant()));
	}

	@GetMapping("/konto/loeschen")
	String deleteForm(HttpSession session, @ModelAttribute("ctx") PageContext ctx, Model model) {
		if (signedIn(session).isEmpty()) {
			return "redirect:/konto/anmelden";
		}
		return deletePage(ctx, model, signedIn(session).get().hasPassword(), Map.of());
	}

	@PostMapping("/konto/loeschen")
	String delete(@RequestParam(defaultValue = "") String passwort, @RequestParam(defaultValue = "") String bestaetigt,
			HttpSession session,
			@ModelAttribute("ctx") PageContext ctx, Model model, RedirectAttributes redirect) {
		Optional<CitizenAccount> account = signedIn(session);
		if (account.isEmpty()) {
			return "redirect:/konto/anmelden";
		}
		// Who signed in through a provider has no password here: a tick confirms instead.
		if (account.get().hasPassword() && !accounts.passwordMatches(account.get().id(), passwort)) {
			return deletePage(ctx, model, true, Map.of("passwort", "citizen.error.password.wrong"));
		}
		if (!account.get().hasPassword() && !"ja".equals(bestaetigt)) {
			return deletePage(ctx, model, false, Map.of("bestaetigt", "citizen.error.delete.confirm"));
		}
		List<String> kept = data.erase(citizen(account.get()));
		session.removeAttribute(CITIZEN);
		redirect.addFlashAttribute("kept", kept);
		return "redirect:/konto/geloescht";
	}

	@GetMapping("/konto/geloescht")
	String deleted(@ModelAttribute("ctx") PageContext ctx, Model model) {
		@SuppressWarnings("unchecked")
		List<String> kept = (List<String>) model.asMap().getOrDefault("kept", List.of());
		message(ctx, model, "citizen.deleted.title",
				kept.isEmpty() ? "citizen.deleted.text" : "citizen.deleted.kept", "/", "nav.home");
		model.addAttribute("details", kept);
		return "identity/citizen-message";
	}

	private Optional<CitizenAccount> signedIn(HttpSession session) {
		Object id = session.getAttribute(CITIZEN);
		if (!(id instanceof Long accountId)) {
			return Optional.empty();
		}
		Optional<CitizenAccount> account = accounts.find(accountId);
		if (account.isEmpty()) {
			session.removeAttribute(CITIZEN);
		}
		return account;
	}

	private static Citizen citizen(CitizenAccount account) {
		return new Citizen(account.id(), account.email());
	}

	private String registerPage(PageContext ctx, Model model, String email, Map<String, String> errors) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("citizen.register.title")));
		model.addAttribute("email", email);
		model.addAttribute("errors", errors);
		model.addAttribute("minLength", CitizenAccounts.MIN_PASSWORD_LENGTH);
		return "identity/citizen-register";
	}

	private String signInPage(PageContext ctx, Model model, String email, Map<String, String> errors) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("citizen.signin.title")));
		model.addAttribute("email", email);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("providers", oidcRegistrations.citizenProviders());
		return "identity/citizen-signin";
	}

	private String deletePage(PageContext ctx, Model model, boolean withPassword, Map<String, String> errors) {
		model.addAttribute("withPassword", withPassword);
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("citizen.delete.title"),
				new Breadcrumb(ctx.t("citizen.account.title"), "/konto")));
		model.addAttribute("errors", errors);
		return "identity/citizen-delete";
	}

	private String message(PageContext ctx, Model model, String title, String text, String linkHref, String linkText) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t(title)));
		model.addAttribute("title", title);
		model.addAttribute("text", text);
		model.addAttribute("linkHref", linkHref);
		model.addAttribute("linkText", linkText);
		return "identity/citizen-message";
	}
}
