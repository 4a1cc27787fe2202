package de.bochum.portal.identity.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import de.bochum.portal.identity.OfficeCatalogue;
import de.bochum.portal.identity.Role;
import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.PageContext;
import de.bochum.portal.privacy.AuditLog;

import org.springframework.dao.OptimisticLockingFailureException;
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

/**
 * Staff accounts for administrators: list, create with a one-time password, change name and
 * roles, unlock, reset the password, delete. Every look at an account is written to the access
 * audit log: staff data is personal data too.
 */
@Controller
@RequestMapping("/intern/benutzer")
@PreAuthorize("hasRole('ADMIN')")
class StaffAdminController {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,49}");
	private static final String RECORD_TYPE = "beschaeftigtenkonto";

	private final StaffAccounts accounts;
	private final AuditLog audit;
	private final SecondFactors secondFactors;
	private final List<OfficeCatalogue> officeCatalogues;

	StaffAdminController(StaffAccounts accounts, AuditLog audit, SecondFactors secondFactors,
			List<OfficeCatalogue> officeCatalogues) {
		this.accounts = accounts;
		this.audit = audit;
		this.secondFactors = secondFactors;
		this.officeCatalogues = officeCatalogues;
	}

	@GetMapping
	String list(@ModelAttribute("ctx") PageContext ctx, Model model) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("staffadmin.title"), staffArea(ctx)));
		model.addAttribute("accounts", accounts.all());
		return "identity/accounts";
	}

	@GetMapping("/neu")
	String newForm(@ModelAttribute("ctx") PageContext ctx, Model model) {
		return form(ctx, model, null, new AccountForm("", "", List.of(), List.of(), 0), Map.of());
	}

	@PostMapping("/neu")
	String create(@RequestParam(defaultValue = "") String benutzername, @RequestParam(defaultValue = "") String name,
			@RequestParam(name = "rolle", required = false) List<String> rollen,
			@RequestParam(name = "dienststelle", required = false) List<String> dienststellen, Authentication admin,
			@ModelAttribute("ctx") PageContext ctx, Model model, RedirectAttributes redirect) {
		AccountForm input = new AccountForm(benutzername.strip().toLowerCase(java.util.Locale.ROOT), name.strip(),
				rollen == null ? List.of() : rollen, dienststellen == null ? List.of() : dienststellen, 0);
		Map<String, String> errors = validate(input, true);
		if (errors.isEmpty() && accounts.find(input.username()).isPresent()) {
			errors.put("benutzername", "staffadmin.error.taken");
		}
		if (!errors.isEmpty()) {
			return form(ctx, model, null, input, errors);
		}
		String oneTime = OneTimePasswords.generate();
		StaffAccount created = accounts.create(input.username(), input.displayName(), oneTime, roles(input),
				offices(input), true);
		audit.record(admin.getName(), AuditLog.Action.CHANGE, RECORD_TYPE, String.valueOf(created.id()), "");
		redirect.addFlashAttribute("oneTimePassword", oneTime);
		redirect.addFlashAttribute("notice", "staffadmin.created");
		return "redirect:/intern/benutzer/" + created.id();
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Authentication admin, @ModelAttribute("ctx") PageContext ctx, Model model) {
		StaffAccountSummary account = accounts.summary(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		audit.record(admin.getName(), AuditLog.Action.VIEW, RECORD_TYPE, String.valueOf(id), "");
		return form(ctx, model, account,
				new AccountForm(account.username(), account.displayName(), account.roles(), account.offices(),
						account.version()), Map.of());
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(name = "rolle", required = false) List<String> rollen,
			@RequestParam(name = "dienststelle", required = false) List<String> dienststellen,
			@RequestParam(defaultValue = "-1") long version, Authentication admin,
			@ModelAttribute("ctx") PageContext ctx, Model model, RedirectAttributes redirect) {
		StaffAccountSummary account = accounts.summary(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		AccountForm input = new AccountForm(account.username(), name.strip(), rollen == null ? List.of() : rollen,
				dienststellen == null ? List.of() : dienststellen, version);
		Map<String, String> errors = validate(input, false);
		if (account.username().equals(admin.getName()) && !input.roles().contains(Role.ADMIN.name())) {
			errors.put("rolle-ADMIN", "staffadmin.error.ownAdmin");
		}
		if (errors.isEmpty()) {
			boolean saved;
			try {
				saved = accounts.update(id, version, input.displayName(), roles(input), offices(input));
			}
			catch (OptimisticLockingFailureException e) {
				saved = false;
			}
			if (saved) {
				audit.record(admin.getName(), AuditLog.Action.CHANGE, RECORD_TYPE, String.valueOf(id), "");
				redirect.addFlashAttribute("notice", "staffadmin.saved");
				return "redirect:/intern/benutzer/" + id;
			}
			errors.put("name", "staffadmin.error.conflict");
			account = accounts.summary(id).orElseThrow();
			// Show the other change's state, keep what this administrator typed.
			input = new AccountForm(input.username(), input.displayName(), input.roles(), input.offices(),
					account.version());
		}
		return form(ctx, model, account, input, errors);
	}

	@PostMapping("/{id}/entsperren")
	String unlock(@PathVariable long id, Authentication admin, RedirectAttributes redirect) {
		accounts.unlock(id);
		audit.record(admin.getName(), AuditLog.Action.CHANGE, RECORD_TYPE, String.valueOf(id), "");
		redirect.addFlashAttribute("notice", "staffadmin.unlocked");
		return "redirect:/intern/benutzer/" + id;
	}

	@PostMapping("/{id}/zweiter-faktor")
	String resetSecondFactor(@PathVariable long id, Authentication admin, RedirectAttributes redirect) {
		secondFactors.reset(id);
		audit.record(admin.getName(), AuditLog.Action.CHANGE, RECORD_TYPE, String.valueOf(id), "");
		redirect.addFlashAttribute("notice", "staffadmin.secondfactor.reset.done");
		return "redirect:/intern/benutzer/" + id;
	}

	@PostMapping("/{id}/passwort")
	String resetPassword(@PathVariable long id, Authentication admin, RedirectAttributes redirect) {
		String oneTime = accounts.resetPassword(id);
		audit.record(admin.getName(), AuditLog.Action.CHANGE, RECORD_TYPE, String.valueOf(id), "");
		redirect.addFlashAttribute("oneTimePassword", oneTime);
		redirect.addFlashAttribute("notice", "staffadmin.reset");
		return "redirect:/intern/benutzer/" + id;
	}

	@PostMapping("/{id}/loeschen")
	String delete(@PathVariable long id, @RequestParam(defaultValue = "") String bestaetigt, Authentication admin,
			RedirectAttributes redirect) {
		StaffAccountSummary account = accounts.summary(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!"ja".equals(bestaetigt)) {
			redirect.addFlashAttribute("notice", "staffadmin.error.confirm");
			return "redirect:/intern/benutzer/" + id;
		}
		if (account.username().equals(admin.getName())) {
			redirect.addFlashAttribute("notice", "staffadmin.error.ownDelete");
			return "redirect:/intern/benutzer/" + id;
		}
		accounts.delete(id);
		audit.record(admin.getName(), AuditLog.Action.ERASE, RECORD_TYPE, String.valueOf(id), "");
		redirect.addFlashAttribute("notice", "staffadmin.deleted");
		return "redirect:/intern/benutzer";
	}

	private String form(PageContext ctx, Model model, StaffAccountSummary account, AccountForm input,
			Map<String, String> errors) {
		String title = account == null ? ctx.t("staffadmin.new") : ctx.t("staffadmin.edit", account.username());
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, title, staffArea(ctx),
				new Breadcrumb(ctx.t("staffadmin.title"), "/intern/benutzer")));
		model.addAttribute("title", title);
		model.addAttribute("account", account);
		model.addAttribute("input", input);
		model.addAttribute("errors", errors);
		model.addAttribute("allRoles", java.util.Arrays.stream(Role.values()).map(Role::name).toList());
		model.addAttribute("allOffices", allOffices());
		return "identity/account";
	}

	private static Map<String, String> validate(AccountForm input, boolean isNew) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (isNew && !USERNAME.matcher(input.username()).matches()) {
			errors.put("benutzername", "staffadmin.error.username");
		}
		if (input.displayName().isEmpty() || input.displayName().length() > 100) {
			errors.put("name", "staffadmin.error.name");
		}
		if (input.roles().isEmpty()) {
			errors.put("rolle-" + Role.values()[0].name(), "staffadmin.error.roles");
		}
		return errors;
	}

	private static Set<Role> roles(AccountForm input) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String role : input.roles()) {
			try {
				roles.add(Role.valueOf(role));
			}
			catch (IllegalArgumentException e) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
			}
		}
		return roles;
	}

	private List<OfficeCatalogue.Office> allOffices() {
		return officeCatalogues.stream().flatMap(catalogue -> catalogue.offices().stream()).toList();
	}

	/** Only offices the catalogue knows: a tampered form must not scope anyone to an invented office. */
	private Set<String> offices(AccountForm input) {
		Set<String> known = allOffices().stream().map(OfficeCatalogue.Office::slug).collect(java.util.stream.Collectors.toSet());
		if (!known.containsAll(input.offices())) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		return Set.copyOf(input.offices());
	}

	private static Breadcrumb staffArea(PageContext ctx) {
		return new Breadcrumb(ctx.t("staff.title"), "/intern");
	}
}
