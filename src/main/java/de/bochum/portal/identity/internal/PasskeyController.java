package de.bochum.portal.identity.internal;

import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.PageContext;
import de.bochum.portal.privacy.AuditLog;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * A staff member's own passkeys: list, add (in the browser, with the device's dialog) and remove.
 * Adding needs JavaScript because the WebAuthn ceremony only exists as a browser API; the page says
 * so, and sign-in with password and code stays available to everyone.
 */
@Controller
class PasskeyController {

	private final PublicKeyCredentialUserEntityRepository users;
	private final UserCredentialRepository credentials;
	private final AuditLog audit;

	PasskeyController(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials,
			AuditLog audit) {
		this.users = users;
		this.credentials = credentials;
		this.audit = audit;
	}

	@GetMapping(Passkeys.PAGE)
	String page(@RequestParam(required = false) String hinzugefuegt, Authentication authentication,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		if (hinzugefuegt != null) {
			model.addAttribute("notice", "passkeys.added");
		}
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("passkeys.title"),
				new Breadcrumb(ctx.t("staff.title"), "/intern")));
		model.addAttribute("passkeys", Passkeys.entries(authentication.getName(), users, credentials));
		return "identity/passkeys";
	}

	@PostMapping(Passkeys.PAGE + "/{id}/loeschen")
	String delete(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
		boolean own = Passkeys.entries(authentication.getName(), users, credentials)
			.stream()
			.anyMatch(entry -> entry.id().equals(id));
		if (!own) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		credentials.delete(Bytes.fromBase64(id));
		audit.record(authentication.getName(), AuditLog.Action.ERASE, "passkey", id, "");
		redirect.addFlashAttribute("notice", "passkeys.deleted");
		return "redirect:" + Passkeys.PAGE;
	}
}
