package de.bochum.portal.appointments.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.Mailer;
import de.bochum.portal.platform.NavigationItem;
import de.bochum.portal.platform.PageContext;
import de.bochum.portal.platform.RateLimiter;
import de.bochum.portal.services.Leistung;
import de.bochum.portal.services.ServiceCatalogue;

import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The citizen's booking, one question per page: services and how many, office, day and time,
 * name and email; then the hold, confirmed by the link in the mail. Every step works without
 * JavaScript; the state travels in the query, so the back button and bookmarks just work.
 */
@Controller
public class BookingController {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}$");
	static final String ANY = "alle";
	/** Radio buttons per page: enough to choose, few enough to read and to go through by keyboard. */
	private static final int SLOTS_PER_PAGE = 40;

	private final ServiceCatalogue catalogue;
	private final Offices offices;
	private final Bookings bookings;
	private final BookingMails mails;
	private final Altcha altcha;
	private final RateLimiter limits;
	private final AppointmentProperties properties;
	private final Clock clock;
	private final String host;

	BookingController(ServiceCatalogue catalogue, Offices offices, Bookings bookings, BookingMails mails, Altcha altcha,
			RateLimiter limits, AppointmentProperties properties, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${portal.base-url:http://localhost:8080}") String baseUrl) {
		String parsed = URI.create(baseUrl).getHost();
		this.host = parsed == null ? "bochumportal" : parsed;
		this.catalogue = catalogue;
		this.offices = offices;
		this.bookings = bookings;
		this.mails = mails;
		this.altcha = altcha;
		this.limits = limits;
		this.properties = properties;
		this.clock = clock;
	}

	@Bean
	static NavigationItem appointmentsNavigation() {
		return new NavigationItem("appointments.nav", "/termine", 15);
	}

	// --- step 1: services ---

	// Steps 1 to 3 change nothing, so their forms use GET: no session, no cookie until the person
	// enters name and email. Only reserving (and moving a booking) is a POST with a CSRF token.

	@GetMapping("/termine")
	String services(@RequestParam Map<String, String> form, @ModelAttribute("ctx") PageContext ctx, Model model) {
		if (!form.containsKey("weiter")) {
			return servicesPage(ctx, model, Map.of(), Map.of());
		}
		Map<String, String> counts = new LinkedHashMap<>();
		for (Leistung l : bookable()) {
			String value = form.getOrDefault("anzahl-" + l.slug(), "0");
			if (!value.matches("[0-9]") || Integer.parseInt(value) > properties.maxQuantity()) {
				return servicesPage(ctx, model, form, Map.of("anzahl-" + l.slug(), "appointments.error.quantity"));
			}
			if (!"0".equals(value)) {
				counts.put(l.slug(), value);
			}
		}
		String first = bookable().isEmpty() ? "anzahl" : "anzahl-" + bookable().get(0).slug();
		if (counts.isEmpty()) {
			return servicesPage(ctx, model, form, Map.of(first, "appointments.error.services.none"));
		}
		String encoded = counts.entrySet().stream().map(e -> e.getKey() + "*" + e.getValue()).collect(Collectors.joining(","));
		if (Choice.parse(encoded, catalogue, properties.maxQuantity()).isEmpty()) {
			return servicesPage(ctx, model, form, Map.of(first, "appointments.error.services.mixed"));
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/termine/ort").queryParam("l", encoded).build().encode().toUriString();
	}

	private String servicesPage(PageContext ctx, Model model, Map<String, String> input, Map<String, String> errors) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("appointments.title")));
		model.addAttribute("leistungen", bookable());
		model.addAttribute("input", input);
		model.addAttribute("errors", errors);
		model.addAttribute("maxQuantity", properties.maxQuantity());
		return "appointments/services";
	}

	/** Services that can be booked at one of the offices that give appointments. */
	private List<Leistung> bookable() {
		Set<String> dienststellen = offices.all().stream().map(o -> o.standort().dienststelleSlug()).collect(Collectors.toSet());
		return catalogue.leistungen().stream().filter(l -> l.appointment() && dienststellen.contains(l.dienststelleSlug())).toList();
	}

	// --- step 2: office ---

	@GetMapping("/termine/ort")
	String office(@RequestParam(name = "l", required = false) String l,
			@RequestParam(name = "ort", required = false) String ort,
			@RequestParam(name = "weiter", required = false) String weiter, @ModelAttribute("ctx") PageContext ctx,
			Model model, HttpServletResponse response) {
		Optional<Choice> choice = Choice.parse(l, catalogue, properties.maxQuantity());
		if (choice.isEmpty()) {
			return message(ctx, model, response, 400, "appointments.error.choice.title", "appointments.error.choice");
		}
		if (weiter == null) {
			return officePage(ctx, model, choice.get(), null, Map.of());
		}
		boolean known = ANY.equals(ort) || bookings.officesFor(choice.get()).stream().anyMatch(o -> o.slug().equals(ort));
		if (!known) {
			return officePage(ctx, model, choice.get(), ort, Map.of("ort-" + ANY, "appointments.error.office"));
		}
		return "redirect:" + timeUrl(choice.get(), ort, null, null);
	}

	private String officePage(PageContext ctx, Model model, Choice choice, String selected, Map<String, String> errors) {
		List<OfficeOption> options = new ArrayList<>();
		for (Office office : bookings.officesFor(choice)) {
			options.add(new OfficeOption(office, bookings.freeSlots(choice, office, null, 1).stream().findFirst().orElse(null)));
		}
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("appointments.office.title"), startCrumb(ctx)));
		model.addAttribute("choice", choice);
		model.addAttribute("options", options);
		model.addAttribute("selected", selected);
		model.addAttribute("errors", errors);
		return "appointments/office";
	}

	public record OfficeOption(Office office, SlotFinder.Slot earliest) {
	}

	// --- step 3: day and time ---

	/** Free slots of one day, for the radio group of that day. */
	public record Day(LocalDate date, List<SlotFinder.Slot> slots) {
	}

	@GetMapping("/termine/zeit")
	String time(@RequestParam(name = "l", required = false) String l, @RequestParam(name = "ort", required = false) String ort,
			@RequestParam(name = "ab", required = false) String ab,
			@RequestParam(name = "umbuchen", required = false) String umbuchen,
			@RequestParam(name = "termin", required = false) String termin,
			@RequestParam(name = "weiter", required = false) String weiter, @ModelAttribute("ctx") PageContext ctx,
			Model model, HttpServletResponse response) {
		if (weiter != null && umbuchen == null) {
			return chooseTime(l, ort, termin, null, ctx, model, response);
		}
		Optional<Choice> choice = Choice.parse(l, catalogue, properties.maxQuantity());
		Optional<Office> office = ANY.equals(ort) ? Optional.empty() : offices.find(ort == null ? "" : ort);
		if (choice.isEmpty() || (office.isEmpty() && !ANY.equals(ort))) {
			return message(ctx, model, response, 400, "appointments.error.choice.title", "appointments.error.choice");
		}
		java.time.LocalDateTime from = null;
		try {
			from = ab == null ? null : java.time.LocalDateTime.parse(ab);
		}
		catch (java.time.format.DateTimeParseException e) {
			from = null;
		}
		return timePage(ctx, model, choice.get(), ort, office.orElse(null), from, umbuchen, Map.of(), List.of());
	}

	/** GET for a new booking; POST (with CSRF) when an existing booking is moved. */
	@PostMapping("/termine/zeit")
	String chooseTime(@RequestParam(name = "l", required = false) String l,
			@RequestParam(name = "ort", required = false) String ort,
			@RequestParam(name = "termin", required = false) String termin,
			@RequestParam(name = "umbuchen", required = false) String umbuchen, @ModelAttribute("ctx") PageContext ctx,
			Model model, HttpServletResponse response) {
		Optional<Choice> choice = Choice.parse(l, catalogue, properties.maxQuantity());
		Optional<Office> office = ANY.equals(ort) ? Optional.empty() : offices.find(ort == null ? "" : ort);
		if (choice.isEmpty() || (office.isEmpty() && !ANY.equals(ort))) {
			return message(ctx, model, response, 400, "appointments.error.choice.title", "appointments.error.choice");
		}
		if (termin == null || termin.isBlank()) {
			return timePage(ctx, model, choice.get(), ort, office.orElse(null), null, umbuchen,
					Map.of("termin", "appointments.error.time.none"), List.of());
		}
		Optional<SlotId> id = SlotId.parse(termin);
		Optional<Bookings.Outcome> problem = id.isEmpty() ? Optional.of(new Bookings.Refused("appointments.error.slot.invalid"))
				: bookings.check(choice.get(), id.get(), ANY.equals(ort));
		if (problem.isEmpty() && umbuchen != null) {
			problem = Optional.of(bookings.reschedule(umbuchen, id.get()))
				.filter(o -> !(o instanceof Bookings.Held));
			if (problem.isEmpty()) {
				bookings.byToken(umbuchen).ifPresent(b -> mails.confirmed(b, umbuchen));
				return "redirect:" + manageUrl(umbuchen, "umgebucht");
			}
		}
		if (problem.isPresent()) {
			return slotProblem(ctx, model, response, choice.get(), ort, office.orElse(null), umbuchen, problem.get());
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/termine/angaben")
			.queryParam("l", choice.get().encode())
			.queryParam("ort", ort)
			.queryParam("termin", termin)
			.build()
			.encode()
			.toUriString();
	}

	private String slotProblem(PageContext ctx, Model model, HttpServletResponse response, Choice choice, String ort,
			Office office, String umbuchen, Bookings.Outcome problem) {
		if (problem instanceof Bookings.Taken taken) {
			response.setStatus(409);
			return timePage(ctx, model, choice, ort, office, null, umbuchen, Map.of("termin", "appointments.error.slot.taken"),
					taken.alternatives());
		}
		response.setStatus(422);
		String key = ((Bookings.Refused) problem).messageKey();
		return timePage(ctx, model, choice, ort, office, null, umbuchen, Map.of("termin", key), List.of());
	}

	private String timePage(PageContext ctx, Model model, Choice choice, String ort, Office office,
			java.time.LocalDateTime after, String umbuchen, Map<String, String> errors, List<SlotFinder.Slot> alternatives) {
		List<SlotFinder.Slot> free = bookings.freeSlots(choice, office, after, SLOTS_PER_PAGE + 1);
		List<SlotFinder.Slot> page = free.stream().limit(SLOTS_PER_PAGE).toList();
		TreeMap<LocalDate, List<SlotFinder.Slot>> byDay = new TreeMap<>();
		for (SlotFinder.Slot slot : page) {
			byDay.computeIfAbsent(slot.day(), d -> new ArrayList<>()).add(slot);
		}
		java.time.LocalDateTime last = page.isEmpty() ? null : page.get(page.size() - 1).start();
		boolean more = free.size() > SLOTS_PER_PAGE;
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("appointments.time.title"), startCrumb(ctx)));
		model.addAttribute("choice", choice);
		model.addAttribute("ort", ort);
		model.addAttribute("officeName", office == null ? null : office.name());
		model.addAttribute("days", byDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList());
		model.addAttribute("alternatives", alternatives);
		model.addAttribute("nextUrl", more ? timeUrl(choice, ort, last, umbuchen) : null);
		model.addAttribute("umbuchen", umbuchen);
		model.addAttribute("errors", errors);
		model.addAttribute("lastDay", bookings.lastBookableDay());
		model.addAttribute("releaseTime", properties.releaseTime());
		model.addAttribute("backUrl", umbuchen != null ? manageUrl(umbuchen, null) : officeUrl(choice));
		return "appointments/time";
	}

	// --- step 4: name and email, then the hold ---

	@GetMapping("/termine/angaben")
	String details(@RequestParam(name = "l", required = false) String l, @RequestParam(name = "ort", required = false) String ort,
			@RequestParam(name = "termin", required = false) String termin, @ModelAttribute("ctx") PageContext ctx, Model model,
			HttpServletResponse response) {
		Optional<Choice> choice = Choice.parse(l, catalogue, properties.maxQuantity());
		Optional<SlotId> id = SlotId.parse(termin);
		Optional<Office> office = id.flatMap(i -> offices.find(i.office()));
		if (choice.isEmpty() || office.isEmpty() || (!ANY.equals(ort) && !office.get().slug().equals(ort))) {
			return message(ctx, model, response, 400, "appointments.error.choice.title", "appointments.error.slot.invalid");
		}
		return detailsPage(ctx, model, choice.get(), ort, office.get(), id.get(), "", "", Map.of());
	}

	@PostMapping("/termine/angaben")
	String hold(@RequestParam(name = "l", required = false) String l, @RequestParam(name = "ort", required = false) String ort,
			@RequestParam(name = "termin", required = false) String termin,
			@RequestParam(name = "name", defaultValue = "") String name,
			@RequestParam(name = "email", defaultValue = "") String email,
			@RequestParam(name = "altcha", required = false) String altchaPayload, @ModelAttribute("ctx") PageContext ctx,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		Optional<Choice> choice = Choice.parse(l, catalogue, properties.maxQuantity());
		Optional<SlotId> id = SlotId.parse(termin);
		Optional<Office> office = id.flatMap(i -> offices.find(i.office()));
		if (choice.isEmpty() || office.isEmpty() || (!ANY.equals(ort) && !office.get().slug().equals(ort))) {
			return message(ctx, model, response, 400, "appointments.error.choice.title", "appointments.error.slot.invalid");
		}
		String cleanName = name.strip().replaceAll("\\s+", " ");
		String cleanEmail = email.strip().toLowerCase(java.util.Locale.ROOT);
		Map<String, String> errors = new LinkedHashMap<>();
		if (cleanName.isEmpty()) {
			errors.put("name", "appointments.error.name");
		}
		else if (cleanName.length() > 120) {
			errors.put("name", "appointments.error.name.long");
		}
		if (cleanEmail.length() > 254 || !EMAIL.matcher(cleanEmail).matches()) {
			errors.put("email", "appointments.error.email");
		}
		if (!errors.isEmpty()) {
			response.setStatus(422);
			return detailsPage(ctx, model, choice.get(), ort, office.get(), id.get(), name, email, errors);
		}
		Altcha.Verdict verdict = altcha.enabled() ? altcha.verify(altchaPayload) : Altcha.Verdict.VALID;
		if (verdict == Altcha.Verdict.INVALID) {
			response.setStatus(400);
			return detailsPage(ctx, model, choice.get(), ort, office.get(), id.get(), name, email,
					Map.of("name", "appointments.error.pow"));
		}
		AppointmentProperties.Rate rate = properties.rate();
		String ip = request.getRemoteAddr();
		boolean withinIp = verdict == Altcha.Verdict.VALID ? limits.allow(new RateLimiter.Limit("termine.ip", rate.ipPerHour(), Duration.ofHours(1)), ip)
				: limits.allow(new RateLimiter.Limit("termine.ip-ohne-pow", rate.ipWithoutPowPerHour(), Duration.ofHours(1)), ip);
		if (!withinIp || !limits.allow(new RateLimiter.Limit("termine.email", rate.emailPerDay(), Duration.ofDays(1)), cleanEmail)) {
			response.setStatus(429);
			return message(ctx, model, response, 429, "appointments.error.rate.title", "appointments.error.rate");
		}
		Bookings.Outcome outcome = bookings.hold(choice.get(), id.get(), ANY.equals(ort), cleanName, cleanEmail);
		if (outcome instanceof Bookings.Held held) {
			Booking booking = bookings.byToken(held.token()).orElseThrow();
			try {
				mails.held(booking, held.token());
			}
			catch (Mailer.MailFailure e) {
				bookings.cancel(held.token());
				return message(ctx, model, response, 503, "appointments.error.mail.title", "appointments.error.mail");
			}
			return "redirect:/termine/reserviert?bis=" + BookingMails.time(held.holdUntil()).replace(":", "");
		}
		if (outcome instanceof Bookings.Refused refused && refused.messageKey().equals("appointments.error.limit.service")) {
			response.setStatus(409);
			return detailsPage(ctx, model, choice.get(), ort, office.get(), id.get(), name, email,
					Map.of("email", refused.messageKey()));
		}
		return slotProblem(ctx, model, response, choice.get(), ort, ANY.equals(ort) ? null : office.get(), null, outcome);
	}

	private String detailsPage(PageContext ctx, Model model, Choice choice, String ort, Office office, SlotId id,
			String name, String email, Map<String, String> errors) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("appointments.details.title"), startCrumb(ctx)));
		model.addAttribute("choice", choice);
		model.addAttribute("ort", ort);
		model.addAttribute("office", office);
		model.addAttribute("slot", id);
		model.addAttribute("minutes", choice.minutes(office));
		model.addAttribute("name", name);
		model.addAttribute("email", email);
		model.addAttribute("errors", errors);
		model.addAttribute("challenge", altcha.enabled() ? altcha.challenge() : null);
		model.addAttribute("timeUrl", timeUrl(choice, ort, id.start().minusMinutes(1), null));
		model.addAttribute("officeUrl", officeUrl(choice));
		model.addAttribute("holdMinutes", properties.holdMinutes());
		return "appointments/details";
	}

	@GetMapping("/termine/reserviert")
	String held(@RequestParam(name = "bis", defaultValue = "") String until, @ModelAttribute("ctx") PageContext ctx, Model model) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("appointments.held.title"), startCrumb(ctx)));
		model.addAttribute("until", until.matches("\\d{4}") ? until.substring(0, 2) + ":" + until.substring(2) : null);
		model.addAttribute("holdMinutes", properties.holdMinutes());
		return "appointments/held";
	}

	// --- the citizen's link: confirm, calendar file, reschedule, cancel ---

	@GetMapping("/termine/verwalten")
	String manage(@RequestParam(name = "code", required = false) String code,
			@RequestParam(name = "bestaetigt", required = false) String confirmed,
			@RequestParam(name = "umgebucht", required = false) String moved, @ModelAttribute("ctx") PageContext ctx,
			Model model, HttpServletResponse response) {
		Optional<Booking> booking = bookings.byToken(code);
		if (booking.isEmpty()) {
			return message(ctx, model, response, 404, "appointments.error.token.title", "appointments.error.token");
		}
		Booking b = booking.get();
		if (b.status() == Booking.Status.HELD && !b.heldAndOpen(clock.instant()) || b.status() == Booking.Status.EXPIRED) {
			return message(ctx, model, response, 410, "appointments.error.expired.title", "appointments.error.expired");
		}
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("appointments.manage.title"), startCrumb(ctx)));
		model.addAttribute("booking", b);
		model.addAttribute("code", code);
		model.addAttribute("banner", confirmed != null ? "appointments.manage.confirmed"
				: moved != null ? "appointments.manage.moved" : null);
		model.addAttribute("upcoming", b.upcoming(clock.instant()));
		model.addAttribute("rescheduleUrl", UriComponentsBuilder.fromPath("/termine/zeit")
			.queryParam("l", bookings.choiceOf(b).encode())
			.queryParam("ort", b.office().slug())
			.queryParam("umbuchen", code)
			.build()
			.encode()
			.toUriString());
		return "appointments/manage";
	}

	@PostMapping("/termine/verwalten/bestaetigen")
	String confirm(@RequestParam(name = "code", required = false) String code, @ModelAttribute("ctx") PageContext ctx,
			Model model, HttpServletResponse response) {
		Bookings.Confirmation result = bookings.confirm(code);
		return switch (result) {
			case CONFIRMED -> {
				bookings.byToken(code).ifPresent(b -> mails.confirmed(b, code));
				yield "redirect:" + manageUrl(code, "bestaetigt");
			}
			case ALREADY_CONFIRMED -> "redirect:" + manageUrl(code, "bestaetigt");
			case EXPIRED -> message(ctx, model, response, 410, "appointments.error.expired.title", "appointments.error.expired");
			case CANCELLED, UNKNOWN -> message(ctx, model, response, 404, "appointments.error.token.title",
					"appointments.error.token");
		};
	}

	@PostMapping("/termine/verwalten/absagen")
	String cancel(@RequestParam(name = "code", required = false) String code, @ModelAttribute("ctx") PageContext ctx,
			Model model, HttpServletResponse response) {
		Optional<Booking> booking = bookings.byToken(code);
		if (booking.isEmpty() || !bookings.cancel(code)) {
			return message(ctx, model, response, 410, "appointments.error.token.title", "appointments.error.cancelled");
		}
		if (booking.get().status() == Booking.Status.CONFIRMED) {
			try {
				mails.cancelled(booking.get());
			}
			catch (Mailer.MailFailure e) {
				// the cancellation stands; the page tells the person, the mail is only a receipt
			}
		}
		return "redirect:/termine/abgesagt";
	}

	@GetMapping("/termine/abgesagt")
	String cancelled(@ModelAttribute("ctx") PageContext ctx, Model model, HttpServletResponse response) {
		return message(ctx, model, response, 200, "appointments.cancelled.title", "appointments.cancelled.text");
	}

	@GetMapping("/termine/verwalten/termin.ics")
	ResponseEntity<String> calendar(@RequestParam(name = "code", required = false) String code) {
		Optional<Booking> booking = bookings.byToken(code)
			.filter(b -> b.status() == Booking.Status.CONFIRMED || b.status() == Booking.Status.CHECKED_IN);
		if (booking.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("termin-" + booking.get().reference() + ".ics").build().toString())
			.body(IcsFile.of(booking.get(), clock.instant(), host));
	}

	// --- the waiting room's display ---

	@GetMapping("/termine/aufruf/{office}")
	String display(@PathVariable String office, @ModelAttribute("ctx") PageContext ctx, Model model,
			HttpServletResponse response) {
		Optional<Office> found = offices.find(office);
		if (found.isEmpty()) {
			return message(ctx, model, response, 404, "appointments.error.office.title", "appointments.error.office.unknown");
		}
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("appointments.display.title", found.get().name()), startCrumb(ctx)));
		model.addAttribute("office", found.get());
		model.addAttribute("called", bookings.calledToday(found.get(), 8));
		return "appointments/display";
	}

	private String message(PageContext ctx, Model model, HttpServletResponse response, int status, String title, String text) {
		response.setStatus(status);
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t(title), startCrumb(ctx)));
		model.addAttribute("title", title);
		model.addAttribute("text", text);
		return "appointments/message";
	}

	static Breadcrumb startCrumb(PageContext ctx) {
		return new Breadcrumb(ctx.t("appointments.title"), "/termine");
	}

	static String officeUrl(Choice choice) {
		return UriComponentsBuilder.fromPath("/termine/ort").queryParam("l", choice.encode()).build().encode().toUriString();
	}

	static String timeUrl(Choice choice, String ort, java.time.LocalDateTime after, String umbuchen) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/termine/zeit").queryParam("l", choice.encode()).queryParam("ort", ort);
		if (after != null) {
			url.queryParam("ab", after.toString());
		}
		if (umbuchen != null) {
			url.queryParam("umbuchen", umbuchen);
		}
		return url.build().encode().toUriString();
	}

	static String manageUrl(String code, String flag) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/termine/verwalten").queryParam("code", code);
		if (flag != null) {
			url.queryParam(flag, "1");
		}
		return url.build().encode().toUriString();
	}
}
