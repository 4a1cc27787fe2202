package de.bochum.portal.opendata.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

/**
 * The files of the demo catalogue, made up here from Bochum's Stadtteile: plausible, never real
 * measurements, and the same on every machine (fixed random seeds), so a test can count on them.
 * CSV files are written the way German open data usually comes: {@code ;}-separated, decimal
 * commas, dates as {@code 31.12.2025}.
 */
final class DemoFiles {

	/** A Stadtteil with a point near its middle (WGS 84), approximated by hand. */
	record Place(String key, String name, String bezirk, double lat, double lon) {
	}

	static final List<Place> PLACES = List.of(
			new Place("grumme", "Grumme", "Bochum-Mitte", 51.4960, 7.2330),
			new Place("gleisdreieck", "Gleisdreieck", "Bochum-Mitte", 51.4800, 7.2100),
			new Place("altenbochum", "Altenbochum", "Bochum-Mitte", 51.4760, 7.2450),
			new Place("suedinnenstadt", "Südinnenstadt", "Bochum-Mitte", 51.4730, 7.2200),
			new Place("kruppwerke", "Kruppwerke", "Bochum-Mitte", 51.4830, 7.1950),
			new Place("hamme", "Hamme", "Bochum-Mitte", 51.4950, 7.1950),
			new Place("hordel", "Hordel", "Bochum-Mitte", 51.5010, 7.1700),
			new Place("hofstede", "Hofstede", "Bochum-Mitte", 51.5040, 7.2050),
			new Place("riemke", "Riemke", "Bochum-Mitte", 51.5130, 7.2180),
			new Place("guennigfeld", "Günnigfeld", "Bochum-Wattenscheid", 51.4900, 7.1150),
			new Place("wattenscheid-mitte", "Wattenscheid-Mitte", "Bochum-Wattenscheid", 51.4810, 7.1380),
			new Place("leithe", "Leithe", "Bochum-Wattenscheid", 51.4960, 7.1200),
			new Place("westenfeld", "Westenfeld", "Bochum-Wattenscheid", 51.4700, 7.1400),
			new Place("hoentrop", "Höntrop", "Bochum-Wattenscheid", 51.4600, 7.1500),
			new Place("eppendorf", "Eppendorf", "Bochum-Wattenscheid", 51.4560, 7.1750),
			new Place("bergen-hiltrop", "Bergen/Hiltrop", "Bochum-Nord", 51.5220, 7.2330),
			new Place("gerthe", "Gerthe", "Bochum-Nord", 51.5250, 7.2700),
			new Place("harpen-rosenberg", "Harpen/Rosenberg", "Bochum-Nord", 51.5050, 7.2750),
			new Place("kornharpen-voede-abzweig", "Kornharpen/Voede-Abzweig", "Bochum-Nord", 51.4990, 7.2550),
			new Place("laer", "Laer", "Bochum-Ost", 51.4660, 7.2700),
			new Place("werne", "Werne", "Bochum-Ost", 51.4830, 7.2950),
			new Place("langendreer-alter-bahnhof", "Langendreer-Alter Bahnhof", "Bochum-Ost", 51.4720, 7.3050),
			new Place("langendreer", "Langendreer", "Bochum-Ost", 51.4780, 7.3250),
			new Place("wiemelhausen-brenschede", "Wiemelhausen/Brenschede", "Bochum-Süd", 51.4600, 7.2250),
			new Place("stiepel", "Stiepel", "Bochum-Süd", 51.4250, 7.2350),
			new Place("querenburg", "Querenburg", "Bochum-Süd", 51.4460, 7.2600),
			new Place("weitmar-mitte", "Weitmar-Mitte", "Bochum-Südwest", 51.4550, 7.1950),
			new Place("weitmar-mark", "Weitmar-Mark", "Bochum-Südwest", 51.4480, 7.1800),
			new Place("linden", "Linden", "Bochum-Südwest", 51.4230, 7.1600),
			new Place("dahlhausen", "Dahlhausen", "Bochum-Südwest", 51.4250, 7.1350));

	private static final List<String> STREETS = List.of("Hauptstraße", "Kirchstraße", "Schulstraße", "Lindenstraße",
			"Parkstraße", "Gartenstraße", "Bergstraße", "Am Markt", "Bahnhofstraße", "Wiesenweg", "Feldstraße",
			"Rosenweg", "Am Stadtpark", "Mühlenweg", "Kastanienallee", "Im Winkel", "Vogelsang", "Brunnenstraße");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DemoFiles() {
	}

	/** A file, made up once per start; only written when the seeder needs it. */
	record File(String fileName, byte[] content) {
	}

	/** {@code count} points near the Stadtteile, each with an id, a Stadtteil and an address. */
	static List<Map<String, Object>> points(long seed, int count, Function<Integer, Map<String, Object>> extra) {
		Random random = new Random(seed);
		List<Map<String, Object>> points = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Place place = PLACES.get(i < PLACES.size() ? i : random.nextInt(PLACES.size()));
			Map<String, Object> point = new LinkedHashMap<>();
			point.put("id", i + 1);
			point.put("stadtteil", place.name());
			point.put("stadtbezirk", place.bezirk());
			point.put("adresse", STREETS.get(random.nextInt(STREETS.size())) + " " + (1 + random.nextInt(120)));
			point.putAll(extra.apply(i));
			point.put("lat", round(place.lat() + (random.nextDouble() - 0.5) * 0.012, 5));
			point.put("lon", round(place.lon() + (random.nextDouble() - 0.5) * 0.018, 5));
			points.add(point);
		}
		return points;
	}

	static double round(double value, int digits) {
		double scale = Math.pow(10, digits);
		return Math.round(value * scale) / scale;
	}

	/** Rows as a {@code ;}-separated CSV with a header from the first row's keys; decimals with a comma. */
	static File csv(String fileName, List<Map<String, Object>> rows) {
		StringBuilder csv = new StringBuilder(String.join(";", rows.get(0).keySet())).append("\r\n");
		for (Map<String, Object> row : rows) {
			csv.append(String.join(";", row.values().stream().map(DemoFiles::cell).toList())).append("\r\n");
		}
		return new File(fileName, csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String cell(Object value) {
		if (value instanceof Double d) {
			return String.valueOf(d).replace('.', ',');
		}
		if (value instanceof LocalDate date) {
			return String.format(Locale.ROOT, "%02d.%02d.%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
		}
		String text = String.valueOf(value);
		return text.contains(";") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

	/** Points as a GeoJSON FeatureCollection; {@code lat}/{@code lon} become the geometry. */
	static File geojson(String fileName, List<Map<String, Object>> points) {
		List<Object> features = points.stream().map(p -> {
			Map<String, Object> properties = new LinkedHashMap<>(p);
			Object lat = properties.remove("lat");
			Object lon = properties.remove("lon");
			return (Object) row("type", "Feature", "geometry", row("type", "Point", "coordinates", List.of(lon, lat)),
					"properties", properties);
		}).toList();
		return json(fileName, row("type", "FeatureCollection", "features", features));
	}

	static File json(String fileName, Object value) {
		return new File(fileName, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
	}

	static Map<String, Object> row(Object... keysAndValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			row.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return row;
	}

	/** One row per Stadtteil, with values from {@code values}. */
	static List<Map<String, Object>> perPlace(long seed, java.util.function.BiFunction<Place, Random, Map<String, Object>> values) {
		Random random = new Random(seed);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Place place : PLACES) {
			Map<String, Object> row = row("stadtteil_schluessel", place.key(), "stadtteil", place.name(), "stadtbezirk",
					place.bezirk());
			row.putAll(values.apply(place, random));
			rows.add(row);
		}
		return rows;
	}
}
