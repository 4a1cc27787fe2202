package de.bochum.portal.services.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.text.Collator;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.bochum.portal.city.CityGeography;
import de.bochum.portal.city.Stadtbezirk;
import de.bochum.portal.services.Dienststelle;
import de.bochum.portal.services.Lebenslage;
import de.bochum.portal.services.Leistung;
import de.bochum.portal.services.OpeningHours;
import de.bochum.portal.services.ServiceCatalogue;
import de.bochum.portal.services.Standort;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The catalogue read straight from the tables: a few dozen rows, read per request, so an edit is
 * visible at once without a cache to invalidate.
 */
@Service
class JdbcServiceCatalogue implements ServiceCatalogue {

	private static final String LEISTUNG_SQL = """
			select l.slug, l.leika_key, l.name, l.description, l.who_may_apply, l.costs, l.documents, l.legal_basis,
			       l.processing_time, d.slug as dienststelle, l.online, l.online_url, l.appointment, l.in_person,
			       l.duration_minutes,
			       coalesce((select string_agg(g.slug, ',' order by g.sort_order) from services_leistung_lebenslage x
			                 join services_lebenslage g on g.id = x.lebenslage_id where x.leistung_id = l.id), '') as lebenslagen
			from services_leistung l left join services_dienststelle d on d.id = l.dienststelle_id
			""";

	private static final String STANDORT_SQL = """
			select s.id, s.slug, s.name, d.slug as dienststelle, s.street, s.postal_code, s.city, s.stadtbezirk_key,
			       s.step_free, s.hearing_loop, s.accessible_toilet, s.directions
			from services_standort s join services_dienststelle d on d.id = s.dienststelle_id
			""";

	private final JdbcClient jdbc;
	private final CityGeography geography;

	JdbcServiceCatalogue(JdbcClient jdbc, CityGeography geography) {
		this.jdbc = jdbc;
		this.geography = geography;
	}

	/** German collation: "Ärztlicher Dienst" sorts with A, not after Z. */
	static Comparator<String> germanOrder() {
		Collator collator = Collator.getInstance(Locale.GERMAN);
		collator.setStrength(Collator.SECONDARY);
		return collator::compare;
	}

	@Override
	public List<Leistung> leistungen() {
		return sorted(jdbc.sql(LEISTUNG_SQL).query(JdbcServiceCatalogue::leistung).list());
	}

	@Override
	public Optional<Leistung> findByKey(String leikaKey) {
		return jdbc.sql(LEISTUNG_SQL + " where l.leika_key = ?").param(leikaKey).query(JdbcServiceCatalogue::leistung).optional();
	}

	@Override
	public Optional<Leistung> findBySlug(String slug) {
		return jdbc.sql(LEISTUNG_SQL + " where l.slug = ?").param(slug).query(JdbcServiceCatalogue::leistung).optional();
	}

	@Override
	public List<Lebenslage> lebenslagen() {
		return jdbc.sql("select slug, name, description from services_lebenslage order by sort_order, name")
			.query(Lebenslage.class)
			.list();
	}

	@Override
	public Optional<Lebenslage> lebenslage(String slug) {
		return jdbc.sql("select slug, name, description from services_lebenslage where slug = ?")
			.param(slug)
			.query(Lebenslage.class)
			.optional();
	}

	@Override
	public List<Leistung> leistungenIn(String lebenslageSlug) {
		return sorted(jdbc.sql(LEISTUNG_SQL + """
				 where exists (select 1 from services_leistung_lebenslage x join services_lebenslage g on g.id = x.lebenslage_id
				               where x.leistung_id = l.id and g.slug = ?)""")
			.param(lebenslageSlug)
			.query(JdbcServiceCatalogue::leistung)
			.list());
	}

	@Override
	public List<Dienststelle> dienststellen() {
		return jdbc.sql("select slug, name, email, phone, website from services_dienststelle order by name")
			.query(Dienststelle.class)
			.list();
	}

	@Override
	public Optional<Dienststelle> dienststelle(String slug) {
		return jdbc.sql("select slug, name, email, phone, website from services_dienststelle where slug = ?")
			.param(slug)
			.query(Dienststelle.class)
			.optional();
	}

	@Override
	public List<Standort> locations() {
		return standorte(jdbc.sql(STANDORT_SQL + " order by s.name").query(this::standortRow).list());
	}

	@Override
	public Optional<Standort> location(String slug) {
		return standorte(jdbc.sql(STANDORT_SQL + " where s.slug = ?").param(slug).query(this::standortRow).list())
			.stream()
			.findFirst();
	}

	@Override
	public List<Standort> locationsOf(Leistung leistung) {
		if (leistung.dienststelleSlug() == null || !leistung.inPerson() && !leistung.appointment()) {
			return List.of();
		}
		return standorte(jdbc.sql(STANDORT_SQL + " where d.slug = ? order by s.name")
			.param(leistung.dienststelleSlug())
			.query(this::standortRow)
			.list());
	}

	private static List<Leistung> sorted(List<Leistung> leistungen) {
		Comparator<String> order = germanOrder();
		return leistungen.stream().sorted((a, b) -> order.compare(a.name(), b.name())).toList();
	}

	private static Leistung leistung(ResultSet rs, int row) throws SQLException {
		String lebenslagen = rs.getString("lebenslagen");
		return new Leistung(rs.getString("slug"), rs.getString("leika_key"), rs.getString("name"),
				rs.getString("description"), rs.getString("who_may_apply"), rs.getString("costs"),
				LeistungEntity.lines(rs.getString("documents")), rs.getString("legal_basis"),
				rs.getString("processing_time"), rs.getString("dienststelle"), rs.getBoolean("online"),
				rs.getString("online_url"), rs.getBoolean("appointment"), rs.getBoolean("in_person"),
				rs.getInt("duration_minutes"), lebenslagen.isEmpty() ? List.of() : List.of(lebenslagen.split(",")));
	}

	private record StandortRow(long id, Standort withoutHours) {
	}

	private StandortRow standortRow(ResultSet rs, int row) throws SQLException {
		String bezirk = rs.getString("stadtbezirk_key");
		return new StandortRow(rs.getLong("id"),
				new Standort(rs.getString("slug"), rs.getString("name"), rs.getString("dienststelle"),
						rs.getString("street"), rs.getString("postal_code"), rs.getString("city"), bezirk,
						geography.stadtbezirk(bezirk).map(Stadtbezirk::name).orElse(bezirk),
						new Standort.Accessibility(rs.getBoolean("step_free"), rs.getBoolean("hearing_loop"),
								rs.getBoolean("accessible_toilet")),
						rs.getString("directions"), null));
	}

	private List<Standort> standorte(List<StandortRow> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(StandortRow::id).toList();
		Map<Long, List<OpeningHours.Slot>> weekly = new HashMap<>();
		jdbc.sql("select standort_id, weekday, opens, closes from services_opening_hours where standort_id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> weekly.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new OpeningHours.Slot(DayOfWeek.of(rs.getInt(2)), time(rs.getTime(3)), time(rs.getTime(4)))))
			.list();
		Map<Long, List<OpeningHours.SpecialDay>> special = new HashMap<>();
		jdbc.sql("select standort_id, day, opens, closes, note from services_opening_exception where standort_id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> special.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new OpeningHours.SpecialDay(rs.getDate(2).toLocalDate(), time(rs.getTime(3)), time(rs.getTime(4)),
						rs.getString(5))))
			.list();
		return rows.stream().map(row -> {
			Standort s = row.withoutHours();
			return new Standort(s.slug(), s.name(), s.dienststelleSlug(), s.street(), s.postalCode(), s.city(),
					s.stadtbezirkKey(), s.stadtbezirkName(), s.accessibility(), s.directions(),
					new OpeningHours(weekly.getOrDefault(row.id(), List.of()), special.getOrDefault(row.id(), List.of())));
		}).toList();
	}

	private static LocalTime time(Time time) {
		return time == null ? null : time.toLocalTime();
	}
}
