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

	/** The state of a resource's datastore table, as the staff page shows it. */
	public record DatastoreStatus(String status, long rows, String report) {
	}
}
