package de.bochum.portal.opendata.internal;

import static de.bochum.portal.opendata.internal.DemoFiles.csv;
import static de.bochum.portal.opendata.internal.DemoFiles.geojson;
import static de.bochum.portal.opendata.internal.DemoFiles.json;
import static de.bochum.portal.opendata.internal.DemoFiles.perPlace;
import static de.bochum.portal.opendata.internal.DemoFiles.points;
import static de.bochum.portal.opendata.internal.DemoFiles.round;
import static de.bochum.portal.opendata.internal.DemoFiles.row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the demo catalogue holds: the files of the datasets that migration V30 brings (by resource
 * id), and further datasets with their files. Titles and descriptions are ours; the numbers are
 * made up.
 */
final class DemoContent {

	private DemoContent() {
	}

	/** A resource of the demo catalogue and its file. */
	record Resource(String name, String format, String description, DemoFiles.File file) {
	}

	/** A dataset the seeder creates, unless one by that name exists (in any state). */
	record Dataset(DatasetForm form, List<Resource> resources) {
	}

	private static final String V30 = "0d300000-0000-4000-8000-0000000000";

	/** Files for the resources of V30, whose addresses pointed to publishers' servers. */
	static Map<String, Resource> v30Files() {
		List<Map<String, Object>> playgrounds = points(1, 60, i -> row("name", "Spielplatz " + (i + 1),
				"flaeche_m2", 400 + (i * 137) % 2600, "altersgruppe", i % 3 == 0 ? "0-6" : i % 3 == 1 ? "6-12" : "0-14",
				"geraete", 3 + i % 9));
		List<Map<String, Object>> defibrillators = points(2, 45, i -> row("standort",
				List.of("Rathaus", "Sporthalle", "Apotheke", "Bürgerbüro", "Schwimmbad", "Bibliothek", "Bahnhof").get(i % 7),
				"zugang", i % 4 == 0 ? "rund um die Uhr" : "zu den Öffnungszeiten"));
		List<Map<String, Object>> stops = points(3, 90, i -> row("haltestelle", "Haltestelle " + (i + 1),
				"linien", List.of("302", "305", "308/318", "310", "U35", "336", "345", "350", "353", "365").get(i % 10)));
		List<Map<String, Object>> sports = points(4, 40, i -> row("anlage",
				List.of("Sporthalle", "Sportplatz", "Hallenbad", "Tennisanlage", "Bolzplatz").get(i % 5), "belag",
				List.of("Parkett", "Kunstrasen", "–", "Asche", "Rasen").get(i % 5)));
		return Map.ofEntries(
				Map.entry(V30 + "01", new Resource("Spielplätze (CSV)", "CSV", "Eine Zeile je Spielplatz, Trennzeichen Semikolon.", csv("spielplaetze.csv", playgrounds))),
				Map.entry(V30 + "02", new Resource("Spielplätze (GeoJSON)", "GeoJSON", "Dieselben Daten als Punkte für Karten.", geojson("spielplaetze.geojson", playgrounds))),
				Map.entry(V30 + "03", new Resource("Schulen (CSV)", "CSV", "Eine Zeile je Schulstandort.", csv("schulen.csv", points(5, 95, i -> row(
						"schule", List.of("Grundschule", "Gesamtschule", "Gymnasium", "Realschule", "Förderschule", "Berufskolleg").get(i % 6) + " " + (i + 1),
						"schulform", List.of("GS", "GE", "GY", "RS", "FS", "BK").get(i % 6), "traeger", i % 11 == 0 ? "privat" : "Stadt Bochum",
						"schueler", 120 + (i * 53) % 1100))))),
				Map.entry(V30 + "04", new Resource("Kitas (CSV)", "CSV", "Eine Zeile je Einrichtung.", csv("kindertageseinrichtungen.csv", points(6, 110, i -> row(
						"einrichtung", "Kita " + (i + 1), "traeger", List.of("Stadt Bochum", "evangelisch", "katholisch", "AWO", "Elterninitiative").get(i % 5),
						"gruppen", 2 + i % 5, "plaetze", 40 + (i % 5) * 20))))),
				Map.entry(V30 + "05", new Resource("Defibrillatoren (CSV)", "CSV", "", csv("defibrillatoren.csv", defibrillators))),
				Map.entry(V30 + "06", new Resource("Defibrillatoren (GeoJSON)", "GeoJSON", "", geojson("defibrillatoren.geojson", defibrillators))),
				Map.entry(V30 + "07", new Resource("Baumregister (CSV)", "CSV", "Pflanzungen und Fällungen seit 2024.", csv("baumregister.csv", points(7, 150, i -> row(
						"massnahme", i % 4 == 0 ? "Fällung" : "Pflanzung", "baumart", List.of("Winterlinde", "Spitzahorn", "Stieleiche", "Hainbuche", "Platane", "Rotbuche").get(i % 6),
						"datum", LocalDate.of(2024, 1, 8).plusDays(i * 4L), "grund", i % 4 == 0 ? "Standsicherheit" : "Nachpflanzung"))))),
				Map.entry(V30 + "08", new Resource("Ratswahl 2014 (CSV)", "CSV", "Ergebnisse je Stadtteil.", csv("ratswahl_20140525.csv", election(8, 2014)))),
				Map.entry(V30 + "09", new Resource("Naturdenkmale (CSV)", "CSV", "", csv("naturdenkmale.csv", points(9, 35, i -> row(
						"objekt", List.of("Stieleiche", "Rotbuche", "Findling", "Baumgruppe", "Felsformation").get(i % 5), "schutz_seit", 1950 + (i * 7) % 70))))),
				Map.entry(V30 + "10", new Resource("Sportstätten (CSV)", "CSV", "", csv("sportstaetten.csv", sports))),
				Map.entry(V30 + "11", new Resource("Sportstätten (JSON)", "JSON", "", json("sportstaetten.json", sports))),
				Map.entry(V30 + "12", new Resource("Stolpersteine (CSV)", "CSV", "Verlegeorte; Biografien beim Stadtarchiv.", csv("stolpersteine.csv", points(12, 70, i -> row(
						"steine", 1 + i % 4, "verlegt_am", LocalDate.of(2004, 11, 9).plusDays(i * 97L)))))),
				Map.entry(V30 + "13", new Resource("Haltestellen (CSV)", "CSV", "Haltestellen mit Koordinaten (WGS 84).", csv("haltestellen.csv", stops))),
				Map.entry(V30 + "14", new Resource("Haltestellen (GeoJSON)", "GeoJSON", "", geojson("haltestellen.geojson", stops))),
				Map.entry(V30 + "15", new Resource("Ladepunkte (JSON)", "JSON", "", json("ladepunkte.json", points(15, 50, i -> row(
						"leistung_kw", i % 5 == 0 ? 150 : 22, "stecker", i % 5 == 0 ? "CCS" : "Typ 2", "ladepunkte", 2))))),
				Map.entry(V30 + "16", new Resource("Wertstoffhöfe (CSV)", "CSV", "", csv("wertstoffhoefe.csv", points(16, 6, i -> row(
						"wertstoffhof", "Wertstoffhof " + (i + 1), "oeffnungszeiten", "Mo–Fr 8–18 Uhr, Sa 8–14 Uhr"))))),
				Map.entry(V30 + "17", new Resource("Mietspiegel-Entwurf (CSV)", "CSV", "Entwurf, nicht freigegeben.", csv("mietspiegel-entwurf.csv", rent()))));
	}

	private static List<Map<String, Object>> election(long seed, int year) {
		return perPlace(seed, (place, random) -> {
			int eligible = 6000 + random.nextInt(14000);
			int voters = (int) (eligible * (0.38 + random.nextDouble() * 0.25));
			int spd = (int) (voters * (0.26 + random.nextDouble() * 0.12));
			int cdu = (int) (voters * (0.18 + random.nextDouble() * 0.1));
			int gruene = (int) (voters * (0.1 + random.nextDouble() * 0.12));
			int afd = (int) (voters * (year == 2014 ? 0.02 : 0.08 + random.nextDouble() * 0.08));
			int linke = (int) (voters * (0.04 + random.nextDouble() * 0.05));
			return row("wahlberechtigte", eligible, "waehlende", voters, "spd", spd, "cdu", cdu, "gruene", gruene,
					"afd", afd, "linke", linke, "sonstige", voters - spd - cdu - gruene - afd - linke);
		});
	}

	private static List<Map<String, Object>> rent() {
		List<Map<String, Object>> rows = new ArrayList<>();
		String[] ages = { "bis 1948", "1949–1977", "1978–1994", "1995–2009", "ab 2010" };
		String[] sizes = { "unter 40 m²", "40–60 m²", "60–90 m²", "über 90 m²" };
		for (int a = 0; a < ages.length; a++) {
			for (int s = 0; s < sizes.length; s++) {
				double middle = 6.2 + a * 0.55 - s * 0.2;
				rows.add(row("baujahr", ages[a], "wohnflaeche", sizes[s], "miete_von_eur_m2", round(middle - 0.8, 2),
						"miete_mittel_eur_m2", round(middle, 2), "miete_bis_eur_m2", round(middle + 1.1, 2)));
			}
		}
		return rows;
	}

	private static DatasetForm form(String name, String title, String notes, String org, String license,
			String attribution, String contact, String email, String frequency, String tags, List<String> groups,
			String spatial) {
		return new DatasetForm(name, title, notes, "", org, license, attribution, contact, email, contact, email, "",
				spatial, "", "", frequency, false, tags, groups, "", 0);
	}

	private static final String CITY = "stadt-bochum";
	private static final String CITY_MAIL = "open-data@bochum.de";

	/** Datasets beyond V30's, from every publisher. */
	static List<Dataset> datasets() {
		List<Dataset> all = new ArrayList<>();
		List<Map<String, Object>> population = perPlace(21, (place, random) -> {
			int people = 8000 + random.nextInt(17000);
			return row("einwohner", people, "weiblich", people / 2 + random.nextInt(400) - 200, "unter_18",
					(int) (people * (0.14 + random.nextDouble() * 0.05)), "ab_65",
					(int) (people * (0.19 + random.nextDouble() * 0.08)), "auslaendisch",
					(int) (people * (0.08 + random.nextDouble() * 0.14)));
		});
		all.add(new Dataset(form("einwohner-stadtteile", "Einwohnerinnen und Einwohner nach Stadtteilen",
				"Bevölkerung mit Hauptwohnsitz in den 30 **Stadtteilen** zum 31.12.2025: insgesamt, weiblich, unter 18, ab 65 und mit ausländischer Staatsangehörigkeit.",
				CITY, "dl-zero-de/2.0", "", "Amt für Statistik und Stadtforschung", CITY_MAIL, "ANNUAL",
				"Bevölkerung, Statistik, Stadtteile", List.of("soci", "regi"), ""),
				List.of(new Resource("Einwohner je Stadtteil (CSV)", "CSV", "Stichtag 31.12.2025.", csv("einwohner-stadtteile-2025.csv", population)))));
		List<Map<String, Object>> centres = points(22, 30, i -> row("name", "Stadtteilmitte " + DemoFiles.PLACES.get(i).name()));
		all.add(new Dataset(form("stadtteile-mittelpunkte", "Stadtteile – Mittelpunkte",
				"Ein Punkt je **Stadtteil**, ungefähr in seiner Mitte, zum Beschriften von Karten.",
				CITY, "dl-zero-de/2.0", "", "Amt für Geoinformation, Liegenschaften und Kataster", CITY_MAIL, "IRREG",
				"Geodaten, Stadtteile", List.of("regi"), ""),
				List.of(new Resource("Mittelpunkte (GeoJSON)", "GeoJSON", "", geojson("stadtteile-mittelpunkte.geojson", centres)))));
		List<Map<String, Object>> hotspots = points(23, 48, i -> row("hotspot", "Bochum.freifunk " + (i + 1), "ort",
				List.of("Stadtteilzentrum", "Marktplatz", "Bürgerbüro", "Bibliothek").get(i % 4), "zugangspunkte", 1 + i % 4));
		all.add(new Dataset(form("wlan-hotspots", "Öffentliche WLAN-Hotspots",
				"Kostenlose **WLAN**-Zugangspunkte in den Stadtteilzentren, auf Marktplätzen und in städtischen Gebäuden.",
				CITY, "dl-zero-de/2.0", "", "Stabsstelle Digitalisierung", CITY_MAIL, "MONTHLY", "WLAN, Digitalisierung, Geodaten",
				List.of("tech", "regi"), ""),
				List.of(new Resource("Hotspots (GeoJSON)", "GeoJSON", "", geojson("wlan-hotspots.geojson", hotspots)),
						new Resource("Hotspots (CSV)", "CSV", "", csv("wlan-hotspots.csv", hotspots)))));
		all.add(new Dataset(form("kommunalwahl-2025-ratswahl", "Kommunalwahl 2025 – Ratswahl",
				"Ergebnisse der **Wahl** des Rates der Stadt Bochum vom 14. September 2025 nach Stadtteilen.", CITY,
				"dl-zero-de/2.0", "", "Wahlamt", "wahlen@bochum.de", "NEVER", "Wahlen, Kommunalwahl, Politik",
				List.of("gove"), ""),
				List.of(new Resource("Ratswahl 2025 (CSV)", "CSV", "Ergebnisse je Stadtteil.", csv("ratswahl_20250914.csv", election(24, 2025))))));
		all.add(new Dataset(form("baustellen", "Baustellen im Straßennetz",
				"Aktuelle und geplante **Baustellen** mit Einschränkungen für den Verkehr.", CITY, "dl-by-de/2.0",
				"Stadt Bochum, Tiefbauamt", "Tiefbauamt", CITY_MAIL, "WEEKLY", "Baustellen, Verkehr",
				List.of("tran"), ""),
				List.of(new Resource("Baustellen (CSV)", "CSV", "", csv("baustellen.csv", points(25, 40, i -> row(
						"massnahme", List.of("Kanalbau", "Fahrbahnerneuerung", "Leitungsbau", "Gehwegsanierung").get(i % 4),
						"von", LocalDate.of(2026, 1, 5).plusDays(i * 6L), "bis", LocalDate.of(2026, 2, 20).plusDays(i * 9L),
						"sperrung", i % 3 == 0 ? "Vollsperrung" : "halbseitig")))))));
		all.add(new Dataset(form("oeffentliche-toiletten", "Öffentliche Toiletten",
				"Öffentliche **Toiletten** mit Öffnungszeiten und Barrierefreiheit.", CITY, "dl-zero-de/2.0", "",
				"Tiefbauamt", CITY_MAIL, "ANNUAL", "Toiletten, Barrierefreiheit, Geodaten", List.of("soci"), ""),
				List.of(new Resource("Toiletten (GeoJSON)", "GeoJSON", "", geojson("toiletten.geojson", points(26, 24, i -> row(
						"barrierefrei", i % 2 == 0 ? "ja" : "nein", "oeffnungszeiten", i % 3 == 0 ? "rund um die Uhr" : "6–22 Uhr")))))));
		all.add(new Dataset(form("stadtbuecherei-ausleihen", "Stadtbücherei – Ausleihen nach Standort",
				"**Ausleihen** und aktive Lesende der Stadtbücherei nach Zweigstelle und Jahr.", CITY, "dl-by-de/2.0",
				"Stadt Bochum, Stadtbücherei", "Stadtbücherei", CITY_MAIL, "ANNUAL", "Bibliothek, Bildung, Kultur",
				List.of("educ"), ""),
				List.of(new Resource("Ausleihen (CSV)", "CSV", "", csv("stadtbuecherei-ausleihen.csv", yearly(27,
						List.of("Zentralbücherei", "Wattenscheid", "Langendreer", "Linden", "Querenburg", "Gerthe"), "ausleihen", 40000, 600000))))));
		all.add(new Dataset(form("haushalt-2026", "Haushaltsplan 2026 nach Produktbereichen",
				"Erträge und Aufwendungen des **Haushalts** 2026 in Euro nach Produktbereichen.", CITY, "dl-zero-de/2.0",
				"", "Stadtkämmerei", CITY_MAIL, "ANNUAL", "Haushalt, Finanzen", List.of("econ", "gove"), ""),
				List.of(new Resource("Haushalt 2026 (CSV)", "CSV", "Beträge in Euro.", csv("haushalt-2026.csv", budget())))));
		all.add(new Dataset(form("trinkwasserqualitaet", "Trinkwasserqualität",
				"Messwerte des **Trinkwassers** in den Versorgungszonen, Mittel des Jahres 2025.", "stadtwerke-bochum",
				"dl-by-de/2.0", "Stadtwerke Bochum", "Stadtwerke Bochum, Wasserversorgung", "open-data@stadtwerke-bochum.de",
				"ANNUAL", "Trinkwasser, Umwelt", List.of("envi", "heal"), ""),
				List.of(new Resource("Messwerte (CSV)", "CSV", "", csv("trinkwasser-2025.csv", water())))));
		all.add(new Dataset(form("baeder-besucher", "Besucherzahlen der Bäder",
				"Besuche der **Hallen- und Freibäder** je Monat.", "stadtwerke-bochum", "dl-zero-de/2.0", "",
				"Stadtwerke Bochum, Bäder", "open-data@stadtwerke-bochum.de", "MONTHLY", "Schwimmbad, Freizeit, Sport",
				List.of("educ"), ""),
				List.of(new Resource("Besuche (CSV)", "CSV", "", csv("baeder-besuche-2025.csv", monthly(29,
						List.of("Hallenbad Hofstede", "Freibad Werne", "Hallenbad Linden", "Freibad Langendreer"), "besuche", 2000, 30000))))));
		all.add(new Dataset(form("ladevorgaenge", "Ladevorgänge an öffentlichen Ladepunkten",
				"Anzahl der **Ladevorgänge** und geladene Energie je Monat.", "stadtwerke-bochum", "odbl", "",
				"Stadtwerke Bochum, Elektromobilität", "open-data@stadtwerke-bochum.de", "MONTHLY",
				"Elektromobilität, Energie", List.of("ener", "tran"), ""),
				List.of(new Resource("Ladevorgänge (CSV)", "CSV", "", csv("ladevorgaenge-2025.csv", charging())))));
		all.add(new Dataset(form("linien", "Linien von Bus und Bahn",
				"Alle **Linien** der BOGESTRA in Bochum mit Verkehrsmittel und Endhaltestellen.", "bogestra",
				"dl-by-de/2.0", "BOGESTRA AG", "BOGESTRA, Verkehrsplanung", "open-data@bogestra.de", "ANNUAL",
				"ÖPNV, Verkehr, Linien", List.of("tran"), ""),
				List.of(new Resource("Linien (JSON)", "JSON", "", json("linien.json", lines())))));
		all.add(new Dataset(form("fahrgastzahlen", "Fahrgastzahlen je Linie",
				"Durchschnittliche **Fahrgäste** je Werktag und Linie.", "bogestra", "dl-by-de/2.0", "BOGESTRA AG",
				"BOGESTRA, Verkehrsplanung", "open-data@bogestra.de", "ANNUAL", "ÖPNV, Verkehr, Statistik",
				List.of("tran"), ""),
				List.of(new Resource("Fahrgäste (CSV)", "CSV", "", csv("fahrgaeste.csv", yearly(31,
						List.of("302", "305", "308", "310", "318", "U35", "336", "345", "350", "353"), "fahrgaeste_werktag", 3000, 45000))))));
		all.add(new Dataset(form("aufzuege", "Aufzüge an Haltestellen",
				"**Aufzüge** an U-Bahn- und Stadtbahnhaltestellen mit Lage und Baujahr.", "bogestra", "dl-zero-de/2.0",
				"", "BOGESTRA, Infrastruktur", "open-data@bogestra.de", "MONTHLY", "Barrierefreiheit, ÖPNV, Geodaten",
				List.of("tran", "soci"), ""),
				List.of(new Resource("Aufzüge (GeoJSON)", "GeoJSON", "", geojson("aufzuege.geojson", points(32, 28, i -> row(
						"haltestelle", "Haltestelle " + (i + 1), "baujahr", 1989 + (i * 3) % 35, "ebene", i % 2 == 0 ? "Bahnsteig" : "Verteilerebene")))))));
		all.add(new Dataset(form("abfuhrkalender-2026", "Abfuhrkalender 2026",
				"Abfuhrtermine für **Restmüll**, Bioabfall, Papier und Gelbe Tonne je Stadtteil im ersten Quartal 2026.",
				"usb-bochum", "dl-zero-de/2.0", "", "USB Bochum", "open-data@usb-bochum.de", "ANNUAL",
				"Abfall, Abfuhrkalender", List.of("envi"), ""),
				List.of(new Resource("Abfuhrtermine (CSV)", "CSV", "", csv("abfuhrkalender-2026.csv", collections())))));
		all.add(new Dataset(form("depotcontainer", "Glas- und Altkleidercontainer",
				"Standorte der **Depotcontainer** für Glas und Altkleider.", "usb-bochum", "dl-zero-de/2.0", "",
				"USB Bochum", "open-data@usb-bochum.de", "QUARTERLY", "Abfall, Recycling, Geodaten", List.of("envi"), ""),
				List.of(new Resource("Container (GeoJSON)", "GeoJSON", "", geojson("depotcontainer.geojson", points(34, 80, i -> row(
						"art", i % 3 == 0 ? "Altkleider" : "Glas", "behaelter", 1 + i % 3)))))));
		all.add(new Dataset(form("strassenreinigung", "Straßenreinigung – Reinigungsklassen",
				"**Straßenreinigung**: wie oft in welchem Stadtteil gereinigt wird.", "usb-bochum", "dl-zero-de/2.0", "",
				"USB Bochum", "open-data@usb-bochum.de", "ANNUAL", "Straßenreinigung, Umwelt", List.of("envi"), ""),
				List.of(new Resource("Reinigung (CSV)", "CSV", "", csv("strassenreinigung.csv", perPlace(35, (p, r) -> row(
						"strassen_km", round(20 + r.nextDouble() * 60, 1), "reinigungen_woche", 1 + r.nextInt(3))))))));
		all.add(new Dataset(form("wohnungsbestand", "Wohnungsbestand nach Stadtteilen",
				"**Wohnungen** der VBW je Stadtteil mit Größe und durchschnittlicher Nettokaltmiete.",
				"vbw-bauen-und-wohnen", "dl-by-de/2.0", "VBW Bauen und Wohnen GmbH", "VBW Bauen und Wohnen",
				"open-data@vbw-bochum.de", "ANNUAL", "Wohnen, Statistik", List.of("soci", "econ"), ""),
				List.of(new Resource("Bestand (CSV)", "CSV", "", csv("wohnungsbestand.csv", perPlace(36, (p, r) -> row(
						"wohnungen", 80 + r.nextInt(900), "flaeche_mittel_m2", round(52 + r.nextDouble() * 25, 1),
						"miete_eur_m2", round(5.6 + r.nextDouble() * 2.4, 2))))))));
		all.add(new Dataset(form("nachbarschaftstreffs", "Nachbarschaftstreffs",
				"Treffpunkte für die **Nachbarschaft** in Wohnquartieren der VBW.", "vbw-bauen-und-wohnen",
				"dl-zero-de/2.0", "", "VBW Bauen und Wohnen", "open-data@vbw-bochum.de", "IRREG",
				"Wohnen, Nachbarschaft, Geodaten", List.of("soci"), ""),
				List.of(new Resource("Treffs (GeoJSON)", "GeoJSON", "", geojson("nachbarschaftstreffs.geojson", points(37, 12, i -> row(
						"treff", "Nachbarschaftstreff " + (i + 1), "angebot", i % 2 == 0 ? "Café, Beratung" : "Kurse, Feiern")))))));
		return all;
	}

	private static List<Map<String, Object>> yearly(long seed, List<String> names, String column, int min, int max) {
		Random random = new Random(seed);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String name : names) {
			int value = min + random.nextInt(max - min);
			for (int year = 2021; year <= 2025; year++) {
				value = (int) (value * (0.94 + random.nextDouble() * 0.14));
				rows.add(row("name", name, "jahr", year, column, value));
			}
		}
		return rows;
	}

	private static List<Map<String, Object>> monthly(long seed, List<String> names, String column, int min, int max) {
		Random random = new Random(seed);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String name : names) {
			for (int month = 1; month <= 12; month++) {
				rows.add(row("name", name, "monat", LocalDate.of(2025, month, 1), column, min + random.nextInt(max - min)));
			}
		}
		return rows;
	}

	private static List<Map<String, Object>> budget() {
		String[] areas = { "Innere Verwaltung", "Sicherheit und Ordnung", "Schulträgeraufgaben", "Kultur und Wissenschaft",
				"Soziale Leistungen", "Kinder-, Jugend- und Familienhilfe", "Gesundheitsdienste", "Sportförderung",
				"Räumliche Planung", "Bauen und Wohnen", "Ver- und Entsorgung", "Verkehrsflächen", "Natur- und Landschaftspflege",
				"Umweltschutz", "Wirtschaft und Tourismus", "Allgemeine Finanzwirtschaft" };
		Random random = new Random(28);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < areas.length; i++) {
			double expenses = round(5_000_000 + random.nextDouble() * 400_000_000, 2);
			rows.add(row("produktbereich", String.format("%02d", i + 1), "bezeichnung", areas[i], "ertraege_eur",
					round(expenses * random.nextDouble() * 0.8, 2), "aufwendungen_eur", expenses));
		}
		return rows;
	}

	private static List<Map<String, Object>> water() {
		Object[][] values = { { "Nitrat", "mg/l", 50.0, 9.1 }, { "Calcium", "mg/l", null, 41.3 },
				{ "Magnesium", "mg/l", null, 7.8 }, { "Natrium", "mg/l", 200.0, 18.2 }, { "Chlorid", "mg/l", 250.0, 29.4 },
				{ "Sulfat", "mg/l", 250.0, 44.0 }, { "pH-Wert", "", 9.5, 7.9 }, { "Gesamthärte", "°dH", null, 7.6 } };
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String zone : List.of("Nord", "Mitte", "Süd")) {
			for (Object[] v : values) {
				double measured = round((Double) v[3] * (zone.equals("Süd") ? 1.07 : zone.equals("Nord") ? 0.95 : 1.0), 2);
				rows.add(row("versorgungszone", zone, "parameter", v[0], "einheit", v[1], "grenzwert",
						v[2] == null ? "" : v[2], "messwert", measured));
			}
		}
		return rows;
	}

	private static List<Map<String, Object>> charging() {
		Random random = new Random(30);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			int sessions = 9000 + month * 400 + random.nextInt(1500);
			rows.add(row("monat", LocalDate.of(2025, month, 1), "ladevorgaenge", sessions, "energie_mwh",
					round(sessions * (0.018 + random.nextDouble() * 0.004), 1)));
		}
		return rows;
	}

	private static List<Map<String, Object>> lines() {
		return List.of(row("linie", "U35", "verkehrsmittel", "Stadtbahn", "von", "Herne Schloß Strünkede", "nach", "Bochum Hustadt"),
				row("linie", "302", "verkehrsmittel", "Straßenbahn", "von", "Gelsenkirchen Buerer Straße", "nach", "Bochum Laer Mitte"),
				row("linie", "305", "verkehrsmittel", "Straßenbahn", "von", "Höntrop Kirche", "nach", "Langendreer S"),
				row("linie", "306", "verkehrsmittel", "Straßenbahn", "von", "Bochum Hbf", "nach", "Wanne-Eickel Hbf"),
				row("linie", "308", "verkehrsmittel", "Straßenbahn", "von", "Gerthe Schürbankstraße", "nach", "Hattingen Mitte"),
				row("linie", "310", "verkehrsmittel", "Straßenbahn", "von", "Höntrop Kirche", "nach", "Witten Heven Dorf"),
				row("linie", "318", "verkehrsmittel", "Straßenbahn", "von", "Gerthe Schürbankstraße", "nach", "Dahlhausen Bahnhof"),
				row("linie", "336", "verkehrsmittel", "Bus", "von", "Bochum Hbf", "nach", "Kemnader See"),
				row("linie", "345", "verkehrsmittel", "Bus", "von", "Bochum Hbf", "nach", "Gerthe Mitte"),
				row("linie", "350", "verkehrsmittel", "Bus", "von", "Ruhr-Universität", "nach", "Weitmar Mark"),
				row("linie", "353", "verkehrsmittel", "Bus", "von", "Bochum Hbf", "nach", "Linden Mitte"),
				row("linie", "365", "verkehrsmittel", "Bus", "von", "Wattenscheid Bahnhof", "nach", "Bochum Hbf"));
	}

	private static List<Map<String, Object>> collections() {
		List<Map<String, Object>> rows = new ArrayList<>();
		String[] kinds = { "Restmüll", "Bioabfall", "Papier", "Gelbe Tonne" };
		int[] every = { 14, 14, 28, 14 };
		for (int p = 0; p < DemoFiles.PLACES.size(); p++) {
			DemoFiles.Place place = DemoFiles.PLACES.get(p);
			for (int k = 0; k < kinds.length; k++) {
				LocalDate day = LocalDate.of(2026, 1, 5).plusDays((p + k) % 5);
				for (; day.isBefore(LocalDate.of(2026, 4, 1)); day = day.plusDays(every[k])) {
					rows.add(row("stadtteil", place.name(), "abfallart", kinds[k], "datum", day));
				}
			}
		}
		return rows;
	}
}
