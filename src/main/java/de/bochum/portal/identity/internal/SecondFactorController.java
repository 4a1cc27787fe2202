package de.bochum.portal.identity.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.PageContext;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of staff sign-in: the code from the authenticator app (or a recovery code),
 * and, the first time, setting up the app. Reachable only between a correct password and the code.
 */
@Controller
class SecondFactorController {

	private static final String ISSUER = "Bochumportal";

	private final SecondFactors secondFactors;
	private final StaffAccounts accounts;

	SecondFactorController(SecondFactors secondFactors, StaffAccounts accounts) {
		this.secondFactors = secondFactors;
		this.accounts = accounts;
	}

	@GetMapping(IdentitySecurity.CODE)
	String codeForm(HttpServletRequest request, @ModelAttribute("ctx") PageContext ctx, Model model) {
		if (pending(request) == null) {
			return "redirect:" + IdentitySecurity.LOGIN;
		}
		return codePage(ctx, model, null);
	}

	@PostMapping(IdentitySecurity.CODE)
	String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			@ModelAttribute("ctx") PageContext ctx, Model model) throws IOException, ServletException {
		Authentication pending = pending(request);
		if (pending == null) {
			return "redirect:" + IdentitySecurity.LOGIN;
		}
		if (code.isBlank()) {
			return codePage(ctx, model, "secondfactor.error.empty");
		}
		switch (secondFactors.verify(pending.getName(), code)) {
			case ACCEPTED -> {
				finish(request, response, pending);
				return null;
			}
			case LOCKED -> {
				request.getSession().removeAttribute(IdentitySecurity.PENDING_AUTHENTICATION);
				return "redirect:" + IdentitySecurity.LOGIN + "?gesperrt";
			}
			default -> {
				return codePage(ctx, model, "secondfactor.error.wrong");
			}
		}
	}

	@GetMapping(IdentitySecurity.ENROL)
	String enrolForm(HttpServletRequest request, @ModelAttribute("ctx") PageContext ctx, Model model) {
		Authentication pending = pending(request);
		if (pending == null || secondFactors.enrolled(pending.getName())) {
			return "redirect:" + IdentitySecurity.LOGIN;
		}
		return enrolPage(request.getSession(), pending.getName(), ctx, model, null);
	}

	@PostMapping(IdentitySecurity.ENROL)
	String enrol(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, @ModelAttribute("ctx") PageContext ctx, Model model)
			throws IOException, ServletException {
		Authentication pending = pending(request);
		HttpSession session = request.getSession();
		String secret = (String) session.getAttribute(IdentitySecurity.PENDING_SECRET);
		if (pending == null || secret == null || secondFactors.enrolled(pending.getName())) {
			return "redirect:" + IdentitySecurity.LOGIN;
		}
		if (code.isBlank()) {
			return enrolPage(session, pending.getName(), ctx, model, "secondfactor.error.empty");
		}
		SecondFactors.Enrolment enrolment = secondFactors.enrol(pending.getName(), secret, code);
		switch (enrolment.outcome()) {
			case LOCKED -> {
				session.removeAttribute(IdentitySecurity.PENDING_AUTHENTICATION);
				return "redirect:" + IdentitySecurity.LOGIN + "?gesperrt";
			}
			case WRONG -> {
				return enrolPage(session, pending.getName(), ctx, model, "secondfactor.error.wrong");
			}
			default -> {
				session.removeAttribute(IdentitySecurity.PENDING_SECRET);
				session.removeAttribute(IdentitySecurity.PENDING_AUTHENTICATION);
				session.setAttribute(IdentitySecurity.NEW_RECOVERY_CODES, enrolment.recoveryCodes());
				request.changeSessionId();
				IdentitySecurity.establish(request, response, pending, accounts);
				return "redirect:" + IdentitySecurity.RECOVERY_CODES;
			}
		}
	}

	/** The recovery codes, once, right after set-up; afterwards the page says they were shown. */
	@GetMapping(IdentitySecurity.RECOVERY_CODES)
	String recoveryCodes(HttpSession session, @ModelAttribute("ctx") PageContext ctx, Model model) {
		@SuppressWarnings("unchecked")
		List<String> codes = (List<String>) session.getAttribute(IdentitySecurity.NEW_RECOVERY_CODES);
		session.removeAttribute(IdentitySecurity.NEW_RECOVERY_CODES);
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("secondfactor.codes.title"),
				new Breadcrumb(ctx.t("staff.title"), "/intern")));
		model.addAttribute("codes", codes == null ? List.of() : codes);
		return "identity/recovery-codes";
	}

	private void finish(HttpServletRequest request, HttpServletResponse response, Authentication pending)
			throws IOException, ServletException {
		request.getSession().removeAttribute(IdentitySecurity.PENDING_AUTHENTICATION);
		// a new session id for the now privileged session, as after the password
		request.changeSessionId();
		IdentitySecurity.completeSignIn(request, response, pending, accounts);
	}

	private String codePage(PageContext ctx, Model model, String error) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("secondfactor.code.title")));
		model.addAttribute("error", error);
		return "identity/code";
	}

	private String enrolPage(HttpSession session, String username, PageContext ctx, Model model, String error) {
		String secret = (String) session.getAttribute(IdentitySecurity.PENDING_SECRET);
		if (secret == null) {
			secret = Totp.newSecret();
			session.setAttribute(IdentitySecurity.PENDING_SECRET, secret);
		}
		String uri = Totp.provisioningUri(ISSUER, username, secret);
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("secondfactor.enrol.title")));
		model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
		model.addAttribute("qrPath", QrCodeSvg.path(uri));
		model.addAttribute("qrSize", QrCodeSvg.size(uri));
		model.addAttribute("error", error);
		return "identity/enrol";
	}

	private static Authentication pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? null : (Authentication) session.getAttribute(IdentitySecurity.PENDING_AUTHENTICATION);
	}
}
