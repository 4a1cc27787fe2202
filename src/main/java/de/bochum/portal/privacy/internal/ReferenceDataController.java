package de.bochum.portal.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.PageContext;
import de.bochum.portal.platform.RateLimiter;
import de.bochum.portal.privacy.Citizen;
import de.bochum.portal.privacy.CitizenData;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

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
 * Access, export and erasure without an account (GDPR Art. 15, 17, 20): whoever holds the
 * reference number and secret code of an application or booking sees that record, takes it as JSON
 * and can have it erased. The pair stays in the session only while the person looks at the data.
 */
@Controller
class ReferenceDataController {

	static final String PAGE = "/meine-daten";
	private static final String HOLDER_REFERENCE = "privacy.reference";
	private static final String HOLDER_CODE = "privacy.code";
	/**
	 * Codes are long random strings; the limits only keep anyone from trying forever. They count
	 * failures across instances, so a new session or another instance does not reset them.
	 */
	static final RateLimiter.Limit PER_REFERENCE = new RateLimiter.Limit("meine-daten.vorgang", 10, Duration.ofMinutes(15));
	static final RateLimiter.Limit PER_CLIENT = new RateLimiter.Limit("meine-daten.client", 30, Duration.ofMinutes(15));

	private final CitizenData data;
	private final Clock clock;
	private final RateLimiter.FailureGuard guard;

	ReferenceDataController(CitizenData data, Clock clock, RateLimiter limiter) {
		this.data = data;
		this.clock = clock;
		this.guard = limiter.failureGuard(PER_REFERENCE, PER_CLIENT);
	}

	@GetMapping(PAGE)
	String form(@ModelAttribute("ctx") PageContext ctx, Model model) {
		return formPage(ctx, model, "", Map.of());
	}

	@PostMapping(PAGE)
	String lookUp(@RequestParam(defaultValue = "") String referenz, @RequestParam(defaultValue = "") String code,
			HttpSession session, HttpServletRequest request, @ModelAttribute("ctx") PageContext ctx, Model model) {
		String reference = referenz.strip().toUpperCase(java.util.Locale.ROOT);
		String secret = code.strip();
		Map<String, String> errors = new LinkedHashMap<>();
		if (reference.isEmpty() || reference.length() > 40) {
			errors.put("referenz", "privacy.reference.error.reference");
		}
		if (secret.isEmpty() || secret.length() > 100) {
			errors.put("code", "privacy.reference.error.code");
		}
		String client = request.getRemoteAddr();
		if (errors.isEmpty() && guard.blocked(reference, client)) {
			errors.put("referenz", "privacy.reference.error.tooMany");
		}
		if (errors.isEmpty() && !holdsAnything(Citizen.holderOf(reference, secret))) {
			guard.failed(reference, client);
			errors.put("referenz", "privacy.reference.error.notFound");
		}
		if (!errors.isEmpty()) {
			return formPage(ctx, model, referenz, errors);
		}
		session.setAttribute(HOLDER_REFERENCE, reference);
		session.setAttribute(HOLDER_CODE, secret);
		return "redirect:" + PAGE + "/auskunft";
	}

	@GetMapping(PAGE + "/auskunft")
	String show(HttpSession session, @ModelAttribute("ctx") PageContext ctx, Model model) {
		Optional<Proven> proven = proven(session);
		if (proven.isEmpty()) {
			return "redirect:" + PAGE;
		}
		return dataPage(proven.get(), Map.of(), ctx, model);
	}

	@GetMapping(value = PAGE + "/auskunft.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> json(HttpSession session) {
		Optional<Proven> proven = proven(session);
		if (proven.isEmpty()) {
			return ResponseEntity.status(303).header(HttpHeaders.LOCATION, PAGE).build();
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"meine-daten-" + proven.get().holder().reference() + ".json\"")
			.body(CitizenData.document(proven.get().sections(), clock.instant()));
	}

	@PostMapping(PAGE + "/loeschen")
	String erase(@RequestParam(defaultValue = "") String bestaetigt, HttpSession session,
			@ModelAttribute("ctx") PageContext ctx, Model model, RedirectAttributes redirect) {
		Optional<Proven> proven = proven(session);
		if (proven.isEmpty()) {
			return "redirect:" + PAGE;
		}
		if (!"ja".equals(bestaetigt)) {
			return dataPage(proven.get(), Map.of("bestaetigt", "privacy.reference.error.confirm"), ctx, model);
		}
		List<String> kept = data.erase(proven.get().holder());
		session.removeAttribute(HOLDER_REFERENCE);
		session.removeAttribute(HOLDER_CODE);
		redirect.addFlashAttribute("kept", kept);
		return "redirect:" + PAGE + "/geloescht";
	}

	@GetMapping(PAGE + "/geloescht")
	String erased(@ModelAttribute("ctx") PageContext ctx, Model model) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("privacy.reference.erased.title")));
		model.addAttribute("kept", model.asMap().getOrDefault("kept", List.of()));
		return "privacy/reference-erased";
	}

	@PostMapping(PAGE + "/fertig")
	String done(HttpSession session) {
		session.removeAttribute(HOLDER_REFERENCE);
		session.removeAttribute(HOLDER_CODE);
		return "redirect:/";
	}

	private boolean holdsAnything(Citizen holder) {
		return holdsAnything(data.export(holder));
	}

	private static boolean holdsAnything(List<CitizenData.Section> sections) {
		return sections.stream().anyMatch(section -> !section.records().isEmpty());
	}

	/** A pair proven in this session and what it opens, read once per request. */
	private record Proven(Citizen holder, List<CitizenData.Section> sections) {
	}

	/** The pair proven in this session, checked again: the record may have been erased meanwhile. */
	private Optional<Proven> proven(HttpSession session) {
		if (session.getAttribute(HOLDER_REFERENCE) instanceof String reference
				&& session.getAttribute(HOLDER_CODE) instanceof String code) {
			Citizen holder = Citizen.holderOf(reference, code);
			List<CitizenData.Section> sections = data.export(holder);
			if (holdsAnything(sections)) {
				return Optional.of(new Proven(holder, sections));
			}
		}
		return Optional.empty();
	}

	private String dataPage(Proven proven, Map<String, String> errors, PageContext ctx, Model model) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("privacy.reference.data.title"),
				new Breadcrumb(ctx.t("privacy.reference.title"), PAGE)));
		model.addAttribute("reference", proven.holder().reference());
		model.addAttribute("sections", proven.sections());
		model.addAttribute("errors", errors);
		return "privacy/reference-data";
	}

	private String formPage(PageContext ctx, Model model, String reference, Map<String, String> errors) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("privacy.reference.title")));
		model.addAttribute("reference", reference);
		model.addAttribute("errors", errors);
		return "privacy/reference-form";
	}
}
