package de.bochum.portal.privacy.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.PageContext;
import de.bochum.portal.platform.StaffLink;
import de.bochum.portal.privacy.PersonalDataDeclaration;
import de.bochum.portal.privacy.PersonalDataRegister;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The privacy notice for everyone, the records of processing for the data protection officer and
 * the administration, and the access audit log for the data protection officer. All three are
 * generated from the same register, so they always match the code.
 */
@Controller
class PrivacyController {

	private static final int NOTICE_SECTIONS = 5;

	private final PersonalDataRegister register;
	private final AuditChain audit;
	private final RetentionJob retention;

	PrivacyController(PersonalDataRegister register, AuditChain audit, RetentionJob retention) {
		this.register = register;
		this.audit = audit;
		this.retention = retention;
	}

	@Bean
	static StaffLink retentionLink() {
		return new StaffLink("staff.link.retention", "/intern/datenschutz/loeschfristen",
				Set.of("ADMIN", "DATA_PROTECTION_OFFICER"), 805);
	}

	@GetMapping("/intern/datenschutz/loeschfristen")
	@PreAuthorize("hasAnyRole('DATA_PROTECTION_OFFICER','ADMIN')")
	String retention(@ModelAttribute("ctx") PageContext ctx, Model model) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("privacy.retention.title"),
				new Breadcrumb(ctx.t("staff.title"), "/intern")));
		model.addAttribute("rules", retention.status());
		model.addAttribute("runs", retention.recentRuns(50));
		return "privacy/retention";
	}

	@PostMapping("/intern/datenschutz/loeschfristen")
	@PreAuthorize("hasAnyRole('DATA_PROTECTION_OFFICER','ADMIN')")
	String runRetention(Authentication staff, RedirectAttributes redirect) {
		long affected = retention.runAll(staff.getName());
		redirect.addFlashAttribute("affected", affected);
		return "redirect:/intern/datenschutz/loeschfristen";
	}

	@Bean
	static StaffLink recordsLink() {
		return new StaffLink("staff.link.records", "/intern/datenschutz/verzeichnis",
				Set.of("ADMIN", "DATA_PROTECTION_OFFICER"), 800);
	}

	@Bean
	static StaffLink auditLink() {
		return new StaffLink("staff.link.audit", "/intern/datenschutz/protokoll", Set.of("DATA_PROTECTION_OFFICER"), 810);
	}

	@GetMapping("/datenschutz")
	String notice(@ModelAttribute("ctx") PageContext ctx, Model model) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("info.datenschutz.title")));
		model.addAttribute("sections",
				IntStream.rangeClosed(1, NOTICE_SECTIONS).mapToObj(i -> "info.datenschutz.s" + i).toList());
		model.addAttribute("activities", register.activities());
		return "privacy/notice";
	}

	@GetMapping("/intern/datenschutz/verzeichnis")
	@PreAuthorize("hasAnyRole('DATA_PROTECTION_OFFICER','ADMIN')")
	String records(@ModelAttribute("ctx") PageContext ctx, Model model) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("privacy.records.title"),
				new Breadcrumb(ctx.t("staff.title"), "/intern")));
		model.addAttribute("activities", register.activities());
		return "privacy/records";
	}

	@GetMapping(value = "/intern/datenschutz/verzeichnis.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('DATA_PROTECTION_OFFICER','ADMIN')")
	@ResponseBody
	ResponseEntity<List<PersonalDataDeclaration>> recordsAsJson() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"verarbeitungsverzeichnis.json\"")
			.body(register.declarations());
	}

	@GetMapping(value = "/intern/datenschutz/verzeichnis.csv", produces = "text/csv;charset=UTF-8")
	@PreAuthorize("hasAnyRole('DATA_PROTECTION_OFFICER','ADMIN')")
	@ResponseBody
	ResponseEntity<String> recordsAsCsv() {
		String header = "Modul;Tabelle;Spalte;Bezeichnung;Kategorie;Zweck;Rechtsgrundlage;Speicherdauer;Sichtbar für";
		String rows = register.declarations()
			.stream()
			.map(d -> List.of(d.module(), d.table(), d.column(), d.label(), d.category(), d.purpose(), d.legalBasis(),
					d.retention(), d.visibleTo())
				.stream()
				.map(PrivacyController::csvField)
				.collect(Collectors.joining(";")))
			.collect(Collectors.joining("\r\n"));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"verarbeitungsverzeichnis.csv\"")
			// The byte order mark makes spreadsheet programs read the umlauts as UTF-8.
			.body("\uFEFF" + header + "\r\n" + rows + "\r\n");
	}

	@GetMapping("/intern/datenschutz/protokoll")
	@PreAuthorize("hasRole('DATA_PROTECTION_OFFICER')")
	String auditLog(@RequestParam(defaultValue = "") String person, @RequestParam(defaultValue = "") String art,
			@RequestParam(defaultValue = "") String kennung, @ModelAttribute("ctx") PageContext ctx, Model model) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("privacy.audit.title"),
				new Breadcrumb(ctx.t("staff.title"), "/intern")));
		model.addAttribute("person", person);
		model.addAttribute("art", art);
		model.addAttribute("kennung", kennung);
		model.addAttribute("entries", audit.search(person, art, kennung, 200));
		model.addAttribute("brokenAt", audit.verify().orElse(null));
		return "privacy/audit";
	}

	private static String csvField(String value) {
		String text = value == null ? "" : value;
		// A leading =, +, - or @ would be a formula in a spreadsheet.
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}
}
