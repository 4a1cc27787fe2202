package de.bochum.portal.opendata.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import de.bochum.portal.platform.PageContext;

/**
 * A load's report, stored as lines of a message key and its values so that each reader sees it
 * in their language; lines that are not coded (older reports) are shown as they are.
 */
public final class LoadReport {

	private static final String SEPARATOR = "\u001F";

	private LoadReport() {
	}

	static String line(String key, Object... args) {
		StringBuilder line = new StringBuilder(key);
		for (Object arg : args) {
			line.append(SEPARATOR).append(String.valueOf(arg).replace(SEPARATOR, " ").replace('\n', ' '));
		}
		return line.toString();
	}

	/** The report's lines in the page's language. */
	public static List<String> render(PageContext ctx, String report) {
		List<String> lines = new ArrayList<>();
		if (report == null || report.isBlank()) {
			return lines;
		}
		for (String line : report.split("\n")) {
			String[] parts = line.split(SEPARATOR, -1);
			lines.add(parts[0].startsWith("opendata.") ? ctx.t(parts[0], (Object[]) Arrays.copyOfRange(parts, 1, parts.length))
					: line);
		}
		return lines;
	}
}
