package de.bochum.portal.opendata.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file's rows one at a time (RFC 4180 with the usual liberties: CR, LF or CRLF, quotes doubled
 * inside quoted fields, line breaks inside quotes), so that a large file is never held as rows.
 */
final class CsvRows {

	private final Reader in;
	private final char delimiter;
	private final char[] buffer = new char[64 * 1024];
	private int pos;
	private int len;
	private int line = 1;
	private int rowLine;
	private final StringBuilder cell = new StringBuilder();

	CsvRows(Reader in, char delimiter) {
		this.in = in;
		this.delimiter = delimiter;
	}

	/** The line of the file the last row returned by {@link #next()} starts on. */
	int line() {
		return rowLine;
	}

	private int read() {
		if (pos == len) {
			try {
				len = in.read(buffer, 0, buffer.length);
			}
			catch (IOException unreadable) {
				throw new UncheckedIOException(unreadable);
			}
			pos = 0;
			if (len <= 0) {
				len = 0;
				return -1;
			}
		}
		return buffer[pos++];
	}

	private int peek() {
		int ch = read();
		if (ch >= 0) {
			pos--;
		}
		return ch;
	}

	/** The next row, or null at the end of the file. */
	List<String> next() {
		rowLine = line;
		List<String> row = new ArrayList<>();
		cell.setLength(0);
		boolean quoted = false;
		boolean wasQuoted = false;
		boolean blankSoFar = true;
		int ch;
		while ((ch = read()) >= 0) {
			char c = (char) ch;
			if (quoted) {
				if (c == '\n' || c == '\r' && peek() != '\n') {
					line++;
				}
				if (c == '"') {
					if (peek() == '"') {
						read();
						cell.append('"');
						continue;
					}
					quoted = false;
				}
				else {
					cell.append(c);
				}
				continue;
			}
			if (c == '"' && blankSoFar && !wasQuoted) {
				quoted = true;
				wasQuoted = true;
				cell.setLength(0);
			}
			else if (c == delimiter) {
				row.add(cell.toString());
				cell.setLength(0);
				wasQuoted = false;
				blankSoFar = true;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && peek() == '\n') {
					read();
				}
				line++;
				row.add(cell.toString());
				return row;
			}
			else {
				cell.append(c);
				if (blankSoFar && !Character.isWhitespace(c)) {
					blankSoFar = false;
				}
			}
		}
		if (cell.length() > 0 || !row.isEmpty() || wasQuoted) {
			row.add(cell.toString());
			return row;
		}
		return null;
	}

	/** All rows of a short text (sniffing the delimiter of a file's beginning). */
	static List<List<String>> parse(String text, char delimiter) {
		CsvRows rows = new CsvRows(new java.io.StringReader(text), delimiter);
		List<List<String>> all = new ArrayList<>();
		for (List<String> row = rows.next(); row != null; row = rows.next()) {
			all.add(row);
		}
		return all;
	}
}
