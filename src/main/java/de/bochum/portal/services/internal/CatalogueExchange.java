package de.bochum.portal.services.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import de.bochum.portal.services.Dienststelle;
import de.bochum.portal.services.Lebenslage;
import de.bochum.portal.services.Leistung;
import de.bochum.portal.services.OpeningHours;
import de.bochum.portal.services.ServiceCatalogue;
import de.bochum.portal.services.Standort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Export and import of the whole catalogue. An import is one transaction: a document that cannot
 * be read changes nothing; single services that fail their checks are rejected with a reason
 * while the others are saved.
 */
@Service
public class CatalogueExchange {

	private static final Logger log = LoggerFactory.getLogger(CatalogueExchange.class);

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
	private static final Pattern LEIKA = Pattern.compile("[0-9]{14}");

	public enum Outcome {
		CREATED, UPDATED, REJECTED
	}

	/** What happened to one service of the document; {@code reason} is a message key for rejections. */
	public record Entry(String slug, String name, Outcome outcome, String reason) {
	}

	/** The result of an import; {@code error} (a message key) is set when the document was unreadable. */
	public record Report(String error, List<Entry> entries) {

		public long count(Outcome outcome) {
			return entries.stream().filter(e -> e.outcome() == outcome).count();
		}
	}

	private final ServiceCatalogue catalogue;
	private final LeistungRepository leistungen;
	private final ServiceEditing editing;
	private final JdbcClient jdbc;
	private final JsonMapper json;

	CatalogueExchange(ServiceCatalogue catalogue, LeistungRepository leistungen, ServiceEditing editing,
			JdbcClient jdbc, JsonMapper json) {
		this.catalogue = catalogue;
		this.leistungen = leistungen;
		this.editing = editing;
		this.jdbc = jdbc;
		this.json = json;
	}

	CatalogueDocument export() {
		return new CatalogueDocument(CatalogueDocument.FORMAT, catalogue.lebenslagen(), catalogue.dienststellen(),
				catalogue.locations(), catalogue.leistungen());
	}

	@Transactional
	Report importJson(byte[] content) {
		CatalogueDocument document;
		try {
			// Another city's file may leave out flags such as "online"; missing means false.
			document = json.readerFor(CatalogueDocument.class)
				.without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
				.readValue(content);
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException e) {
			log.info("Catalogue import refused: {}", e.getMessage());
			return new Report("services.import.error.json", List.of());
		}
		if (document == null || !CatalogueDocument.FORMAT.equals(document.format())) {
			return new Report("services.import.error.format", List.of());
		}
		List<Lebenslage> lebenslagen = document.lebenslagen();
		for (int i = 0; i < lebenslagen.size(); i++) {
			Lebenslage g = lebenslagen.get(i);
			if (g != null && valid(g.slug()) && !blank(g.name())) {
				upsert(g, i + 1);
			}
		}
		document.dienststellen().stream().filter(d -> d != null && valid(d.slug()) && !blank(d.name())).forEach(this::upsert);
		document.standorte().stream().filter(s -> s != null && valid(s.slug()) && !blank(s.name())).forEach(this::upsert);
		List<Entry> entries = new ArrayList<>();
		for (Leistung leistung : document.leistungen()) {
			if (leistung != null) {
				entries.add(upsert(leistung));
			}
		}
		return new Report(null, List.copyOf(entries));
	}

	private Entry upsert(Leistung in) {
		String reason = problem(in);
		if (reason != null) {
			return new Entry(in.slug(), in.name(), Outcome.REJECTED, reason);
		}
		Optional<LeistungEntity> existing = in.leikaKey() != null ? leistungen.findByLeikaKey(in.leikaKey())
				: Optional.empty();
		if (existing.isEmpty()) {
			existing = leistungen.findBySlug(in.slug());
		}
		LeistungEntity entity = existing.orElseGet(() -> new LeistungEntity(in.slug()));
		entity.update(new ServiceTexts(in.leikaKey(), in.name().strip(), in.description().strip(),
				text(in.whoMayApply()), text(in.costs()), in.documents(), text(in.legalBasis()),
				text(in.processingTime()), in.online(), in.onlineUrl(), in.appointment(), in.inPerson(),
				in.durationMinutes()));
		entity.assignDienststelle(in.dienststelleSlug() == null ? null
				: jdbc.sql("select id from services_dienststelle where slug = ?").param(in.dienststelleSlug())
					.query(Long.class).optional().orElse(null));
		LeistungEntity saved = leistungen.saveAndFlush(entity);
		editing.assignLebenslagen(saved.id(), in.lebenslagen());
		return new Entry(in.slug(), in.name(), existing.isPresent() ? Outcome.UPDATED : Outcome.CREATED, null);
	}

	private String problem(Leistung in) {
		if (!valid(in.slug())) {
			return "services.import.reject.slug";
		}
		if (blank(in.name()) || in.name().length() > 200 || blank(in.description())) {
			return "services.import.reject.texts";
		}
		if (in.leikaKey() != null && !LEIKA.matcher(in.leikaKey()).matches()) {
			return "services.import.reject.leika";
		}
		if (in.online() && !ServiceForm.validOnlineUrl(in.onlineUrl())) {
			return "services.import.reject.onlineUrl";
		}
		if (in.durationMinutes() < 1 || in.durationMinutes() > 480) {
			return "services.import.reject.duration";
		}
		if (in.dienststelleSlug() != null && catalogue.dienststelle(in.dienststelleSlug()).isEmpty()) {
			return "services.import.reject.dienststelle";
		}
		// Another service already uses the slug under a different LeiKa key.
		Optional<LeistungEntity> bySlug = leistungen.findBySlug(in.slug());
		if (in.leikaKey() != null && bySlug.isPresent() && bySlug.get().leikaKey() != null
				&& !bySlug.get().leikaKey().equals(in.leikaKey())) {
			return "services.import.reject.conflict";
		}
		return null;
	}

	/** The document's order is the order citizens see the life situations in. */
	private void upsert(Lebenslage g, int position) {
		jdbc.sql("""
				insert into services_lebenslage (slug, name, description, sort_order) values (?, ?, ?, ?)
				on conflict (slug) do update set name = excluded.name, description = excluded.description,
				sort_order = excluded.sort_order""")
			.params(g.slug(), g.name(), text(g.description()), position)
			.update();
	}

	private void upsert(Dienststelle d) {
		jdbc.sql("""
				insert into services_dienststelle (slug, name, email, phone, website) values (?, ?, ?, ?, ?)
				on conflict (slug) do update set name = excluded.name, email = excluded.email, phone = excluded.phone,
				website = excluded.website""")
			.params(d.slug(), d.name(), d.email(), d.phone(), d.website())
			.update();
	}

	private void upsert(Standort s) {
		Long dienststelle = jdbc.sql("select id from services_dienststelle where slug = ?")
			.param(s.dienststelleSlug())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (dienststelle == null) {
			return;
		}
		Standort.Accessibility access = s.accessibility() == null ? new Standort.Accessibility(false, false, false)
				: s.accessibility();
		long id = jdbc.sql("""
				insert into services_standort (slug, dienststelle_id, name, street, postal_code, city, stadtbezirk_key,
				  step_free, hearing_loop, accessible_toilet, directions) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (slug) do update set dienststelle_id = excluded.dienststelle_id, name = excluded.name,
				  street = excluded.street, postal_code = excluded.postal_code, city = excluded.city,
				  stadtbezirk_key = excluded.stadtbezirk_key, step_free = excluded.step_free,
				  hearing_loop = excluded.hearing_loop, accessible_toilet = excluded.accessible_toilet,
				  directions = excluded.directions
				returning id""")
			.params(s.slug(), dienststelle, s.name(), text(s.street()), text(s.postalCode()),
					blank(s.city()) ? "Bochum" : s.city(), text(s.stadtbezirkKey()), access.stepFree(),
					access.hearingLoop(), access.accessibleToilet(), s.directions())
			.query(Long.class)
			.single();
		jdbc.sql("delete from services_opening_hours where standort_id = ?").param(id).update();
		jdbc.sql("delete from services_opening_exception where standort_id = ?").param(id).update();
		if (s.hours() == null) {
			return;
		}
		for (OpeningHours.Slot slot : s.hours().weekly()) {
			jdbc.sql("insert into services_opening_hours (standort_id, weekday, opens, closes) values (?, ?, ?, ?)")
				.params(id, slot.day().getValue(), slot.opens(), slot.closes())
				.update();
		}
		for (OpeningHours.SpecialDay day : s.hours().specialDays()) {
			jdbc.sql("insert into services_opening_exception (standort_id, day, opens, closes, note) values (?, ?, ?, ?, ?)")
				.params(id, day.day(), day.opens(), day.closes(), text(day.note()))
				.update();
		}
	}

	private static boolean valid(String slug) {
		return slug != null && SLUG.matcher(slug).matches();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String text(String text) {
		return text == null ? "" : text.strip();
	}
}
