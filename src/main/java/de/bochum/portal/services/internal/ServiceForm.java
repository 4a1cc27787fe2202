package de.bochum.portal.services.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import de.bochum.portal.services.Leistung;

/**
 * What the editor typed, kept as typed (numbers as text) so that a rejected form comes back
 * unchanged. Keys of {@link #validate()} are the ids of the fields the error summary links to.
 */
public record ServiceForm(String name, String description, String whoMayApply, String costs, String documents,
		String legalBasis, String processingTime, String leikaKey, boolean online, String onlineUrl,
		boolean appointment, boolean inPerson, String durationMinutes, List<String> lebenslagen, long version) {

	private static final Pattern LEIKA = Pattern.compile("[0-9]{14}");

	public ServiceForm {
		lebenslagen = lebenslagen == null ? List.of() : List.copyOf(lebenslagen);
	}

	static ServiceForm of(Leistung leistung, long version) {
		return new ServiceForm(leistung.name(), leistung.description(), leistung.whoMayApply(), leistung.costs(),
				String.join("\n", leistung.documents()), leistung.legalBasis(), leistung.processingTime(),
				leistung.leikaKey() == null ? "" : leistung.leikaKey(), leistung.online(),
				leistung.onlineUrl() == null ? "" : leistung.onlineUrl(), leistung.appointment(), leistung.inPerson(),
				String.valueOf(leistung.durationMinutes()), leistung.lebenslagen(), version);
	}

	/** Field id → message key, in the order of the form. */
	Map<String, String> validate() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (name.isBlank() || name.length() > 200) {
			errors.put("name", "services.admin.error.name");
		}
		if (description.isBlank()) {
			errors.put("beschreibung", "services.admin.error.description");
		}
		if (!leikaKey.isBlank() && !LEIKA.matcher(leikaKey).matches()) {
			errors.put("leika", "services.admin.error.leika");
		}
		if (online && !validOnlineUrl(onlineUrl)) {
			errors.put("online-url", "services.admin.error.onlineUrl");
		}
		if (duration() == null) {
			errors.put("dauer", "services.admin.error.duration");
		}
		return errors;
	}

	Integer duration() {
		try {
			int minutes = Integer.parseInt(durationMinutes.strip());
			return minutes >= 1 && minutes <= 480 ? minutes : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	ServiceTexts texts() {
		return new ServiceTexts(leikaKey.isBlank() ? null : leikaKey.strip(), name.strip(), description.strip(),
				whoMayApply.strip(), costs.strip(), LeistungEntity.lines(documents), legalBasis.strip(),
				processingTime.strip(), online, onlineUrl.strip(), appointment, inPerson, duration());
	}

	/** An online application elsewhere (https) or one of the portal's own forms (a path such as /antrag/sperrmuell). */
	static boolean validOnlineUrl(String url) {
		return url != null && (url.startsWith("https://") || url.matches("/antrag/[a-z0-9-]+"));
	}
}
