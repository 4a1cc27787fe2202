package de.bochum.portal.opendata.internal;

import java.time.Instant;
import java.util.List;

/**
 * A dataset in a result list: what the list shows and no more, so that a page of hits can be read
 * from the search index alone.
 *
 * @param formats the distinct formats of its files, in the order of the files
 */
public record DatasetSummary(String name, String title, String publisher, Instant modified, List<String> formats) {

	static DatasetSummary of(DatasetView view) {
		return new DatasetSummary(view.name(), view.title(), view.organization().title(), view.modified(), view.formats());
	}
}
