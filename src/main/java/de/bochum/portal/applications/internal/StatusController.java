package de.bochum.portal.applications.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import de.bochum.portal.applications.internal.FormDefinition.Field;
import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.PageContext;
import de.bochum.portal.platform.RateLimiter;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Case tracking without an account: reference number and tracking code open the status, the
 * history and the office's questions, which the applicant answers here (with a file, if needed).
 * After a correct code the case id is kept in the session, so reloads and answers need no code.
 */
@Controller
@RequestMapping("/antrag/status")
class StatusController {

	static final String TRACKED = "applications.tracked";

	/** What an answer may carry: the same kinds and size as the forms' uploads. */
	static final Field ANSWER_FILE = new Field("anhang", FieldType.FILE, "Anhang", null, false, null, null, null, null,
			null, null, null, null, null, null, List.of("pdf", "jpeg", "png"), 5120, null, null, null);

	private final Cases cases;
	private final FormCatalogue forms;
	/*
	 * After 5 wrong codes for one reference number from one client, or 20 wrong attempts from one
	 * client, within 15 minutes, that client's further attempts are refused until the window has
	 * passed; the holder elsewhere is not locked out (50 failures from many clients together stop the
	 * reference for everyone). With codes of about 78 bits this leaves no realistic chance.
	 */
	static final RateLimiter.Limit PER_REFERENCE = new RateLimiter.Limit("antrag.status.vorgang", 5, Duration.ofMinutes(15));
	static final RateLimiter.Limit PER_CLIENT = new RateLimiter.Limit("antrag.status.client", 20, Duration.ofMinutes(15));

	private final RateLimiter.FailureGuard guard;
	private final Uploads uploads;
	private final ApplicationsPrivacy.Holder privacy;
	private final tools.jackson.databind.json.JsonMapper json;

	StatusController(Cases cases, FormCatalogue forms, RateLimiter limiter, Uploads uploads,
			ApplicationsPrivacy.Holder privacy, tools.jackson.databind.json.JsonMapper json) {
		this.cases = cases;
		this.forms = forms;
		this.guard = limiter.failureGuard(PER_REFERENCE, PER_CLIENT);
		this.uploads = uploads;
		this.privacy = privacy;
		this.json = json;
	}

	/** Everything stored about this application, for its holder (GDPR Art. 15 and 20), without an account. */
	@GetMapping("/daten.json")
	org.springframework.http.ResponseEntity<String> export(HttpSession session) {
		Cases.CaseRecord record = tracked(session)
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.header("Content-Disposition", "attachment; filename=\"antrag-" + record.reference() + ".json\"")
			.header("Cache-Control", "no-store")
			.body(json.writeValueAsString(privacy.export(record)));
	}

	/** Erasure of this application by its holder (GDPR Art. 17), as far as the law allows. */
	@PostMapping("/loeschen")
	String erase(HttpSession session, @ModelAttribute("ctx") PageContext ctx, Model model) {
		Optional<Cases.CaseRecord> record = tracked(session);
		if (record.isEmpty()) {
			return "redirect:/antrag/status";
		}
		Optional<String> kept = privacy.erase(record.get());
		if (kept.isPresent()) {
			return renderCase(record.get(), "", false, Map.of("loeschen", kept.get()), ctx, model);
		}
		session.removeAttribute(TRACKED);
		return "redirect:/antrag/status?geloescht";
	}

	@GetMapping
	String form(@RequestParam(required = false) String geloescht, @ModelAttribute("ctx") PageContext ctx, Model model) {
		model.addAttribute("erased", geloescht != null);
		return renderForm("", Map.of(), ctx, model);
	}

	@PostMapping
	String open(@RequestParam(defaultValue = "") String vorgangsnummer, @RequestParam(defaultValue = "") String zugangscode,
			HttpServletRequest request, @ModelAttribute("ctx") PageContext ctx, Model model) {
		ApplicationsSecurity.requireSameOrigin(request);
		String reference = vorgangsnummer.strip().toUpperCase(java.util.Locale.ROOT);
		if (reference.isEmpty() || zugangscode.isBlank()) {
			return renderForm(vorgangsnummer, Map.of(reference.isEmpty() ? "vorgangsnummer" : "zugangscode",
					ctx.t("applications.status.error.missing")), ctx, model);
		}
		String client = request.getRemoteAddr();
		if (guard.blocked(reference, client)) {
			return renderForm(vorgangsnummer, Map.of("vorgangsnummer", ctx.t("applications.status.error.limited")), ctx, model);
		}
		Optional<Cases.CaseRecord> record = reference.length() > 20 || zugangscode.length() > 40 ? Optional.empty()
				: cases.track(reference, zugangscode);
		if (record.isEmpty()) {
			guard.failed(reference, client);
			return renderForm(vorgangsnummer, Map.of("vorgangsnummer", ctx.t("applications.status.error.wrong")), ctx, model);
		}
		HttpSession session = request.getSession(true);
		request.changeSessionId();
		session.setAttribute(TRACKED, record.get().id());
		return "redirect:/antrag/status/vorgang";
	}

	@GetMapping("/vorgang")
	String show(@RequestParam(required = false) String gesendet, HttpSession session,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		Optional<Cases.CaseRecord> record = tracked(session);
		if (record.isEmpty()) {
			return "redirect:/antrag/status";
		}
		return renderCase(record.get(), "", gesendet != null, Map.of(), ctx, model);
	}

	@PostMapping("/antwort")
	String answer(@RequestParam(defaultValue = "") String antwort,
			@RequestParam(name = "anhang", required = false) MultipartFile file, HttpSession session,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		Optional<Cases.CaseRecord> record = tracked(session);
		if (record.isEmpty()) {
			return "redirect:/antrag/status";
		}
		if (record.get().state() != de.bochum.portal.applications.CaseState.RUECKFRAGE) {
			return "redirect:/antrag/status/vorgang";
		}
		String text = antwort.strip();
		Map<String, String> errors = new LinkedHashMap<>();
		if (text.isEmpty()) {
			errors.put("antwort", ctx.t("applications.status.answer.error"));
		}
		else if (text.length() > 4000) {
			errors.put("antwort", "Die Antwort darf höchstens 4000 Zeichen lang sein.");
		}
		if (!errors.isEmpty()) {
			return renderCase(record.get(), antwort, false, errors, ctx, model);
		}
		long entry = cases.answer(record.get(), text);
		if (file != null && !file.isEmpty()) {
			Uploads.Outcome outcome = uploads.accept(ANSWER_FILE, file, null, record.get().id(), entry);
			if (outcome.error() != null) {
				// the answer stands; the file is refused with a message, and can be sent with a second answer
				return renderCase(cases.find(record.get().id()).orElseThrow(), "", false, Map.of("anhang", outcome.error()), ctx,
						model);
			}
		}
		return "redirect:/antrag/status/vorgang?gesendet";
	}

	@PostMapping("/schliessen")
	String close(HttpSession session) {
		session.removeAttribute(TRACKED);
		return "redirect:/antrag/status";
	}

	private Optional<Cases.CaseRecord> tracked(HttpSession session) {
		if (session == null || !(session.getAttribute(TRACKED) instanceof Long id)) {
			return Optional.empty();
		}
		return cases.find(id);
	}

	private String renderForm(String reference, Map<String, String> errors, PageContext ctx, Model model) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("applications.status.title"),
				ApplicationFlowController.applicationsCrumb(ctx)));
		model.addAttribute("reference", reference);
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("erased")) {
			model.addAttribute("erased", false);
		}
		return "applications/status-form";
	}

	private String renderCase(Cases.CaseRecord record, String answer, boolean sent, Map<String, String> errors,
			PageContext ctx, Model model) {
		FormDefinition form = forms.form(record.formId(), record.formVersion());
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("applications.status.title"),
				ApplicationFlowController.applicationsCrumb(ctx)));
		model.addAttribute("view", new FlowViews.StatusView(record.reference(), form.title(), record.state().name(),
				ctx.dateTime(record.submittedAt()), cases.history(record.id(), true)
					.stream()
					.map(e -> new FlowViews.StatusView.Item(ctx.dateTime(e.at()), e.kind().name(),
							e.state() == null ? null : e.state().name(), e.body()))
					.toList()));
		model.addAttribute("answer", answer);
		model.addAttribute("sent", sent);
		model.addAttribute("errors", errors);
		return "applications/status";
	}
}
