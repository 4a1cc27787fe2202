package de.bochum.portal.opendata.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A CSV file as German open data publishes it, read for the datastore: the encoding (UTF-8 with or
 * without BOM, else Windows-1252), the delimiter ({@code ;}, {@code ,}, tab or {@code |}), quoted
 * fields with line breaks, and per column a type: integers, decimals with point or comma, German
 * or ISO dates and timestamps; a column that mixes kinds stays text.
 */
record CsvTable(Charset charset, char delimiter, List<Datastore.Field> fields, List<Map<String, Object>> records,
		List<String> problems) {

	private static final char[] DELIMITERS = { ';', ',', '\t', '|' };
	private static final int MAX_PROBLEMS = 20;

	private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]{0,17})");
	private static final Pattern DECIMAL_POINT = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");
	private static final Pattern DECIMAL_COMMA = Pattern.compile("[-+]?([0-9]{1,3}(\\.[0-9]{3})+|[0-9]+)(,[0-9]+)?");
	private static final Pattern DATE_ISO = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
	private static final Pattern DATE_DE = Pattern.compile("[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}");
	private static final Pattern TIMESTAMP_ISO = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?");
	private static final Pattern TIMESTAMP_DE = Pattern.compile("[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4},? [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?");

	/** The CSV cannot be read as a table at all. */
	static final class Unreadable extends RuntimeException {

		Unreadable(String message) {
			super(message);
		}
	}

	/** How a column's values are written, once known; each turns a value into PostgreSQL's input syntax. */
	enum Kind {
		INTEGER(Datastore.FieldType.INT8), DECIMAL_POINT(Datastore.FieldType.NUMERIC),
		DECIMAL_COMMA(Datastore.FieldType.NUMERIC), DATE_ISO(Datastore.FieldType.DATE),
		DATE_DE(Datastore.FieldType.DATE), TIMESTAMP_ISO(Datastore.FieldType.TIMESTAMP),
		TIMESTAMP_DE(Datastore.FieldType.TIMESTAMP), TEXT(Datastore.FieldType.TEXT);

		final Datastore.FieldType type;

		Kind(Datastore.FieldType type) {
			this.type = type;
		}

		boolean accepts(String v) {
			return switch (this) {
				case INTEGER -> CsvTable.INTEGER.matcher(v).matches();
				case DECIMAL_POINT -> CsvTable.DECIMAL_POINT.matcher(v).matches();
				case DECIMAL_COMMA -> CsvTable.DECIMAL_COMMA.matcher(v).matches();
				case DATE_ISO -> CsvTable.DATE_ISO.matcher(v).matches() && validDate(v.substring(8, 10), v.substring(5, 7));
				case DATE_DE -> CsvTable.DATE_DE.matcher(v).matches() && validDate(v.split("\\.")[0], v.split("\\.")[1]);
				case TIMESTAMP_ISO -> CsvTable.TIMESTAMP_ISO.matcher(v).matches();
				case TIMESTAMP_DE -> CsvTable.TIMESTAMP_DE.matcher(v).matches();
				case TEXT -> true;
			};
		}

		String canonical(String v) {
			return switch (this) {
				case DECIMAL_COMMA -> v.replace(".", "").replace(',', '.');
				case DATE_DE -> german(v);
				case TIMESTAMP_DE -> {
					String[] parts = v.replace(",", "").split(" ", 2);
					yield german(parts[0]) + " " + parts[1];
				}
				default -> v;
			};
		}

		private static String german(String date) {
			String[] d = date.split("\\.");
			return d[2] + "-" + pad(d[1]) + "-" + pad(d[0]);
		}

		private static String pad(String n) {
			return n.length() == 1 ? "0" + n : n;
		}

		private static boolean validDate(String day, String month) {
			int d = Integer.parseInt(day);
			int m = Integer.parseInt(month);
			return d >= 1 && d <= 31 && m >= 1 && m <= 12;
		}
	}

	static CsvTable read(byte[] bytes) {
		int start = 0;
		Charset charset;
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			start = 3;
			charset = StandardCharsets.UTF_8;
		}
		else {
			charset = ResourceFiles.isUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
		}
		if (!ResourceFiles.looksLikeText(bytes)) {
			throw new Unreadable("Die Datei ist keine Textdatei und damit keine CSV-Datei.");
		}
		String text = new String(bytes, start, bytes.length - start, charset);
		char delimiter = sniffDelimiter(text);
		List<Integer> lines = new ArrayList<>();
		List<List<String>> rows = parse(text, delimiter, lines);
		while (!rows.isEmpty() && blank(rows.get(rows.size() - 1))) {
			rows.remove(rows.size() - 1);
		}
		if (rows.size() < 1 || rows.get(0).size() < 2 && rows.size() < 2) {
			throw new Unreadable("Die Datei enthält keine Tabelle: keine Kopfzeile mit Spaltennamen gefunden.");
		}
		List<String> header = headerNames(rows.get(0));
		List<String> problems = new ArrayList<>();
		List<List<String>> data = new ArrayList<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> row = rows.get(r);
			int line = lines.get(r);
			if (blank(row)) {
				continue;
			}
			if (row.size() != header.size() && problems.size() < MAX_PROBLEMS) {
				problems.add("Zeile " + line + ": " + row.size() + " statt " + header.size() + " Werte");
			}
			List<String> cells = new ArrayList<>(row.subList(0, Math.min(row.size(), header.size())));
			while (cells.size() < header.size()) {
				cells.add("");
			}
			data.add(cells);
		}
		List<Kind> kinds = new ArrayList<>();
		for (int c = 0; c < header.size(); c++) {
			kinds.add(kindOf(data, c, delimiter == ';'));
		}
		List<Datastore.Field> fields = new ArrayList<>();
		for (int c = 0; c < header.size(); c++) {
			fields.add(new Datastore.Field(header.get(c), kinds.get(c).type));
		}
		List<Map<String, Object>> records = new ArrayList<>(data.size());
		for (List<String> cells : data) {
			Map<String, Object> record = new LinkedHashMap<>();
			for (int c = 0; c < header.size(); c++) {
				String v = cells.get(c).strip();
				record.put(header.get(c), v.isEmpty() ? (kinds.get(c) == Kind.TEXT ? cells.get(c) : null)
						: kinds.get(c).canonical(v));
			}
			records.add(record);
		}
		return new CsvTable(charset, delimiter, fields, records, problems);
	}

	/**
	 * The first kind that every non-empty value of the column fits; leading zeros (postcodes, keys)
	 * stay text. In {@code ;}-separated files (the German habit, because the comma is the decimal
	 * sign) "12.345" is read as twelve thousand, elsewhere as a decimal.
	 */
	private static Kind kindOf(List<List<String>> data, int column, boolean german) {
		List<Kind> candidates = new ArrayList<>(List.of(Kind.values()));
		if (german) {
			candidates.remove(Kind.DECIMAL_COMMA);
			candidates.add(1, Kind.DECIMAL_COMMA);
		}
		boolean any = false;
		for (List<String> row : data) {
			String v = row.get(column).strip();
			if (v.isEmpty()) {
				continue;
			}
			any = true;
			if (v.length() > 1 && v.startsWith("0") && !v.startsWith("0.") && !v.startsWith("0,")) {
				candidates.retainAll(List.of(Kind.DATE_DE, Kind.TIMESTAMP_DE, Kind.TEXT));
			}
			candidates.removeIf(k -> !k.accepts(v));
			if (candidates.size() == 1) {
				break;
			}
		}
		return any ? candidates.get(0) : Kind.TEXT;
	}

	/** The delimiter that splits the first lines into the most, equally many, columns. */
	private static char sniffDelimiter(String text) {
		String sample = text.length() > 64 * 1024 ? text.substring(0, 64 * 1024) : text;
		char best = ',';
		double bestScore = -1;
		for (char d : DELIMITERS) {
			List<List<String>> rows = parse(sample, d);
			int n = Math.min(rows.size(), 30);
			if (n == 0) {
				continue;
			}
			int width = rows.get(0).size();
			if (width < 2) {
				continue;
			}
			long consistent = rows.subList(0, n).stream().filter(r -> r.size() == width).count();
			double score = consistent / (double) n * width;
			if (score > bestScore) {
				bestScore = score;
				best = d;
			}
		}
		return best;
	}

	/** RFC 4180 with the usual liberties: CR, LF or CRLF, quotes doubled inside quoted fields, line breaks inside quotes. */
	static List<List<String>> parse(String text, char delimiter) {
		return parse(text, delimiter, new ArrayList<>());
	}

	/** As {@link #parse(String, char)}, noting in {@code lines} the line each row starts on. */
	static List<List<String>> parse(String text, char delimiter, List<Integer> lines) {
		List<List<String>> rows = new ArrayList<>();
		int line = 1;
		int rowStart = 1;
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		int i = 0;
		int n = text.length();
		while (i < n) {
			char ch = text.charAt(i);
			if (quoted) {
				if (ch == '\n' || ch == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n')) {
					line++;
				}
				if (ch == '"') {
					if (i + 1 < n && text.charAt(i + 1) == '"') {
						cell.append('"');
						i += 2;
						continue;
					}
					quoted = false;
				}
				else {
					cell.append(ch);
				}
				i++;
				continue;
			}
			if (ch == '"' && cell.toString().isBlank() && !wasQuoted) {
				quoted = true;
				wasQuoted = true;
				cell.setLength(0);
			}
			else if (ch == delimiter) {
				row.add(cell.toString());
				cell.setLength(0);
				wasQuoted = false;
			}
			else if (ch == '\r' || ch == '\n') {
				row.add(cell.toString());
				rows.add(row);
				lines.add(rowStart);
				row = new ArrayList<>();
				cell.setLength(0);
				wasQuoted = false;
				if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
					i++;
				}
				line++;
				rowStart = line;
			}
			else {
				cell.append(ch);
			}
			i++;
		}
		if (cell.length() > 0 || !row.isEmpty() || wasQuoted) {
			row.add(cell.toString());
			rows.add(row);
			lines.add(rowStart);
		}
		return rows;
	}

	private static boolean blank(List<String> row) {
		return row.stream().allMatch(String::isBlank);
	}

	/**
	 * Column names the datastore accepts: line breaks and quotes out, no leading underscore, at most
	 * 63 bytes, empty ones named by position, duplicates numbered.
	 */
	static List<String> headerNames(List<String> raw) {
		List<String> names = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < raw.size(); i++) {
			String name = raw.get(i).replaceAll("[\\s\"\u0000]+", " ").strip().replaceFirst("^_+", "").strip();
			if (name.isEmpty()) {
				name = "spalte_" + (i + 1);
			}
			name = truncate(name, 55);
			String unique = name;
			for (int k = 2; !seen.add(unique); k++) {
				unique = name + "_" + k;
			}
			names.add(unique);
		}
		return names;
	}

	private static String truncate(String name, int maxBytes) {
		String result = name;
		while (result.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
			result = result.substring(0, result.length() - 1);
		}
		return result.strip();
	}
}
