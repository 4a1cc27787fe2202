package de.bochum.portal.opendata.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A dataset's editable fields after validation, typed; what {@link Dataset#update} takes. */
record DatasetFields(String name, String title, String notes, String url, String organizationName, String licenseId,
		String attribution, String author, String authorEmail, String maintainer, String maintainerEmail,
		String version, String spatialKey, LocalDate temporalStart, LocalDate temporalEnd, String frequency,
		boolean privateDataset, List<String> tags, List<String> groupNames, Map<String, String> extras) {

	DatasetFields {
		tags = List.copyOf(tags);
		groupNames = List.copyOf(groupNames);
		extras = Map.copyOf(extras);
	}
}

/** A resource's editable fields after validation. */
record ResourceFields(String name, String url, String format, String mimetype, String description, Long size,
		String hash) {
}
