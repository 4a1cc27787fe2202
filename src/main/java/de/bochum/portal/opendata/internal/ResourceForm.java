package de.bochum.portal.opendata.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A resource as a publisher typed it; keys of {@link #check()} are CKAN's field names and the form's ids. */
public record ResourceForm(String name, String url, String format, String mimetype, String description, String size,
		String hash) {

	public ResourceForm {
		name = strip(name);
		url = WebAddresses.normalised(strip(url));
		format = strip(format).toUpperCase(Locale.ROOT);
		mimetype = strip(mimetype);
		description = strip(description);
		size = strip(size);
		hash = strip(hash);
	}

	private static String strip(String text) {
		return text == null ? "" : text.strip();
	}

	static ResourceForm empty() {
		return new ResourceForm("", "", "", "", "", "", "");
	}

	static ResourceForm of(DatasetResource r) {
		return new ResourceForm(r.getName(), r.getUrl(), r.getFormat(), r.getMimetype(), r.getDescription(),
				r.getSize() == null ? "" : r.getSize().toString(), r.getHash());
	}

	Map<String, String> check() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (name.isEmpty() || name.length() > 200) {
			errors.put("name", "opendata.staff.error.resourceName");
		}
		if (!WebAddresses.valid(url)) {
			errors.put("url", "opendata.staff.error.resourceUrl");
		}
		if (!format.matches("[A-Z0-9.+-]{0,20}")) {
			errors.put("format", "opendata.staff.error.format");
		}
		if (!mimetype.isEmpty() && !mimetype.matches("[\\w.+-]+/[\\w.+-]+")) {
			errors.put("mimetype", "opendata.staff.error.mimetype");
		}
		if (!size.isEmpty() && bytes() == null) {
			errors.put("size", "opendata.staff.error.size");
		}
		if (hash.length() > 200) {
			errors.put("hash", "opendata.staff.error.hash");
		}
		return errors;
	}

	private Long bytes() {
		try {
			long bytes = Long.parseLong(size);
			return bytes >= 0 ? bytes : null;
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	ResourceFields fields() {
		return new ResourceFields(name, url, format, DatasetForm.blankToNull(mimetype), description,
				size.isEmpty() ? null : bytes(), DatasetForm.blankToNull(hash));
	}
}
