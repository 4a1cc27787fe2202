package de.bochum.portal.opendata.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A dataset as a publisher typed it, on the staff form or in an API call, kept as typed so that a
 * refused form comes back unchanged. Keys of {@link #check()} are CKAN's field names, which are also
 * the form fields' ids, so the same errors serve the error summary and CKAN's error dictionary.
 *
 * @param tags comma-separated
 * @param extras one {@code key = value} per line
 */
public record DatasetForm(String name, String title, String notes, String url, String ownerOrg, String licenseId,
		String attribution, String author, String authorEmail, String maintainer, String maintainerEmail,
		String version, String spatial, String temporalStart, String temporalEnd, String frequency,
		boolean privateDataset, String tags, List<String> groups, String extras, long lockVersion) {

	static final String FREQUENCY_BASE = "http://publications.europa.eu/resource/authority/frequency/";

	/** The EU update frequencies a publisher can choose, by code. */
	public static final List<String> FREQUENCIES = List.of("CONT", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY",
			"ANNUAL", "IRREG", "NEVER");

	static final Pattern NAME = Pattern.compile("[a-z0-9_-]{2,100}");

	private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N} ._-]{2,100}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	public DatasetForm {
		name = clean(name);
		title = clean(title);
		notes = notes == null ? "" : notes.strip();
		url = WebAddresses.normalised(clean(url));
		ownerOrg = clean(ownerOrg);
		licenseId = clean(licenseId);
		attribution = clean(attribution);
		author = clean(author);
		authorEmail = clean(authorEmail);
		maintainer = clean(maintainer);
		maintainerEmail = clean(maintainerEmail);
		version = clean(version);
		spatial = clean(spatial);
		temporalStart = clean(temporalStart);
		temporalEnd = clean(temporalEnd);
		frequency = clean(frequency);
		tags = clean(tags);
		groups = groups == null ? List.of() : groups.stream().map(DatasetForm::clean).filter(g -> !g.isEmpty()).toList();
		extras = extras == null ? "" : extras.strip();
	}

	private static String clean(String text) {
		return text == null ? "" : text.strip();
	}

	static DatasetForm empty(String ownerOrg) {
		return new DatasetForm("", "", "", "", ownerOrg, "dl-by-de/2.0", "", "", "", "", "", "", "", "", "", "",
				false, "", List.of(), "", 0);
	}

	/** Nothing filled in but what is given: where CKAN's package_update starts, and package_create. */
	static DatasetForm blank(String name, String ownerOrg, long lockVersion) {
		return new DatasetForm(name, "", "", "", ownerOrg, "", "", "", "", "", "", "", "", "", "", "", false, "",
				List.of(), "", lockVersion);
	}

	static DatasetForm of(Dataset d) {
		String frequencyCode = d.getFrequency() == null ? ""
				: d.getFrequency().substring(d.getFrequency().lastIndexOf('/') + 1);
		return new DatasetForm(d.getName(), d.getTitle(), d.getNotes(), d.getUrl(), d.getOrganization().getName(),
				d.getLicenseId(), d.getAttribution(), d.getAuthor(), d.getAuthorEmail(), d.getMaintainer(),
				d.getMaintainerEmail(), d.getVersion(), d.getSpatialKey(),
				d.getTemporalStart() == null ? "" : d.getTemporalStart().toString(),
				d.getTemporalEnd() == null ? "" : d.getTemporalEnd().toString(), frequencyCode, d.isPrivateDataset(),
				String.join(", ", d.getTags()), d.getGroups().stream().map(DataGroup::getName).toList(),
				d.getExtras()
					.entrySet()
					.stream()
					.map(e -> e.getKey() + " = " + e.getValue())
					.collect(Collectors.joining("\n")),
				d.getLockVersion());
	}

	/** The frequency as a code, whether given as code or URI. */
	public String frequencyCode() {
		return frequency.startsWith(FREQUENCY_BASE) ? frequency.substring(FREQUENCY_BASE.length())
				: frequency.toUpperCase(Locale.ROOT);
	}

	List<String> tagList() {
		LinkedHashSet<String> list = new LinkedHashSet<>();
		for (String tag : tags.split(",")) {
			if (!tag.isBlank()) {
				list.add(tag.strip());
			}
		}
		return new ArrayList<>(list);
	}

	/** The extras, or null where a line is not {@code key = value} or a key repeats. */
	Map<String, String> extraMap() {
		Map<String, String> map = new LinkedHashMap<>();
		for (String line : extras.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			int eq = line.indexOf('=');
			if (eq <= 0 || line.substring(0, eq).isBlank() || map.put(line.substring(0, eq).strip(),
					line.substring(eq + 1).strip()) != null) {
				return null;
			}
		}
		return map;
	}

	/**
	 * What is wrong with the input on its own, field to message key, in the order of the form.
	 * Checks that need the database (name in use, organization, licence, groups, place) are
	 * {@link Publishing}'s.
	 */
	Map<String, String> check() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (title.isEmpty() || title.length() > 200) {
			errors.put("title", "opendata.staff.error.title");
		}
		if (!NAME.matcher(name).matches()) {
			errors.put("name", "opendata.staff.error.name");
		}
		if (!url.isEmpty() && !WebAddresses.valid(url)) {
			errors.put("url", "opendata.staff.error.url");
		}
		if (!authorEmail.isEmpty() && !EMAIL.matcher(authorEmail).matches()) {
			errors.put("author_email", "opendata.staff.error.email");
		}
		if (!maintainerEmail.isEmpty() && !EMAIL.matcher(maintainerEmail).matches()) {
			errors.put("maintainer_email", "opendata.staff.error.email");
		}
		if (version.length() > 100) {
			errors.put("version", "opendata.staff.error.version");
		}
		LocalDate start = date(temporalStart);
		LocalDate end = date(temporalEnd);
		if (!temporalStart.isEmpty() && start == null) {
			errors.put("temporal_start", "opendata.staff.error.date");
		}
		if (!temporalEnd.isEmpty() && end == null) {
			errors.put("temporal_end", "opendata.staff.error.date");
		}
		else if (start != null && end != null && end.isBefore(start)) {
			errors.put("temporal_end", "opendata.staff.error.dateOrder");
		}
		if (!frequency.isEmpty() && !FREQUENCIES.contains(frequencyCode())) {
			errors.put("frequency", "opendata.staff.error.frequency");
		}
		if (tagList().stream().anyMatch(t -> !TAG.matcher(t).matches())) {
			errors.put("tags", "opendata.staff.error.tags");
		}
		if (extraMap() == null) {
			errors.put("extras", "opendata.staff.error.extras");
		}
		return errors;
	}

	static LocalDate date(String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException notADate) {
			return null;
		}
	}

	/** The typed fields; only after {@link #check()} found nothing. */
	DatasetFields fields() {
		return new DatasetFields(name, title, notes, blankToNull(url), ownerOrg, licenseId, blankToNull(attribution),
				blankToNull(author), blankToNull(authorEmail), blankToNull(maintainer), blankToNull(maintainerEmail),
				blankToNull(version), blankToNull(spatial), date(temporalStart), date(temporalEnd),
				frequency.isEmpty() ? null : FREQUENCY_BASE + frequencyCode(), privateDataset, tagList(), groups,
				extraMap());
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
