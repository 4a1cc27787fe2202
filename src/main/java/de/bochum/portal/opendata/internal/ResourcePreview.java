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
	public record DatastoreStatus(String status, long rows, String report) {
	}
}
