package de.bochum.portal.opendata.internal;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The first table of an OpenDocument spreadsheet (ODS) as CSV text ({@link SheetCsv}), so that it
 * goes through the same type inference and loader as a CSV file. {@code content.xml} is read with
 * the JDK's StAX parser as it is unpacked, never built as a document: a sheet may declare a million
 * repeated empty rows or columns, which are counted, never materialised. Cells give their values
 * ({@code office:value}, {@code office:date-value}, {@code office:boolean-value}), not their
 * display; a time and a cell without a value type give their text.
 *
 * <p>The unpacking is guarded at least as strictly as POI guards XLSX: no DTD (so no entities that
 * expand or reach out), every entry's unpacked bytes checked against its packed bytes (at least 1 %
 * after the first 100 KB, POI's ratio), and at most {@link #MAX_UNPACKED_BYTES} unpacked in all.
 */
final class OdsSheet {

	static final String MEDIA_TYPE = "application/vnd.oasis.opendocument.spreadsheet";

	static final String NOT_ODS = "opendata.job.error.ods";

	/** Half of POI's 4 GB per entry, for all entries together. */
	static final long MAX_UNPACKED_BYTES = 2L * 1024 * 1024 * 1024;

	static final double MIN_INFLATE_RATIO = 0.01;

	static final long RATIO_GRACE_BYTES = 100 * 1024;

	/** LibreOffice's and Excel's largest sheet is this wide; wider data is not a table but an attack. */
	static final int MAX_COLUMNS = 16_384;

	/** POI's limit on a text's length. */
	static final int MAX_CELL_CHARS = 10 * 1024 * 1024;

	private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
	private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
	private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
	private static final String CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0";

	/**
	 * What the entries have unpacked so far. The parser reports its input's failure as a parse
	 * error without the cause, so the budget remembers that it was exceeded.
	 */
	private static final class Budget {

		long unpacked;
		boolean exceeded;

		IOException exceed(String what) {
			exceeded = true;
			return new IOException(what);
		}
	}

	private OdsSheet() {
	}

	/** The first table as CSV text; throws {@link SheetCsv.Unreadable} for a file that is not a readable ODS. */
	static byte[] toCsv(byte[] ods) {
		Counting packed = new Counting(new ByteArrayInputStream(ods));
		Budget budget = new Budget();
		try (ZipInputStream zip = new ZipInputStream(packed, StandardCharsets.UTF_8)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				InputStream content = new Guarded(zip, packed, budget);
				if (entry.getName().equals("mimetype")) {
					String type = new String(content.readNBytes(200), StandardCharsets.US_ASCII).strip();
					if (!type.startsWith(MEDIA_TYPE)) {
						throw new SheetCsv.Unreadable(NOT_ODS, new IllegalStateException("mimetype " + type));
					}
				}
				if (entry.getName().equals("content.xml")) {
					return firstTable(content, (int) Math.min(ods.length * 4L, 64 * 1024 * 1024));
				}
				// Drained through the guard, not skipped by the zip stream, which would unpack unchecked.
				content.transferTo(java.io.OutputStream.nullOutputStream());
			}
			throw new SheetCsv.Unreadable(NOT_ODS, new IllegalStateException("no content.xml"));
		}
		catch (SheetCsv.Unreadable unreadable) {
			throw unreadable;
		}
		catch (Exception notOds) {
			throw new SheetCsv.Unreadable(budget.exceeded ? SheetCsv.TOO_LARGE : NOT_ODS, notOds);
		}
	}

	private static byte[] firstTable(InputStream content, int expectedBytes) throws XMLStreamException, IOException {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		XMLStreamReader xml = factory.createXMLStreamReader(content);
		try {
			boolean spreadsheet = false;
			while (true) {
				if (next(xml) == XMLStreamConstants.START_ELEMENT) {
					if (is(xml, OFFICE, "spreadsheet")) {
						spreadsheet = true;
					}
					else if (spreadsheet && is(xml, TABLE, "table")) {
						return rows(xml, expectedBytes);
					}
				}
			}
		}
		finally {
			xml.close();
		}
	}

	/** The table's rows, from its start tag to its end tag; row groups and header rows are descended into. */
	private static byte[] rows(XMLStreamReader xml, int expectedBytes) throws XMLStreamException {
		SheetCsv csv = new SheetCsv(expectedBytes);
		int depth = 1;
		while (depth > 0) {
			int event = next(xml);
			if (event == XMLStreamConstants.START_ELEMENT) {
				if (is(xml, TABLE, "table-row")) {
					long times = repeated(xml, "number-rows-repeated");
					List<String> row = row(xml);
					// An empty row, however often repeated, is left out before anything is materialised.
					csv.row(row, times);
				}
				else {
					depth++;
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
		return csv.bytes();
	}

	/** The cells of a row, up to its last non-empty one: empty cells are only written where a value follows. */
	private static List<String> row(XMLStreamReader xml) throws XMLStreamException {
		List<String> cells = new ArrayList<>();
		long pendingEmpty = 0;
		while (true) {
			int event = next(xml);
			if (event == XMLStreamConstants.END_ELEMENT) {
				return cells;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			boolean cell = is(xml, TABLE, "table-cell");
			boolean covered = is(xml, TABLE, "covered-table-cell");
			if (!cell && !covered) {
				skip(xml);
				continue;
			}
			long times = repeated(xml, "number-columns-repeated");
			String value = covered ? skip(xml) : cell(xml);
			if (value.isBlank()) {
				pendingEmpty += times;
				continue;
			}
			if (cells.size() + pendingEmpty + times > MAX_COLUMNS) {
				throw new SheetCsv.Unreadable(SheetCsv.TOO_LARGE, new IllegalStateException("more than " + MAX_COLUMNS + " columns"));
			}
			for (; pendingEmpty > 0; pendingEmpty--) {
				cells.add("");
			}
			for (long i = 0; i < times; i++) {
				cells.add(value);
			}
		}
	}

	/** A cell's value, read up to its end tag. */
	private static String cell(XMLStreamReader xml) throws XMLStreamException {
		String type = attribute(xml, OFFICE, "value-type");
		String extendedType = attribute(xml, CALCEXT, "value-type");
		String value = attribute(xml, OFFICE, "value");
		String date = attribute(xml, OFFICE, "date-value");
		String bool = attribute(xml, OFFICE, "boolean-value");
		String string = attribute(xml, OFFICE, "string-value");
		String text = text(xml);
		if ("error".equals(extendedType) || type == null) {
			return text;
		}
		return switch (type) {
			case "float", "percentage", "currency" -> value == null ? text : number(value, text);
			case "date" -> date == null ? text : date(date);
			case "boolean" -> bool == null ? text : bool;
			case "string" -> string == null ? text : string;
			default -> text;
		};
	}

	private static String number(String value, String text) {
		try {
			return SheetCsv.number(new BigDecimal(value.strip()));
		}
		catch (NumberFormatException notANumber) {
			return text;
		}
	}

	private static String date(String value) {
		try {
			return value.length() == 10 ? LocalDate.parse(value).toString() : SheetCsv.dateTime(LocalDateTime.parse(value));
		}
		catch (DateTimeParseException withZoneOrOdd) {
			return value.replace('T', ' ');
		}
	}

	/**
	 * The text of the cell's paragraphs, one line each. Spaces are collapsed as ODF says, so that
	 * {@code text:s}, {@code text:tab} and {@code text:line-break} carry the ones that count; what is
	 * not a paragraph (a comment, a drawing) is not the cell's text.
	 */
	private static String text(XMLStreamReader xml) throws XMLStreamException {
		StringBuilder text = new StringBuilder();
		boolean firstParagraph = true;
		while (true) {
			int event = next(xml);
			if (event == XMLStreamConstants.END_ELEMENT) {
				return text.toString();
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			if (is(xml, TEXT, "p")) {
				if (!firstParagraph) {
					text.append('\n');
				}
				firstParagraph = false;
				paragraph(xml, text);
			}
			else {
				skip(xml);
			}
		}
	}

	private static void paragraph(XMLStreamReader xml, StringBuilder text) throws XMLStreamException {
		int depth = 1;
		boolean collapsing = false;
		while (depth > 0) {
			int event = next(xml);
			switch (event) {
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					char[] chars = xml.getTextCharacters();
					for (int i = xml.getTextStart(), end = i + xml.getTextLength(); i < end; i++) {
						char c = chars[i];
						boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
						if (!space || !collapsing) {
							text.append(space ? ' ' : c);
						}
						collapsing = space;
					}
				}
				case XMLStreamConstants.START_ELEMENT -> {
					if (is(xml, TEXT, "s")) {
						long spaces = repeated(xml, TEXT, "c");
						for (long i = 0; i < spaces && text.length() <= MAX_CELL_CHARS; i++) {
							text.append(' ');
						}
						collapsing = false;
						skip(xml);
					}
					else if (is(xml, TEXT, "tab") || is(xml, TEXT, "line-break")) {
						text.append(is(xml, TEXT, "tab") ? '\t' : '\n');
						collapsing = false;
						skip(xml);
					}
					else if (is(xml, OFFICE, "annotation") || is(xml, TEXT, "note")) {
						skip(xml);
					}
					else {
						depth++;
					}
				}
				case XMLStreamConstants.END_ELEMENT -> depth--;
				default -> {
				}
			}
			if (text.length() > MAX_CELL_CHARS) {
				throw new SheetCsv.Unreadable(SheetCsv.TOO_LARGE,
						new IllegalStateException("a cell longer than " + MAX_CELL_CHARS + " characters"));
			}
		}
	}

	/** Reads past the current element's end tag; returns "" so that a covered cell reads as empty. */
	private static String skip(XMLStreamReader xml) throws XMLStreamException {
		for (int depth = 1; depth > 0;) {
			int event = next(xml);
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
		return "";
	}

	/**
	 * The next event; an ODS has no DTD, so one is refused rather than ignored, and the document
	 * must not end before the first table has.
	 */
	private static int next(XMLStreamReader xml) throws XMLStreamException {
		int event = xml.next();
		if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
			throw new XMLStreamException("a DTD or entity in content.xml");
		}
		if (event == XMLStreamConstants.END_DOCUMENT) {
			throw new XMLStreamException("content.xml ends without a whole table");
		}
		return event;
	}

	private static boolean is(XMLStreamReader xml, String namespace, String name) {
		return namespace.equals(xml.getNamespaceURI()) && name.equals(xml.getLocalName());
	}

	private static String attribute(XMLStreamReader xml, String namespace, String name) {
		return xml.getAttributeValue(namespace, name);
	}

	private static long repeated(XMLStreamReader xml, String name) throws XMLStreamException {
		return repeated(xml, TABLE, name);
	}

	private static long repeated(XMLStreamReader xml, String namespace, String name) throws XMLStreamException {
		String count = attribute(xml, namespace, name);
		if (count == null) {
			return 1;
		}
		try {
			long times = Long.parseLong(count.strip());
			if (times < 1) {
				throw new XMLStreamException("repeated " + count + " times");
			}
			return times;
		}
		catch (NumberFormatException notACount) {
			throw new XMLStreamException("repeated " + count + " times");
		}
	}

	/** Counts the packed bytes the zip stream has taken. */
	private static final class Counting extends FilterInputStream {

		long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			count += b < 0 ? 0 : 1;
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			count += Math.max(n, 0);
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			count += skipped;
			return skipped;
		}
	}

	/**
	 * One entry's unpacked bytes, checked as they come: against the packed bytes taken for it (a
	 * zip bomb packs far better than any spreadsheet) and against the total for the file.
	 */
	private static final class Guarded extends FilterInputStream {

		private final Counting packed;
		private final long packedAtStart;
		private final Budget budget;
		private long unpacked;

		Guarded(ZipInputStream entry, Counting packed, Budget budget) {
			super(entry);
			this.packed = packed;
			this.packedAtStart = packed.count;
			this.budget = budget;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				unpacked += n;
				budget.unpacked += n;
				if (budget.unpacked > MAX_UNPACKED_BYTES) {
					throw budget.exceed("more than " + MAX_UNPACKED_BYTES + " bytes unpacked");
				}
				if (unpacked > RATIO_GRACE_BYTES && (packed.count - packedAtStart) < unpacked * MIN_INFLATE_RATIO) {
					throw budget.exceed("packed more than " + (int) (1 / MIN_INFLATE_RATIO) + " to 1");
				}
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			return Math.max(0, read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192)));
		}

		@Override
		public void close() {
			// The zip stream is closed by its owner, after the last entry.
		}
	}
}
