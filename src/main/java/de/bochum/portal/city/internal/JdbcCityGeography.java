package de.bochum.portal.city.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.bochum.portal.city.CityGeography;
import de.bochum.portal.city.Stadtbezirk;
import de.bochum.portal.city.Stadtteil;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the geography once and keeps it: it is reference data that only a migration changes,
 * and every page that shows a district would otherwise query it again.
 */
@Service
class JdbcCityGeography implements CityGeography {

	private final JdbcClient jdbc;
	private volatile List<Stadtbezirk> cache;

	JdbcCityGeography(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Stadtbezirk> stadtbezirke() {
		List<Stadtbezirk> districts = cache;
		if (districts == null) {
			districts = load();
			cache = districts;
		}
		return districts;
	}

	private List<Stadtbezirk> load() {
		record Row(int number, String districtKey, String districtName, String quarterKey, String quarterName) {
		}
		List<Row> rows = jdbc.sql("""
				select b.number, b.key as district_key, b.name as district_name, t.key as quarter_key, t.name as quarter_name
				from city_stadtbezirk b join city_stadtteil t on t.stadtbezirk_key = b.key
				order by b.number, t.position""")
			.query((rs, i) -> new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
		Map<String, List<Stadtteil>> quarters = new LinkedHashMap<>();
		Map<String, Row> districts = new LinkedHashMap<>();
		for (Row row : rows) {
			districts.putIfAbsent(row.districtKey(), row);
			quarters.computeIfAbsent(row.districtKey(), k -> new ArrayList<>())
				.add(new Stadtteil(row.quarterKey(), row.quarterName(), row.districtKey()));
		}
		return districts.values()
			.stream()
			.map(r -> new Stadtbezirk(r.number(), r.districtKey(), r.districtName(), quarters.get(r.districtKey())))
			.toList();
	}

	@Override
	public Optional<Stadtbezirk> stadtbezirk(String key) {
		return stadtbezirke().stream().filter(b -> b.key().equals(key)).findFirst();
	}

	@Override
	public List<Stadtteil> stadtteile() {
		return stadtbezirke().stream().flatMap(b -> b.stadtteile().stream()).toList();
	}

	@Override
	public Optional<Stadtteil> stadtteil(String key) {
		return stadtteile().stream().filter(t -> t.key().equals(key)).findFirst();
	}
}
