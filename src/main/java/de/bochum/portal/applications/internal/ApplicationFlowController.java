package de.bochum.portal.applications.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import de.bochum.portal.applications.internal.FormDefinition.Field;
import de.bochum.portal.applications.internal.FormDefinition.Step;
import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.NavigationItem;
import de.bochum.portal.platform.PageContext;
import de.bochum.portal.services.ServiceCatalogue;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The citizen's way through a form, GOV.UK style: a start page, one small step per page with a
 * progress line, an error summary that links to the fields and keeps what was typed, a page to
 * check the answers with change links, a declaration, and a confirmation with reference number and
 * tracking code. Everything works without JavaScript; the draft lives on the server, found through
 * the session or a resume link.
 */
@Controller
@RequestMapping("/antrag")
class ApplicationFlowController {

	static final String DRAFT = "applications.draft.";
	static final String CONFIRMATION = "applications.confirmation";

	private final FormCatalogue forms;
	private final Drafts drafts;
	private final Uploads uploads;
	private final Cases cases;
	private final Notifications notifications;
	private final DeliveryOutbox outbox;
	private final ServiceCatalogue catalogue;
	private final Clock clock;

	ApplicationFlowController(FormCatalogue forms, Drafts drafts, Uploads uploads, Cases cases,
			Notifications notifications, DeliveryOutbox outbox, ServiceCatalogue catalogue, Clock clock) {
		this.forms = forms;
		this.drafts = drafts;
		this.uploads = uploads;
		this.cases = cases;
		this.notifications = notifications;
		this.outbox = outbox;
		this.catalogue = catalogue;
		this.clock = clock;
	}

	@Bean
	static NavigationItem applicationsNavigation() {
		return new NavigationItem("applications.nav", "/antrag", 20);
	}

	@GetMapping
	String index(@ModelAttribute("ctx") PageContext ctx, Model model) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("applications.title")));
		model.addAttribute("forms", forms.forms().stream().map(f -> start(f)).toList());
		return "applications/index";
	}

	@GetMapping("/{formId:[a-z0-9-]+}")
	String start(@PathVariable String formId, @ModelAttribute("ctx") PageContext ctx, Model model, HttpServletRequest request) {
		FormDefinition form = form(formId);
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, form.title(), applicationsCrumb(ctx)));
		model.addAttribute("form", start(form));
		HttpSession session = request.getSession(false);
		model.addAttribute("inProgress", session != null && session.getAttribute(DRAFT + formId) != null);
		return "applications/start";
	}

	@PostMapping("/{formId:[a-z0-9-]+}/start")
	String begin(@PathVariable String formId, HttpServletRequest request) {
		ApplicationsSecurity.requireSameOrigin(request);
		HttpSession session = request.getSession(true);
		FormDefinition form = form(formId);
		Optional<Drafts.Draft> existing = draft(session, form);
		UUID id = existing.map(Drafts.Draft::id).orElseGet(() -> drafts.create(form));
		session.setAttribute(DRAFT + formId, id);
		return "redirect:" + firstOpenStepUrl(form, existing.map(Drafts.Draft::answers).orElse(Map.of()));
	}

	@GetMapping("/{formId:[a-z0-9-]+}/schritt/{stepId}")
	String step(@PathVariable String formId, @PathVariable String stepId,
			@RequestParam(name = "zurueck", required = false) String back, HttpSession session,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		FormDefinition form = form(formId);
		Optional<Drafts.Draft> draft = draft(session, form);
		if (draft.isEmpty()) {
			return "redirect:/antrag/" + formId;
		}
		Map<String, String> answers = draft.get().answers();
		Optional<String> redirect = guard(form, answers, stepId);
		if (redirect.isPresent()) {
			return "redirect:" + redirect.get();
		}
		return renderStep(form, form.step(stepId).orElseThrow(), answers, Map.of(), "pruefen".equals(back), ctx, model);
	}

	@PostMapping("/{formId:[a-z0-9-]+}/schritt/{stepId}")
	String saveStep(@PathVariable String formId, @PathVariable String stepId,
			@RequestParam(name = "aktion", defaultValue = "weiter") String action,
			@RequestParam(name = "zurueck", required = false) String back, HttpServletRequest request,
			HttpSession session, @ModelAttribute("ctx") PageContext ctx, Model model) {
		FormDefinition form = form(formId);
		Optional<Drafts.Draft> draft = draft(session, form);
		if (draft.isEmpty()) {
			return "redirect:/antrag/" + formId;
		}
		Optional<String> redirect = guard(form, draft.get().answers(), stepId);
		if (redirect.isPresent()) {
			return "redirect:" + redirect.get();
		}
		Step step = form.step(stepId).orElseThrow();
		Map<String, String> answers = new LinkedHashMap<>(draft.get().answers());
		for (Field field : step.fields()) {
			if (field.type() == FieldType.FILE) {
				continue;
			}
			for (String input : field.inputs()) {
				String[] values = request.getParameterValues(input);
				String joined = values == null ? "" : String.join(",", List.of(values).stream()
					.map(v -> FormEngine.normalise(field, v)).filter(v -> !v.isEmpty()).toList());
				if (field.type() == FieldType.CHECKBOX && field.options().isEmpty() && !joined.isEmpty()) {
					joined = "ja";
				}
				answers.put(input, joined);
			}
		}
		Map<String, String> uploadErrors = new LinkedHashMap<>();
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (Field field : step.fields()) {
				MultipartFile file = multipart.getFile(field.id());
				if (field.type() != FieldType.FILE || file == null || file.isEmpty() && file.getOriginalFilename().isEmpty()) {
					continue;
				}
				if (!FormEngine.shown(field.showIf(), answers)) {
					continue;
				}
				Uploads.Outcome outcome = uploads.accept(field, file, draft.get().id(), null, null);
				if (outcome.error() != null) {
					uploadErrors.put(field.anchor(), outcome.error());
				}
				else {
					answers.put(field.id(), outcome.file().id().toString());
				}
			}
		}
		drafts.saveAnswers(draft.get().id(), answers);
		if ("speichern".equals(action)) {
			return "redirect:/antrag/" + formId + "/speichern";
		}
		Map<String, String> errors = new LinkedHashMap<>(uploadErrors);
		FormEngine.validate(form, step, answers, today()).forEach(errors::putIfAbsent);
		if (!errors.isEmpty()) {
			return renderStep(form, step, answers, errors, "pruefen".equals(back), ctx, model);
		}
		if ("pruefen".equals(back)) {
			return "redirect:" + firstOpenStepUrl(form, answers);
		}
		List<Step> visible = FormEngine.visibleSteps(form, answers);
		int index = visible.indexOf(step);
		return "redirect:" + (index + 1 < visible.size() ? stepUrl(form, visible.get(index + 1)) : checkUrl(form));
	}

	@GetMapping("/{formId:[a-z0-9-]+}/pruefen")
	String check(@PathVariable String formId, HttpSession session, @ModelAttribute("ctx") PageContext ctx, Model model) {
		FormDefinition form = form(formId);
		Optional<Drafts.Draft> draft = draft(session, form);
		if (draft.isEmpty()) {
			return "redirect:/antrag/" + formId;
		}
		String open = firstOpenStepUrl(form, draft.get().answers());
		if (!open.equals(checkUrl(form))) {
			return "redirect:" + open;
		}
		return renderCheck(form, draft.get().answers(), null, ctx, model);
	}

	@PostMapping("/{formId:[a-z0-9-]+}/absenden")
	String submit(@PathVariable String formId, @RequestParam(name = "erklaerung", required = false) String declaration,
			@RequestParam(name = "benachrichtigen", required = false) String notify, HttpSession session,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		FormDefinition form = form(formId);
		Optional<Drafts.Draft> draft = draft(session, form);
		if (draft.isEmpty()) {
			Object done = session.getAttribute(CONFIRMATION);
			if (done instanceof FlowViews.Confirmation c && c.formId().equals(formId)) {
				// a second click or a replayed POST: the application was already submitted once
				return "redirect:/antrag/" + formId + "/bestaetigung";
			}
			return "redirect:/antrag/" + formId;
		}
		Map<String, String> answers = draft.get().answers();
		String open = firstOpenStepUrl(form, answers);
		if (!open.equals(checkUrl(form))) {
			return "redirect:" + open;
		}
		if (declaration == null) {
			return renderCheck(form, answers, ctx.t("applications.check.declaration.error"), ctx, model);
		}
		Map<String, String> effective = FormEngine.effectiveAnswers(form, answers);
		Cases.Submission submission = cases.submit(form, draft.get().id(), effective, notify != null, outbox.enabled());
		session.removeAttribute(DRAFT + formId);
		String email = form.contactEmailField() == null ? null : effective.get(form.contactEmailField());
		session.setAttribute(CONFIRMATION, new FlowViews.Confirmation(formId, form.title(), submission.reference(),
				submission.trackingCode(), email));
		return "redirect:/antrag/" + formId + "/bestaetigung";
	}

	@GetMapping("/{formId:[a-z0-9-]+}/bestaetigung")
	String confirmation(@PathVariable String formId, HttpSession session, @ModelAttribute("ctx") PageContext ctx,
			Model model) {
		FormDefinition form = form(formId);
		if (!(session.getAttribute(CONFIRMATION) instanceof FlowViews.Confirmation c) || !c.formId().equals(formId)) {
			return "redirect:/antrag/" + formId;
		}
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("applications.confirmation.title"), applicationsCrumb(ctx)));
		model.addAttribute("confirmation", c);
		model.addAttribute("processingTime", catalogue.findBySlug(form.leistung()).map(l -> l.processingTime()).orElse(null));
		return "applications/confirmation";
	}

	@GetMapping("/{formId:[a-z0-9-]+}/bestaetigung.pdf")
	org.springframework.http.ResponseEntity<byte[]> receipt(@PathVariable String formId, HttpSession session) {
		FormDefinition form = form(formId);
		if (!(session.getAttribute(CONFIRMATION) instanceof FlowViews.Confirmation c) || !c.formId().equals(formId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Cases.CaseRecord record = cases.find(c.reference()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		byte[] pdf = Receipt.render(form.title(), c.reference(), c.trackingCode(),
				java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'")
					.format(record.submittedAt().atZone(PageContext.CITY_ZONE)),
				receiptLines(forms.form(record.formId(), record.formVersion()), record.answers()));
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "attachment; filename=\"Eingangsbestaetigung-" + c.reference() + ".pdf\"")
			.header("Cache-Control", "no-store")
			.body(pdf);
	}

	private List<Receipt.Line> receiptLines(FormDefinition form, Map<String, String> answers) {
		Map<String, String> fileNames = uploads.names(answers.values());
		List<Receipt.Line> lines = new ArrayList<>();
		for (Step step : FormEngine.visibleSteps(form, answers)) {
			lines.add(new Receipt.Line(step.title(), null));
			for (Field field : FormEngine.visibleFields(step, answers)) {
				lines.add(new Receipt.Line(field.label(), FormEngine.display(field, answers, fileNames)));
			}
		}
		return lines;
	}

	@GetMapping("/{formId:[a-z0-9-]+}/speichern")
	String saveForLater(@PathVariable String formId, HttpSession session, @ModelAttribute("ctx") PageContext ctx,
			Model model) {
		FormDefinition form = form(formId);
		Optional<Drafts.Draft> draft = draft(session, form);
		if (draft.isEmpty()) {
			return "redirect:/antrag/" + formId;
		}
		String email = form.contactEmailField() == null ? "" : draft.get().answers().getOrDefault(form.contactEmailField(), "");
		return renderSave(form, email, Map.of(), ctx, model);
	}

	@PostMapping("/{formId:[a-z0-9-]+}/speichern")
	String sendResumeLink(@PathVariable String formId, @RequestParam(defaultValue = "") String email,
			HttpSession session, @ModelAttribute("ctx") PageContext ctx, Model model) {
		FormDefinition form = form(formId);
		Optional<Drafts.Draft> draft = draft(session, form);
		if (draft.isEmpty()) {
			return "redirect:/antrag/" + formId;
		}
		String address = email.strip();
		if (address.length() > 254 || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			return renderSave(form, email, Map.of("email", ctx.t("applications.save.email.error")), ctx, model);
		}
		String token = drafts.newResumeToken(draft.get().id());
		notifications.resumeLink(address, form, token, drafts.resumeValidity().toDays());
		session.removeAttribute(DRAFT + formId);
		return "redirect:/antrag/" + formId + "/gespeichert";
	}

	@GetMapping("/{formId:[a-z0-9-]+}/gespeichert")
	String saved(@PathVariable String formId, @ModelAttribute("ctx") PageContext ctx, Model model) {
		FormDefinition form = form(formId);
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("applications.saved.title"), applicationsCrumb(ctx)));
		model.addAttribute("formTitle", form.title());
		model.addAttribute("days", drafts.resumeValidity().toDays());
		return "applications/saved";
	}

	@GetMapping("/fortsetzen")
	String resume(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		Optional<Drafts.Draft> draft = drafts.findByResumeToken(code).flatMap(drafts::find);
		if (draft.isEmpty() || forms.form(draft.get().formId()).isEmpty()) {
			model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("applications.resume.invalid.title"), applicationsCrumb(ctx)));
			return "applications/resume-invalid";
		}
		FormDefinition form = forms.form(draft.get().formId()).orElseThrow();
		request.getSession(true).setAttribute(DRAFT + form.id(), draft.get().id());
		return "redirect:" + firstOpenStepUrl(form, draft.get().answers());
	}

	// --- helpers ---

	private String renderStep(FormDefinition form, Step step, Map<String, String> answers, Map<String, String> errors,
			boolean returnToCheck, PageContext ctx, Model model) {
		List<Step> visible = FormEngine.visibleSteps(form, answers);
		int index = visible.indexOf(step);
		List<String> sameStep = step.fields().stream().map(Field::id).toList();
		Map<String, String> fileNames = uploads.names(answers.values());
		List<FieldView> fields = new ArrayList<>();
		for (Field field : step.fields()) {
			String condition = null;
			if (field.showIf() != null) {
				if (sameStep.contains(field.showIf().field())) {
					Field trigger = form.field(field.showIf().field()).orElseThrow();
					condition = field.showIf().equals().stream().map(v -> trigger.optionLabel(v).orElse(v))
						.map(l -> "„" + l + "“").reduce((a, b) -> a + " " + ctx.t("applications.or") + " " + b).orElse("");
				}
				else if (!FormEngine.shown(field.showIf(), answers)) {
					continue;
				}
			}
			fields.add(FieldView.of(field, answers, errors, condition,
					fileNames.get(answers.getOrDefault(field.id(), ""))));
		}
		String back = index <= 0 ? "/antrag/" + form.id() : stepUrl(form, visible.get(index - 1));
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, step.title(), applicationsCrumb(ctx),
				new Breadcrumb(form.title(), "/antrag/" + form.id())));
		model.addAttribute("step", new FlowViews.Step(form.id(), form.title(), step.id(), step.title(), step.intro(),
				index + 1, visible.size(), fields, step.hasUpload(), returnToCheck ? checkUrl(form) : back, returnToCheck));
		model.addAttribute("errors", summary(errors));
		return "applications/step";
	}

	private String renderCheck(FormDefinition form, Map<String, String> answers, String declarationError,
			PageContext ctx, Model model) {
		Map<String, String> fileNames = uploads.names(answers.values());
		List<FlowViews.Section> sections = new ArrayList<>();
		for (Step step : FormEngine.visibleSteps(form, answers)) {
			String change = stepUrl(form, step) + "?zurueck=pruefen";
			List<FlowViews.Row> rows = FormEngine.visibleFields(step, answers)
				.stream()
				.map(f -> new FlowViews.Row(f.label(), FormEngine.display(f, answers, fileNames), change))
				.toList();
			sections.add(new FlowViews.Section(step.title(), change, rows));
		}
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("applications.check.title"), applicationsCrumb(ctx),
				new Breadcrumb(form.title(), "/antrag/" + form.id())));
		model.addAttribute("formId", form.id());
		model.addAttribute("formTitle", form.title());
		model.addAttribute("declaration", form.declaration());
		model.addAttribute("sections", sections);
		model.addAttribute("canNotify", form.contactEmailField() != null
				&& !answers.getOrDefault(form.contactEmailField(), "").isEmpty());
		model.addAttribute("errors", declarationError == null ? Map.of() : Map.of("erklaerung", declarationError));
		return "applications/check";
	}

	private String renderSave(FormDefinition form, String email, Map<String, String> errors, PageContext ctx, Model model) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("applications.save.title"), applicationsCrumb(ctx),
				new Breadcrumb(form.title(), "/antrag/" + form.id())));
		model.addAttribute("formId", form.id());
		model.addAttribute("formTitle", form.title());
		model.addAttribute("email", email);
		model.addAttribute("days", drafts.resumeValidity().toDays());
		model.addAttribute("errors", errors);
		return "applications/save";
	}

	/** Error summary entries: anchor → message, for the error-summary template. */
	static Map<String, String> summary(Map<String, String> errors) {
		return new LinkedHashMap<>(errors);
	}

	/** Where someone may be: the requested step if every visible step before it is complete, else the first open one. */
	private Optional<String> guard(FormDefinition form, Map<String, String> answers, String stepId) {
		List<Step> visible = FormEngine.visibleSteps(form, answers);
		Optional<Step> requested = visible.stream().filter(s -> s.id().equals(stepId)).findFirst();
		if (requested.isEmpty()) {
			return Optional.of(firstOpenStepUrl(form, answers));
		}
		for (Step step : visible) {
			if (step == requested.get()) {
				return Optional.empty();
			}
			if (!FormEngine.validate(form, step, answers, today()).isEmpty()) {
				return Optional.of(stepUrl(form, step));
			}
		}
		return Optional.empty();
	}

	private String firstOpenStepUrl(FormDefinition form, Map<String, String> answers) {
		for (Step step : FormEngine.visibleSteps(form, answers)) {
			if (!FormEngine.validate(form, step, answers, today()).isEmpty()) {
				return stepUrl(form, step);
			}
		}
		return checkUrl(form);
	}

	private Optional<Drafts.Draft> draft(HttpSession session, FormDefinition form) {
		if (session == null || !(session.getAttribute(DRAFT + form.id()) instanceof UUID id)) {
			return Optional.empty();
		}
		return drafts.find(id).filter(d -> d.formId().equals(form.id()));
	}

	private FormDefinition form(String formId) {
		return forms.form(formId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private FlowViews.Start start(FormDefinition form) {
		return new FlowViews.Start(form.id(), form.title(), form.intro(), form.before(), form.duration(),
				form.steps().size(), form.leistung());
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(PageContext.CITY_ZONE));
	}

	static String stepUrl(FormDefinition form, Step step) {
		return "/antrag/" + form.id() + "/schritt/" + step.id();
	}

	static String checkUrl(FormDefinition form) {
		return "/antrag/" + form.id() + "/pruefen";
	}

	static Breadcrumb applicationsCrumb(PageContext ctx) {
		return new Breadcrumb(ctx.t("applications.title"), "/antrag");
	}
}
