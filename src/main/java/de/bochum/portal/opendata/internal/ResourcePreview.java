package de.bochum.portal.opendata.internal;

import java.util.List;

/** What the resource pages preview, read before the template runs. */
public final class ResourcePreview {

	private ResourcePreview() {
	}

	/** A page of the datastore table. */
	public record Table(List<String> columns, List<String> types, List<List<String>> rows, long total, int page,
			int pageCount) {
	}

	/** Pretty-printed JSON, and whether it was cut short; empty text when the file is too large to show. */
	public record Json(String text, boolean truncated) {
	}

	/**
	 * A GeoJSON file on a map: where the script fetches it, the tile server (empty: none, the
	 * features on a plain background), and the features as text for everyone who does not see the map.
	 */
	public record GeoMap(String dataPath, String tileUrl, String attribution, List<Feature> features, int total) {
	}

	/** One feature as text: its properties and, for a point, its position. */
	public record Feature(String properties, String position) {
	}

	/** The state of a resource's datastore table, as the staff page shows it. */
	public record DatastoreStatus(String status, long rows, String report, Long errorLine, LoadOptions options) {

		DatastoreStatus(String status, long rows, String report) {
			this(status, rows, report, null, null);
		}

		/** A job still waiting or running: the page offers a refresh. */
		public boolean pending() {
			return "waiting".equals(status) || "running".equals(status);
		}
	}

	/**
	 * How the file is read, preselected in the override form: encoding (UTF-8, windows-1252,
	 * ISO-8859-1), delimiter (";", ",", "tab", "|"), decimal comma and header row.
	 */
	public record LoadOptions(String encoding, String delimiter, boolean decimalComma, boolean header) {
	}
}
