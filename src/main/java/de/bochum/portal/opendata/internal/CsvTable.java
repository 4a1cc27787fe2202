package de.bochum.portal.opendata.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A CSV file as German open data publishes it, read for the datastore: the encoding (UTF-8 with or
 * without BOM, else Windows-1252), the delimiter ({@code ;}, {@code ,}, tab or {@code |}), quoted
 * fields with line breaks, and per column a type: integers, decimals with point or comma, German
 * or ISO dates and timestamps; a column that mixes kinds stays text. The types come from a sample
 * of the first rows; the rows themselves are streamed, never held.
 */
final class CsvTable {

	private static final char[] DELIMITERS = { ';', ',', '\t', '|' };
	static final int MAX_PROBLEMS = 20;
	static final int SAMPLE_ROWS = 10_000;
	/**
	 * How much of a file the encoding is judged from. Files are streamed, so the check cannot see the
	 * whole file; a Windows-1252 file whose first non-ASCII character comes later than this is read as
	 * UTF-8 (that character becomes U+FFFD). German files show their umlauts long before.
	 */
	static final int DETECT_BYTES = 4 * 1024 * 1024;
	private static final int TEXT_CHECK_BYTES = 64 * 1024;

	/**
	 * A file read from its start each time it is opened: sampling the types and every load attempt
	 * read it anew, from storage, instead of holding it.
	 */
	@FunctionalInterface
	interface Source {

		InputStream open() throws IOException;

		static Source of(byte[] bytes) {
			return () -> new ByteArrayInputStream(bytes);
		}

		/** Up to {@code max} bytes from the start. */
		default byte[] prefix(int max) {
			try (InputStream in = open()) {
				return in.readNBytes(max);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		/** The whole file, for what cannot be streamed. */
		default byte[] bytes() {
			return prefix(Integer.MAX_VALUE);
		}
	}

	private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]{0,17})");
	private static final Pattern DECIMAL_POINT = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");
	private static final Pattern DECIMAL_COMMA = Pattern.compile("[-+]?([0-9]{1,3}(\\.[0-9]{3})+|[0-9]+)(,[0-9]+)?");
	private static final Pattern DATE_ISO = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
	private static final Pattern DATE_DE = Pattern.compile("[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}");
	private static final Pattern TIMESTAMP_ISO = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?");
	private static final Pattern TIMESTAMP_DE = Pattern.compile("[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4},? [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?");

	private CsvTable() {
	}

	/** The CSV cannot be read as a table at all. */
	static final class Unreadable extends RuntimeException {

		final String key;
		final long line;

		Unreadable(String key, long line) {
			super(key + " (line " + line + ")");
			this.key = key;
			this.line = line;
		}
	}

	/** A value later in the file that does not fit the type the sample gave its column. */
	static final class Mismatch extends RuntimeException {

		final int column;
		final long line;
		final String value;

		Mismatch(int column, long line, String value) {
			super(null, null, false, false);
			this.column = column;
			this.line = line;
			this.value = value;
		}
	}

	/** How the file is written: detected, or as the publisher said. */
	record Format(Charset charset, char delimiter, boolean decimalComma, boolean header) {

		String delimiterName() {
			return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
		}

		ResourcePreview.LoadOptions options() {
			return new ResourcePreview.LoadOptions(charset.name(), delimiterName(), decimalComma, header);
		}

		/** The publisher's choice from the override form; null where a value is not one of the offered. */
		static Format of(String encoding, String delimiter, String decimalComma, String header) {
			if (encoding == null || !List.of("UTF-8", "windows-1252", "ISO-8859-1").contains(encoding) || delimiter == null
					|| !List.of(";", ",", "tab", "|").contains(delimiter) || !List.of("ja", "nein").contains(decimalComma)
					|| !List.of("ja", "nein").contains(header)) {
				return null;
			}
			return new Format(Charset.forName(encoding), "tab".equals(delimiter) ? '\t' : delimiter.charAt(0),
					"ja".equals(decimalComma), "ja".equals(header));
		}
	}

	/** The table a file becomes: column names and each column's kind. */
	record Plan(Format format, List<String> names, List<Kind> kinds) {

		List<Datastore.Field> fields() {
			List<Datastore.Field> fields = new ArrayList<>();
			for (int c = 0; c < names.size(); c++) {
				fields.add(new Datastore.Field(names.get(c), kinds.get(c).type));
			}
			return fields;
		}

		Plan widened(int column) {
			List<Kind> wider = new ArrayList<>(kinds);
			wider.set(column, Kind.TEXT);
			return new Plan(format, names, wider);
		}
	}

	/** Receives the rows of a file, converted to PostgreSQL's input syntax (null for empty non-text values). */
	interface RowSink {

		void row(long line, String[] values);
	}

	/** How a column's values are written, once known; each turns a value into PostgreSQL's input syntax. */
	enum Kind {
		INTEGER(Datastore.FieldType.INT8, "ganze Zahl"), DECIMAL_POINT(Datastore.FieldType.NUMERIC, "Dezimalzahl"),
		DECIMAL_COMMA(Datastore.FieldType.NUMERIC, "Dezimalzahl"), DATE_ISO(Datastore.FieldType.DATE, "Datum"),
		DATE_DE(Datastore.FieldType.DATE, "Datum"), TIMESTAMP_ISO(Datastore.FieldType.TIMESTAMP, "Zeitpunkt"),
		TIMESTAMP_DE(Datastore.FieldType.TIMESTAMP, "Zeitpunkt"), TEXT(Datastore.FieldType.TEXT, "Text");

		final Datastore.FieldType type;
		final String label;

		Kind(Datastore.FieldType type, String label) {
			this.type = type;
			this.label = label;
		}

		boolean accepts(String v) {
			return switch (this) {
				case INTEGER -> plainNumber(v, (char) 0) ? v.length() <= 19 : CsvTable.INTEGER.matcher(v).matches();
				case DECIMAL_POINT -> plainNumber(v, '.') || CsvTable.DECIMAL_POINT.matcher(v).matches();
				case DECIMAL_COMMA -> plainNumber(v, ',') || CsvTable.DECIMAL_COMMA.matcher(v).matches();
				case DATE_ISO -> CsvTable.DATE_ISO.matcher(v).matches() && validDate(v.substring(8, 10), v.substring(5, 7));
				case DATE_DE -> v.length() == 10 && v.charAt(2) == '.' && v.charAt(5) == '.' && digits(v, 0, 2) && digits(v, 3, 5)
						&& digits(v, 6, 10) ? validDate(v.substring(0, 2), v.substring(3, 5))
								: CsvTable.DATE_DE.matcher(v).matches() && validDate(v.split("\\.")[0], v.split("\\.")[1]);
				case TIMESTAMP_ISO -> CsvTable.TIMESTAMP_ISO.matcher(v).matches();
				case TIMESTAMP_DE -> CsvTable.TIMESTAMP_DE.matcher(v).matches();
				case TEXT -> true;
			};
		}

		String canonical(String v) {
			return switch (this) {
				case DECIMAL_COMMA -> v.indexOf('.') < 0 ? v.replace(',', '.') : v.replace(".", "").replace(',', '.');
				case DATE_DE -> v.length() == 10 ? v.substring(6) + "-" + v.substring(3, 5) + "-" + v.substring(0, 2) : german(v);
				case TIMESTAMP_DE -> {
					String[] parts = v.replace(",", "").split(" ", 2);
					yield german(parts[0]) + " " + parts[1];
				}
				default -> v;
			};
		}

		/**
		 * The common case without a regular expression (the loader checks millions of values): digits
		 * with at most one {@code separator} between them and an optional sign; no leading zero.
		 */
		private static boolean plainNumber(String v, char separator) {
			int start = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
			if (start == v.length() || v.length() - start > 1 && v.charAt(start) == '0' && v.charAt(start + 1) != separator) {
				return false;
			}
			boolean separated = false;
			for (int i = start; i < v.length(); i++) {
				char c = v.charAt(i);
				if (c == separator && !separated && i > start && i < v.length() - 1) {
					separated = true;
				}
				else if (c < '0' || c > '9') {
					return false;
				}
			}
			return true;
		}

		private static boolean digits(String v, int from, int to) {
			for (int i = from; i < to; i++) {
				if (v.charAt(i) < '0' || v.charAt(i) > '9') {
					return false;
				}
			}
			return true;
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


	/** Encoding and delimiter from the first {@value #DETECT_BYTES} bytes of the file. */
	static Format detect(Source source) {
		byte[] head = source.prefix(DETECT_BYTES);
		return detect(head.length < DETECT_BYTES ? head : Arrays.copyOf(head, wholeCharacters(head)));
	}

	/**
	 * Where a cut-off prefix ends before a UTF-8 sequence the cut broke up, so that the cut is not
	 * taken for a sign of another encoding.
	 */
	private static int wholeCharacters(byte[] head) {
		for (int back = 1; back <= Math.min(4, head.length); back++) {
			int b = head[head.length - back] & 0xFF;
			if ((b & 0xC0) != 0x80) {
				return b < 0x80 ? head.length : head.length - back;
			}
		}
		return head.length;
	}

	/** Encoding and delimiter from the file's bytes; decimal comma where the German ";" is used. */
	static Format detect(byte[] bytes) {
		Charset charset;
		if (bom(bytes)) {
			charset = StandardCharsets.UTF_8;
		}
		else {
			charset = ResourceFiles.isUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
		}
		int start = bom(bytes) ? 3 : 0;
		String head = new String(bytes, start, Math.min(bytes.length - start, 64 * 1024), charset);
		char delimiter = sniffDelimiter(head);
		return new Format(charset, delimiter, delimiter == ';', true);
	}

	private static boolean bom(byte[] bytes) {
		return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
	}

	/** The rows of the file, opened anew, after a UTF-8 byte order mark; the caller closes the stream. */
	private static InputStream text(Source source, Format format) throws IOException {
		InputStream in = new BufferedInputStream(source.open(), 64 * 1024);
		if (format.charset().equals(StandardCharsets.UTF_8)) {
			in.mark(3);
			if (!bom(in.readNBytes(3))) {
				in.reset();
			}
		}
		return in;
	}

	private static CsvRows rows(InputStream text, Format format) {
		return new CsvRows(new InputStreamReader(text, format.charset()), format.delimiter());
	}

	static Plan plan(byte[] bytes, Format format) {
		return plan(Source.of(bytes), format);
	}

	/** The column names and, from the first {@value #SAMPLE_ROWS} rows, each column's kind. */
	static Plan plan(Source source, Format format) {
		if (!ResourceFiles.looksLikeText(source.prefix(TEXT_CHECK_BYTES))) {
			throw new Unreadable("opendata.job.error.notText", 1);
		}
		try (InputStream text = text(source, format)) {
			return plan(rows(text, format), format);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Plan plan(CsvRows rows, Format format) {
		List<String> first = rows.next();
		while (first != null && blank(first)) {
			first = rows.next();
		}
		List<String> second = rows.next();
		if (first == null || first.size() < 2 && second == null) {
			throw new Unreadable("opendata.job.error.noTable", 1);
		}
		List<String> header = format.header() ? headerNames(first) : positionalNames(first.size());
		List<List<Kind>> candidates = new ArrayList<>();
		for (int c = 0; c < header.size(); c++) {
			candidates.add(candidates(format.decimalComma()));
		}
		boolean[] any = new boolean[header.size()];
		List<String> row = format.header() ? second : first;
		for (int n = 0; row != null && n < SAMPLE_ROWS; n++) {
			for (int c = 0; c < Math.min(row.size(), header.size()); c++) {
				String v = row.get(c).strip();
				if (!v.isEmpty()) {
					any[c] = true;
					candidates.get(c).removeIf(k -> !fits(k, v));
				}
			}
			row = row == first ? second : rows.next();
		}
		List<Kind> kinds = new ArrayList<>();
		for (int c = 0; c < header.size(); c++) {
			kinds.add(any[c] ? candidates.get(c).get(0) : Kind.TEXT);
		}
		return new Plan(format, header, kinds);
	}

	/**
	 * The kinds a column may have, in order of preference. With a decimal comma (the German habit,
	 * where ";" separates) "12.345" is twelve thousand, otherwise a decimal.
	 */
	private static List<Kind> candidates(boolean decimalComma) {
		List<Kind> candidates = new ArrayList<>(List.of(Kind.values()));
		if (decimalComma) {
			candidates.remove(Kind.DECIMAL_COMMA);
			candidates.add(1, Kind.DECIMAL_COMMA);
		}
		return candidates;
	}

	/** Leading zeros (postcodes, keys) keep a value from being a number. */
	static boolean fits(Kind kind, String v) {
		if (kind == Kind.TEXT) {
			return true;
		}
		if (v.length() > 1 && v.charAt(0) == '0' && v.charAt(1) != '.' && v.charAt(1) != ','
				&& kind != Kind.DATE_DE && kind != Kind.TIMESTAMP_DE) {
			return false;
		}
		return kind.accepts(v);
	}

	/**
	 * Streams the data rows, converted per the plan, to the sink; a value that does not fit its
	 * column's kind stops with a {@link Mismatch}. Rows with too few or too many values are
	 * padded or cut and noted in {@code problems}.
	 */
	static long stream(byte[] bytes, Plan plan, RowSink sink, List<String> problems) {
		return stream(Source.of(bytes), plan, sink, problems);
	}

	static long stream(Source source, Plan plan, RowSink sink, List<String> problems) {
		try (InputStream text = text(source, plan.format())) {
			return stream(rows(text, plan.format()), plan, sink, problems);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static long stream(CsvRows rows, Plan plan, RowSink sink, List<String> problems) {
		List<String> row = rows.next();
		while (row != null && blank(row)) {
			row = rows.next();
		}
		if (plan.format().header() && row != null) {
			row = rows.next();
		}
		int width = plan.names().size();
		Kind[] kinds = plan.kinds().toArray(Kind[]::new);
		long count = 0;
		for (; row != null; row = rows.next()) {
			if (blank(row)) {
				continue;
			}
			int line = rows.line();
			if (row.size() != width && problems.size() < MAX_PROBLEMS) {
				problems.add(LoadReport.line("opendata.job.width", line, row.size(), width));
			}
			String[] values = new String[width];
			for (int c = 0; c < width; c++) {
				String cell = c < row.size() ? row.get(c) : "";
				Kind kind = kinds[c];
				if (kind == Kind.TEXT) {
					values[c] = cell;
					continue;
				}
				String v = cell.strip();
				if (v.isEmpty()) {
					values[c] = null;
				}
				else if (fits(kind, v)) {
					values[c] = kind.canonical(v);
				}
				else {
					throw new Mismatch(c, line, v);
				}
			}
			sink.row(line, values);
			count++;
		}
		return count;
	}

	/** The delimiter that splits the first lines into the most, equally many, columns. */
	private static char sniffDelimiter(String sample) {
		char best = ',';
		double bestScore = -1;
		for (char d : DELIMITERS) {
			List<List<String>> rows = CsvRows.parse(sample, d);
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

	private static boolean blank(List<String> row) {
		for (String cell : row) {
			if (!cell.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static List<String> positionalNames(int width) {
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= width; i++) {
			names.add("spalte_" + i);
		}
		return names;
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

	/** One line of RFC 4180 CSV with a comma: fields with a comma, quote or line break quoted, quotes doubled. */
	static String line(List<String> values) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < values.size(); i++) {
			String v = values.get(i);
			if (i > 0) {
				line.append(',');
			}
			if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
				line.append('"').append(v.replace("\"", "\"\"")).append('"');
			}
			else {
				line.append(v);
			}
		}
		return line.append("\r\n").toString();
	}
}
