package de.bochum.portal.appointments.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import de.bochum.portal.identity.StaffDirectory;
import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.PageContext;
import de.bochum.portal.platform.StaffLink;
import de.bochum.portal.privacy.AuditLog;
import de.bochum.portal.services.OpeningHours;
import de.bochum.portal.services.ServiceCatalogue;

import org.springframework.context.annotation.Bean;
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

/**
 * The staff's day plan: who comes when to which counter, check-in, no-show, calling to the
 * counter, blocking times and taking walk-ins. Caseworkers see the offices of their Dienststellen;
 * administrators see all. Every view of the plan (it shows names) goes into the audit log.
 */
@Controller
@RequestMapping("/intern/termine")
@PreAuthorize("hasAnyRole('CASEWORKER', 'ADMIN')")
public class StaffController {

	static final String RECORD_TYPE = "termin";

	private final Offices offices;
	private final Bookings bookings;
	private final StaffDirectory staff;
	private final AuditLog audit;
	private final ServiceCatalogue catalogue;
	private final AppointmentProperties properties;
	private final Clock clock;

	StaffController(Offices offices, Bookings bookings, StaffDirectory staff, AuditLog audit, ServiceCatalogue catalogue,
			AppointmentProperties properties, Clock clock) {
		this.offices = offices;
		this.bookings = bookings;
		this.staff = staff;
		this.audit = audit;
		this.catalogue = catalogue;
		this.properties = properties;
		this.clock = clock;
	}

	@Bean
	static StaffLink appointmentsStaffLink() {
		return new StaffLink("appointments.staff.link", "/intern/termine", Set.of("CASEWORKER", "ADMIN"), 200);
	}

	/** One counter's column of the day plan. */
	public record CounterPlan(Office.Counter counter, List<Booking> bookings) {
	}

	@GetMapping
	String index(Authentication who, @ModelAttribute("ctx") PageContext ctx, Model model) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("appointments.staff.title"), new Breadcrumb(ctx.t("staff.title"), "/intern")));
		model.addAttribute("offices", visible(who));
		model.addAttribute("today", today());
		return "appointments/staff-offices";
	}

	@GetMapping("/{office}")
	String day(@PathVariable String office, @RequestParam(name = "tag", required = false) String tag, Authentication who,
			@ModelAttribute("ctx") PageContext ctx, Model model) {
		Office o = office(who, office);
		LocalDate day = parseDay(tag);
		return dayPage(who, ctx, model, o, day, Map.of(), Map.of());
	}

	private String dayPage(Authentication who, PageContext ctx, Model model, Office o, LocalDate day, Map<String, String> input,
			Map<String, String> errors) {
		List<Booking> all = bookings.day(o, day);
		audit.record(who.getName(), AuditLog.Action.VIEW, "termin-tagesplan", o.slug() + "/" + day, "");
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, o.name(), new Breadcrumb(ctx.t("staff.title"), "/intern"),
				new Breadcrumb(ctx.t("appointments.staff.title"), "/intern/termine")));
		model.addAttribute("office", o);
		model.addAttribute("day", day);
		model.addAttribute("plans", o.counters().stream()
			.map(c -> new CounterPlan(c, all.stream().filter(b -> b.counterId() == c.id()).toList()))
			.toList());
		model.addAttribute("leistungen", catalogue.leistungen().stream()
			.filter(l -> l.appointment() && o.standort().dienststelleSlug().equals(l.dienststelleSlug())).toList());
		model.addAttribute("input", input);
		model.addAttribute("errors", errors);
		model.addAttribute("maxQuantity", properties.maxQuantity());
		return "appointments/staff-day";
	}

	@PostMapping("/{office}/termin/{id}/{action:aufrufen|angemeldet|nicht-erschienen}")
	String status(@PathVariable String office, @PathVariable long id, @PathVariable String action,
			@RequestParam(name = "tag", required = false) String tag, Authentication who) {
		Office o = office(who, office);
		boolean done = switch (action) {
			case "aufrufen" -> bookings.staffUpdate(o, id, "status = 'CHECKED_IN', called_at = :now", "CONFIRMED", "CHECKED_IN");
			case "angemeldet" -> bookings.staffUpdate(o, id, "status = 'CHECKED_IN'", "CONFIRMED", "NO_SHOW");
			default -> bookings.staffUpdate(o, id, "status = 'NO_SHOW'", "CONFIRMED", "CHECKED_IN");
		};
		if (done) {
			audit.record(who.getName(), AuditLog.Action.CHANGE, RECORD_TYPE, String.valueOf(id), action);
		}
		return "redirect:/intern/termine/" + o.slug() + "?tag=" + parseDay(tag);
	}

	@PostMapping("/{office}/sperren")
	String block(@PathVariable String office, @RequestParam Map<String, String> form, Authentication who,
			@ModelAttribute("ctx") PageContext ctx, Model model, HttpServletResponse response) {
		Office o = office(who, office);
		LocalDate day = parseDay(form.get("tag"));
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<Office.Counter> counter = counter(o, form.get("sperre-schalter"));
		LocalTime from = time(form.get("sperre-von"));
		LocalTime to = time(form.get("sperre-bis"));
		String reason = form.getOrDefault("sperre-grund", "").strip();
		if (counter.isEmpty()) {
			errors.put("sperre-schalter", "appointments.staff.error.counter");
		}
		if (from == null) {
			errors.put("sperre-von", "appointments.staff.error.time");
		}
		if (to == null || (from != null && !to.isAfter(from))) {
			errors.put("sperre-bis", "appointments.staff.error.until");
		}
		if (reason.isEmpty() || reason.length() > 200) {
			errors.put("sperre-grund", "appointments.staff.error.reason");
		}
		if (errors.isEmpty()) {
			int minutes = (int) java.time.Duration.between(from, to).toMinutes();
			Optional<String> blocked = bookings.staffInsert(o, counter.get().id(), day.atTime(from), minutes, "BLOCKED", null,
					reason, false, null);
			if (blocked.isPresent()) {
				audit.record(who.getName(), AuditLog.Action.CHANGE, RECORD_TYPE, blocked.get(), "gesperrt");
				return "redirect:/intern/termine/" + o.slug() + "?tag=" + day;
			}
			errors.put("sperre-von", "appointments.staff.error.overlap");
		}
		response.setStatus(422);
		return dayPage(who, ctx, model, o, day, form, errors);
	}

	@PostMapping("/{office}/spontan")
	String walkIn(@PathVariable String office, @RequestParam Map<String, String> form, Authentication who,
			@ModelAttribute("ctx") PageContext ctx, Model model, HttpServletResponse response) {
		Office o = office(who, office);
		LocalDate today = today();
		String quantity = form.getOrDefault("spontan-anzahl", "1");
		Optional<Choice> choice = quantity.matches("[1-9]")
				? Choice.parse(form.getOrDefault("spontan-leistung", "") + "*" + quantity, catalogue, properties.maxQuantity())
				: Optional.empty();
		String name = form.getOrDefault("spontan-name", "").strip();
		Map<String, String> errors = new LinkedHashMap<>();
		if (choice.isEmpty() || !o.standort().dienststelleSlug().equals(choice.get().dienststelle())) {
			errors.put("spontan-leistung", "appointments.staff.error.service");
		}
		if (name.length() > 120) {
			errors.put("spontan-name", "appointments.error.name.long");
		}
		if (errors.isEmpty()) {
			int minutes = choice.get().minutes(o);
			LocalDateTime now = clock.instant().atZone(OpeningHours.BOCHUM).toLocalDateTime();
			for (SlotFinder.Slot slot : bookings.freeSlots(choice.get(), o)) {
				if (!slot.day().equals(today)) {
					break;
				}
				if (slot.start().isBefore(now)) {
					continue;
				}
				Optional<String> reference = bookings.staffInsert(o, slot.counters().get(0), slot.start(), minutes, "CHECKED_IN",
						name.isEmpty() ? null : name, null, true, choice.get());
				if (reference.isPresent()) {
					audit.record(who.getName(), AuditLog.Action.CHANGE, RECORD_TYPE, reference.get(), "spontan");
					return "redirect:/intern/termine/" + o.slug() + "?tag=" + today;
				}
			}
			errors.put("spontan-leistung", "appointments.staff.error.full");
		}
		response.setStatus(422);
		return dayPage(who, ctx, model, o, today, form, errors);
	}

	/** The offices the person may see: all for administrators, else those of their Dienststellen. */
	private List<Office> visible(Authentication who) {
		StaffDirectory.OfficeScope scope = staff.scopeOf(who.getName());
		return offices.all().stream().filter(o -> scope.covers(o.standort().dienststelleSlug())).toList();
	}

	private Office office(Authentication who, String slug) {
		return visible(who).stream()
			.filter(o -> o.slug().equals(slug))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static Optional<Office.Counter> counter(Office office, String id) {
		return office.counters().stream().filter(c -> String.valueOf(c.id()).equals(id)).findFirst();
	}

	private LocalDate today() {
		return clock.instant().atZone(OpeningHours.BOCHUM).toLocalDate();
	}

	private LocalDate parseDay(String tag) {
		try {
			return tag == null || tag.isBlank() ? today() : LocalDate.parse(tag);
		}
		catch (DateTimeParseException e) {
			return today();
		}
	}

	private static LocalTime time(String value) {
		try {
			return value == null ? null : LocalTime.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
