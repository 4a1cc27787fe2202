package de.bochum.portal.opendata.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV downloads are opened in spreadsheet programs, which run a cell that starts with {@code =},
 * {@code +}, {@code -} or {@code @} (or a tab or carriage return) as a formula: a published cell
 * {@code =HYPERLINK(…)} would become a link or a command on the reader's machine. Such cells are
 * neutralised with a leading apostrophe, as OWASP recommends; numbers such as {@code -5} or
 * {@code +49} stay as they are. The API (datastore_search, the JSON download) keeps the raw value.
 */
final class SpreadsheetCells {

	private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][+-]?\\d+)?");

	private SpreadsheetCells() {
	}

	static String neutralised(String cell) {
		if (cell == null || cell.isEmpty()) {
			return cell;
		}
		char first = cell.charAt(0);
		boolean trigger = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
		return trigger && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
	}

	static List<String> neutralised(List<String> cells) {
		return cells.stream().map(SpreadsheetCells::neutralised).toList();
	}
}
