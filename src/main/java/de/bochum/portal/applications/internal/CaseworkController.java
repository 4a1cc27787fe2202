package de.bochum.portal.applications.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import de.bochum.portal.applications.CaseState;
import de.bochum.portal.applications.internal.FormDefinition.Field;
import de.bochum.portal.applications.internal.FormDefinition.Step;
import de.bochum.portal.identity.Role;
import de.bochum.portal.identity.StaffDirectory;
import de.bochum.portal.identity.StaffMember;
import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.PageContext;
import de.bochum.portal.platform.StaffLink;
import de.bochum.portal.privacy.AuditLog;
import de.bochum.portal.services.Dienststelle;
import de.bochum.portal.services.ServiceCatalogue;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The caseworkers' inbox: the cases of their own offices (administrators see all), each case with
 * answers, files and history, its transitions, internal notes and assignment. Every look at a case
 * and every change goes to the access audit log; a case of another office opens only with a typed
 * reason, which the log keeps.
 */
@Controller
@RequestMapping("/intern/antraege")
@PreAuthorize("hasAnyRole('CASEWORKER','ADMIN')")
class CaseworkController {

	static final String GRANTED = "applications.granted";
	static final String RECORD_TYPE = "antrag";

	private final Cases cases;
	private final FormCatalogue forms;
	private final Uploads uploads;
	private final StaffDirectory staff;
	private final AuditLog audit;
	private final ServiceCatalogue catalogue;
	private final DeliveryOutbox outbox;

	CaseworkController(Cases cases, FormCatalogue forms, Uploads uploads, StaffDirectory staff, AuditLog audit,
			ServiceCatalogue catalogue, DeliveryOutbox outbox) {
		this.cases = cases;
		this.forms = forms;
		this.uploads = uploads;
		this.staff = staff;
		this.audit = audit;
		this.catalogue = catalogue;
		this.outbox = outbox;
	}

	@Bean
	static StaffLink applicationsStaffLink() {
		return new StaffLink("applications.inbox.link", "/intern/antraege", Set.of("CASEWORKER", "ADMIN"), 20);
	}

	@GetMapping
	String inbox(@RequestParam(name = "stand", required = false) String state,
			@RequestParam(name = "formular", required = false) String form,
			@RequestParam(name = "meine", required = false) String mine, Authentication user,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		Set<String> scope = scope(user);
		CaseState stateFilter = parseState(state);
		String formFilter = form != null && forms.form(form).isPresent() ? form : null;
		List<CaseViews.Line> lines = cases.list(scope, stateFilter, formFilter, mine != null, user.getName())
			.stream()
			.map(row -> new CaseViews.Line(row.reference(), title(row.formId()), officeName(row.dienststelle()),
					row.state().name(), row.assignedTo(), ctx.dateTime(row.submittedAt())))
			.toList();
		Map<String, Long> counts = new LinkedHashMap<>();
		cases.counts(scope).forEach((k, v) -> counts.put(k.name(), v));
		String scopeText = scope == null ? ctx.t("applications.inbox.scope.all")
				: scope.isEmpty() ? ctx.t("applications.inbox.scope.none")
						: ctx.t("applications.inbox.scope", String.join(", ", scope.stream().map(this::officeName).sorted().toList()));
		List<CaseViews.Option> formOptions = forms.forms().stream().map(f -> new CaseViews.Option(f.id(), f.title())).toList();
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("applications.inbox.title"), staffArea(ctx)));
		model.addAttribute("inbox", new CaseViews.Inbox(scopeText, counts, lines,
				new CaseViews.Filter(stateFilter == null ? "" : stateFilter.name(), formFilter == null ? "" : formFilter, mine != null),
				formOptions, isAdmin(user)));
		return "applications/inbox";
	}

	@GetMapping("/{reference:BO-[0-9A-Z-]+}")
	String show(@PathVariable String reference, @RequestParam(required = false) String gespeichert, Authentication user,
			HttpSession session, @ModelAttribute("ctx") PageContext ctx, Model model) {
		Cases.CaseRecord record = find(reference);
		Optional<String> reason = access(record, user, session);
		if (reason.isEmpty()) {
			return renderReason(record, "", Map.of(), ctx, model);
		}
		audit.record(user.getName(), AuditLog.Action.VIEW, RECORD_TYPE, reference, reason.get());
		model.addAttribute("notice", gespeichert != null ? ctx.t("applications.case.saved") : null);
		return renderCase(record, null, Map.of(), ctx, model);
	}

	@PostMapping("/{reference:BO-[0-9A-Z-]+}/zugriff")
	String grant(@PathVariable String reference, @RequestParam(name = "grund", defaultValue = "") String reason,
			Authentication user, HttpSession session, @ModelAttribute("ctx") PageContext ctx, Model model) {
		Cases.CaseRecord record = find(reference);
		String text = reason.strip();
		if (text.length() < 10 || text.length() > 500) {
			return renderReason(record, reason, Map.of("grund", ctx.t("applications.case.reason.error")), ctx, model);
		}
		granted(session).put(reference, text);
		return "redirect:/intern/antraege/" + reference;
	}

	@PostMapping("/{reference:BO-[0-9A-Z-]+}/status")
	String transition(@PathVariable String reference, @RequestParam(name = "stand", defaultValue = "") String target,
			@RequestParam(name = "nachricht", defaultValue = "") String note, @RequestParam(defaultValue = "-1") long version,
			Authentication user, HttpSession session, @ModelAttribute("ctx") PageContext ctx, Model model) {
		Cases.CaseRecord record = find(reference);
		String reason = requireAccess(record, user, session);
		CaseState state = parseState(target);
		Map<String, String> errors = new LinkedHashMap<>();
		if (state == null || !record.state().next().contains(state)) {
			errors.put("stand", ctx.t("applications.case.transition.error.target"));
		}
		else if (state == CaseState.RUECKFRAGE && note.isBlank()) {
			errors.put("nachricht", ctx.t("applications.case.transition.error.note"));
		}
		else if (note.length() > 4000) {
			errors.put("nachricht", "Die Nachricht darf höchstens 4000 Zeichen lang sein.");
		}
		if (!errors.isEmpty()) {
			return renderCase(record, null, errors, ctx, model);
		}
		try {
			cases.changeState(record, version, state, note, user.getName());
		}
		catch (Cases.ConcurrentChange e) {
			return conflict(reference, ctx, model);
		}
		audit.record(user.getName(), AuditLog.Action.CHANGE, RECORD_TYPE, reference, reason);
		return "redirect:/intern/antraege/" + reference + "?gespeichert";
	}

	@PostMapping("/{reference:BO-[0-9A-Z-]+}/vermerk")
	String note(@PathVariable String reference, @RequestParam(name = "vermerk", defaultValue = "") String text,
			Authentication user, HttpSession session, @ModelAttribute("ctx") PageContext ctx, Model model) {
		Cases.CaseRecord record = find(reference);
		String reason = requireAccess(record, user, session);
		if (text.isBlank() || text.length() > 4000) {
			return renderCase(record, null, Map.of("vermerk", ctx.t("applications.case.note.error")), ctx, model);
		}
		cases.note(record, text.strip(), user.getName());
		audit.record(user.getName(), AuditLog.Action.CHANGE, RECORD_TYPE, reference, reason);
		return "redirect:/intern/antraege/" + reference + "?gespeichert";
	}

	@PostMapping("/{reference:BO-[0-9A-Z-]+}/zuweisen")
	String assign(@PathVariable String reference, @RequestParam(name = "an", defaultValue = "") String assignee,
			@RequestParam(defaultValue = "-1") long version, Authentication user, HttpSession session,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		Cases.CaseRecord record = find(reference);
		String reason = requireAccess(record, user, session);
		if (!assignee.isEmpty() && colleagues(record).stream().noneMatch(m -> m.username().equals(assignee))) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		try {
			cases.assign(record, version, assignee, user.getName());
		}
		catch (Cases.ConcurrentChange e) {
			return conflict(reference, ctx, model);
		}
		audit.record(user.getName(), AuditLog.Action.CHANGE, RECORD_TYPE, reference, reason);
		return "redirect:/intern/antraege/" + reference + "?gespeichert";
	}

	@GetMapping("/{reference:BO-[0-9A-Z-]+}/dateien/{id}")
	ResponseEntity<byte[]> file(@PathVariable String reference, @PathVariable String id, Authentication user,
			HttpSession session) {
		Cases.CaseRecord record = find(reference);
		String reason = requireAccess(record, user, session);
		Uploads.FileRow row = Uploads.uuid(id).flatMap(uuid -> uploads.fileOfCase(record.id(), uuid))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		byte[] content = uploads.content(row).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		audit.record(user.getName(), AuditLog.Action.VIEW, RECORD_TYPE, reference + "/" + row.fileName(), reason);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(row.contentType()))
			.header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
				.filename(row.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("Cache-Control", "no-store")
			.body(content);
	}

	@GetMapping("/zustellung")
	@PreAuthorize("hasRole('ADMIN')")
	String deliveries(@RequestParam(name = "stand", defaultValue = "DEAD") String state,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		String filter = List.of("PENDING", "DELIVERED", "DEAD").contains(state) ? state : "DEAD";
		if (!model.containsAttribute("notice")) {
			model.addAttribute("notice", null);
		}
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("applications.delivery.title"), staffArea(ctx),
				new Breadcrumb(ctx.t("applications.inbox.title"), "/intern/antraege")));
		model.addAttribute("enabled", outbox.enabled());
		model.addAttribute("state", filter);
		model.addAttribute("counts", outbox.counts());
		model.addAttribute("rows", outbox.rows(filter)
			.stream()
			.map(r -> new CaseViews.Delivery(r.reference(), officeName(r.dienststelle()), r.state(), r.attempts(),
					ctx.dateTime(r.nextAttemptAt()), r.lastError(), ctx.dateTime(r.deliveredAt())))
			.toList());
		return "applications/deliveries";
	}

	@PostMapping("/zustellung/{reference:BO-[0-9A-Z-]+}/erneut")
	@PreAuthorize("hasRole('ADMIN')")
	String retry(@PathVariable String reference, @ModelAttribute("ctx") PageContext ctx, RedirectAttributes redirect) {
		boolean ok = outbox.retryNow(reference);
		redirect.addFlashAttribute("notice", ctx.t(ok ? "applications.delivery.retried.ok" : "applications.delivery.retried.failed",
				reference));
		return "redirect:/intern/antraege/zustellung?stand=" + (ok ? "DELIVERED" : "DEAD");
	}

	// --- helpers ---

	/** The offices whose cases the person sees; {@code null} for all (administrators). */
	private Set<String> scope(Authentication user) {
		StaffDirectory.OfficeScope scope = staff.scopeOf(user.getName());
		return scope.everywhere() ? null : scope.offices();
	}

	private boolean isAdmin(Authentication user) {
		return staff.scopeOf(user.getName()).everywhere();
	}

	/** The reason for this access ("" within one's scope), or empty if a reason is still needed. */
	private Optional<String> access(Cases.CaseRecord record, Authentication user, HttpSession session) {
		Set<String> scope = scope(user);
		if (scope == null || scope.contains(record.dienststelle())) {
			return Optional.of("");
		}
		return Optional.ofNullable(granted(session).get(record.reference()));
	}

	private String requireAccess(Cases.CaseRecord record, Authentication user, HttpSession session) {
		return access(record, user, session).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> granted(HttpSession session) {
		Object granted = session.getAttribute(GRANTED);
		if (!(granted instanceof HashMap<?, ?>)) {
			granted = new HashMap<String, String>();
			session.setAttribute(GRANTED, granted);
		}
		return (Map<String, String>) granted;
	}

	private List<StaffMember> colleagues(Cases.CaseRecord record) {
		return staff.members(record.dienststelle(), Role.CASEWORKER);
	}

	private String conflict(String reference, PageContext ctx, Model model) {
		return renderCase(find(reference), ctx.t("applications.case.conflict"), Map.of(), ctx, model);
	}

	private String renderReason(Cases.CaseRecord record, String reason, Map<String, String> errors, PageContext ctx,
			Model model) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("applications.case.reason.title"), staffArea(ctx),
				new Breadcrumb(ctx.t("applications.inbox.title"), "/intern/antraege")));
		model.addAttribute("reference", record.reference());
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		return "applications/case-reason";
	}

	private String renderCase(Cases.CaseRecord record, String conflict, Map<String, String> errors, PageContext ctx,
			Model model) {
		FormDefinition form = forms.form(record.formId(), record.formVersion());
		List<Uploads.FileRow> files = uploads.filesOfCase(record.id());
		Map<String, String> fileNames = new HashMap<>();
		files.forEach(f -> fileNames.put(f.id().toString(), f.fileName()));
		String base = "/intern/antraege/" + record.reference();
		List<CaseViews.Section> sections = new ArrayList<>();
		for (Step step : FormEngine.visibleSteps(form, record.answers())) {
			List<CaseViews.Answer> answers = new ArrayList<>();
			for (Field field : FormEngine.visibleFields(step, record.answers())) {
				String value = FormEngine.display(field, record.answers(), fileNames);
				String fileId = record.answers().get(field.id());
				answers.add(new CaseViews.Answer(field.label(), value,
						field.type() == FieldType.FILE && fileId != null && fileNames.containsKey(fileId)
								? base + "/dateien/" + fileId : null));
			}
			sections.add(new CaseViews.Section(step.title(), answers));
		}
		List<CaseViews.FileLink> links = files.stream()
			.map(f -> new CaseViews.FileLink(f.fileName(), base + "/dateien/" + f.id(),
					Math.max(1, f.size() / 1024) + " KB"))
			.toList();
		List<CaseViews.Entry> history = cases.history(record.id(), false)
			.stream()
			.map(e -> new CaseViews.Entry(ctx.dateTime(e.at()), e.kind().name(), e.state() == null ? null : e.state().name(),
					e.body(), e.actor()))
			.toList();
		List<CaseViews.Option> colleagues = colleagues(record).stream()
			.map(m -> new CaseViews.Option(m.username(), m.displayName()))
			.toList();
		List<String> next = record.state().next().stream().sorted().map(Enum::name).toList();
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("applications.case.title", record.reference()), staffArea(ctx),
				new Breadcrumb(ctx.t("applications.inbox.title"), "/intern/antraege")));
		model.addAttribute("view", new CaseViews.Case(record.reference(), form.title(), record.formVersion(),
				officeName(record.dienststelle()), record.state().name(), record.state().closed(), next, record.assignedTo(),
				colleagues, record.version(), sections, links, history));
		model.addAttribute("conflict", conflict);
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("notice")) {
			model.addAttribute("notice", null);
		}
		return "applications/case";
	}

	private Cases.CaseRecord find(String reference) {
		return cases.find(reference).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String title(String formId) {
		return forms.form(formId).map(FormDefinition::title).orElse(formId);
	}

	private String officeName(String slug) {
		return catalogue.dienststelle(slug).map(Dienststelle::name).orElse(slug);
	}

	private static CaseState parseState(String state) {
		try {
			return state == null || state.isEmpty() ? null : CaseState.valueOf(state);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	static Breadcrumb staffArea(PageContext ctx) {
		return new Breadcrumb(ctx.t("nav.staff"), "/intern");
	}
}
