package de.bochum.portal.opendata.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV text (UTF-8, comma, RFC 4180 quoting) a spreadsheet's first sheet becomes, shared by
 * the XLSX and the ODS reader so that both give the loader the same: values rather than their
 * display, empty rows left out, and rows padded to the first row's width, because a spreadsheet
 * leaves empty trailing cells out while the loader would report such a row as too short.
 */
final class SheetCsv {

	/**
	 * At most this much CSV text is made of one sheet. A few kilobytes of spreadsheet can ask for
	 * far more (an ODS row repeated a million times, a zip bomb), and the text is held in memory.
	 */
	static final long MAX_BYTES = 256L * 1024 * 1024;

	static final String TOO_LARGE = "opendata.job.error.sheetTooLarge";

	/** The file is not a readable spreadsheet, or too large unpacked; {@code key} is the report's message. */
	static final class Unreadable extends RuntimeException {

		final String key;

		Unreadable(String key, Throwable cause) {
			super(key, cause);
			this.key = key;
		}
	}

	private final ByteArrayOutputStream out;
	private int width = -1;

	SheetCsv(int expectedBytes) {
		this.out = new ByteArrayOutputStream(Math.max(1024, expectedBytes));
	}

	/** Adds the row, stripped, {@code times} times (ODS repeats identical rows); an empty row is left out. */
	void row(List<String> cells, long times) {
		List<String> values = new ArrayList<>(Math.max(cells.size(), width));
		boolean empty = true;
		for (String cell : cells) {
			String value = cell == null ? "" : cell.strip();
			empty &= value.isEmpty();
			values.add(value);
		}
		if (empty || times < 1) {
			return;
		}
		if (width < 0) {
			width = values.size();
		}
		while (values.size() < width) {
			values.add("");
		}
		byte[] line = CsvTable.line(values).getBytes(StandardCharsets.UTF_8);
		if (out.size() + (double) line.length * times > MAX_BYTES) {
			throw new Unreadable(TOO_LARGE, null);
		}
		for (long i = 0; i < times; i++) {
			out.writeBytes(line);
		}
	}

	byte[] bytes() {
		return out.toByteArray();
	}

	/** A number as the loader reads it: no grouping, no exponent, no trailing zeros. */
	static String number(BigDecimal value) {
		BigDecimal number = value.stripTrailingZeros();
		return number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
	}

	/** An ISO date, or an ISO timestamp with a space where the time of day is not midnight. */
	static String dateTime(LocalDateTime time) {
		return time.toLocalTime().toSecondOfDay() == 0 ? time.toLocalDate().toString() : time.toString().replace('T', ' ');
	}
}
