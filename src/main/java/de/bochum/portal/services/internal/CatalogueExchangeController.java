package de.bochum.portal.services.internal;

import java.io.IOException;

import de.bochum.portal.platform.Breadcrumb;
import de.bochum.portal.platform.PageContext;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** The catalogue as a JSON document for everyone, and its import for editors. */
@Controller
class CatalogueExchangeController {

	private final CatalogueExchange exchange;

	CatalogueExchangeController(CatalogueExchange exchange) {
		this.exchange = exchange;
	}

	@GetMapping(value = "/leistungen/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<CatalogueDocument> export() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"leistungen-bochum.json\"")
			.body(exchange.export());
	}

	@GetMapping("/intern/leistungen/import")
	@PreAuthorize("hasAnyRole('EDITOR','ADMIN')")
	String form(@ModelAttribute("ctx") PageContext ctx, Model model) {
		return page(ctx, model, null);
	}

	@PostMapping("/intern/leistungen/import")
	@PreAuthorize("hasAnyRole('EDITOR','ADMIN')")
	String upload(@RequestParam(name = "datei", required = false) MultipartFile file,
			@ModelAttribute("ctx") PageContext ctx, Model model) throws IOException {
		CatalogueExchange.Report report;
		if (file == null || file.isEmpty()) {
			report = new CatalogueExchange.Report("services.import.error.empty", java.util.List.of());
		}
		else {
			report = run(file.getBytes());
		}
		return page(ctx, model, report);
	}

	private CatalogueExchange.Report run(byte[] content) {
		try {
			return exchange.importJson(content);
		}
		catch (DataAccessException e) {
			// The database refused a value (e.g. closing before opening); the transaction rolled back.
			return new CatalogueExchange.Report("services.import.error.data", java.util.List.of());
		}
	}

	private String page(PageContext ctx, Model model, CatalogueExchange.Report report) {
		model.addAttribute("crumbs", Breadcrumb.trail(ctx, ctx.t("services.import.title"),
				new Breadcrumb(ctx.t("staff.title"), "/intern"),
				new Breadcrumb(ctx.t("services.admin.title"), "/intern/leistungen")));
		model.addAttribute("report", report);
		return "services/import";
	}
}
