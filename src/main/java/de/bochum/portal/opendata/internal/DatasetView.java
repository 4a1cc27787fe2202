package de.bochum.portal.opendata.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A dataset as pages show it, read inside the transaction so templates never touch lazy
 * associations.
 */
public record DatasetView(String id, String name, String title, String notes, String url, OrganizationRef organization,
		LicenseRef license, String attribution, String author, String authorEmail, String maintainer,
		String maintainerEmail, String version, String spatial, LocalDate temporalStart, LocalDate temporalEnd,
		String frequency, Instant created, Instant modified, List<String> tags, List<GroupRef> groups,
		Map<String, String> extras, List<ResourceView> resources, String spatialKey, boolean privateDataset,
		String state) {

	public record OrganizationRef(String id, String name, String title, String description) {
	}

	public record LicenseRef(String id, String title, String url, String uri, boolean open) {
	}

	public record GroupRef(String id, String name, String title, String titleEn, String themeUri) {

		public String title(String lang) {
			return "en".equals(lang) ? titleEn : title;
		}
	}

	public record ResourceView(String id, String name, String description, String url, String format, String mimetype,
			Long size, String hash, Instant lastModified, Instant created, int position) {
	}

	/** The description as safe HTML. */
	public String notesHtml() {
		return Markdown.toHtml(notes);
	}

	/** The EU frequency code, e.g. ANNUAL, or empty. */
	public String frequencyCode() {
		return frequency == null ? "" : frequency.substring(frequency.lastIndexOf('/') + 1);
	}

	public boolean isPublic() {
		return !privateDataset && Dataset.ACTIVE.equals(state);
	}

	public List<String> formats() {
		return resources.stream().map(ResourceView::format).filter(f -> !f.isBlank()).distinct().toList();
	}

	static DatasetView of(Dataset d, String spatial) {
		Organization o = d.getOrganization();
		License l = d.getLicense();
		return of(d, spatial, new OrganizationRef(o.getId().toString(), o.getName(), o.getTitle(), o.getDescription()),
				new LicenseRef(l.getId(), l.getTitle(), l.getUrl(), l.getUri(), l.isOpen()));
	}

	static DatasetView of(Dataset d, String spatial, OrganizationRef organization, LicenseRef license) {
		return new DatasetView(d.getId().toString(), d.getName(), d.getTitle(), d.getNotes(), d.getUrl(),
				organization, license, d.getAttribution(),
				d.getAuthor(), d.getAuthorEmail(), d.getMaintainer(), d.getMaintainerEmail(), d.getVersion(), spatial,
				d.getTemporalStart(), d.getTemporalEnd(), d.getFrequency(), d.getCreated(), d.getModified(),
				List.copyOf(d.getTags()),
				d.getGroups().stream().map(g -> new GroupRef(g.getId().toString(), g.getName(), g.getTitle(), g.getTitleEn(), g.getThemeUri())).toList(),
				new java.util.TreeMap<>(d.getExtras()),
				d.getResources().stream().map(r -> new ResourceView(r.getId().toString(), r.getName(), r.getDescription(),
						r.getUrl(), r.getFormat(), r.getMimetype(), r.getSize(), r.getHash(), r.getLastModified(),
						r.getCreated(), r.getPosition())).toList(),
				d.getSpatialKey(), d.isPrivateDataset(), d.getState());
	}
}
