package de.bochum.portal.appointments.internal;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bochum.portal.platform.internal.EmbeddedMailbox;
import de.bochum.portal.testsupport.PortalHttp;

/** The citizen's steps through the booking, as the tests of this module take them. */
final class BookingSteps {

	static final Pattern SLOT = Pattern.compile("name=\"termin\" value=\"([^\"]+)\"");
	static final Pattern CODE = Pattern.compile("/termine/verwalten\\?code=([A-Za-z0-9_-]{43})");

	private BookingSteps() {
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String timeUrl(String choice, String ort) {
		return "/termine/zeit?l=" + enc(choice) + "&ort=" + enc(ort);
	}

	static String detailsUrl(String choice, String ort, String slot) {
		return "/termine/angaben?l=" + enc(choice) + "&ort=" + enc(ort) + "&termin=" + enc(slot);
	}

	/** The slot ids offered on a page, in order. */
	static List<String> slots(String html) {
		List<String> slots = new ArrayList<>();
		Matcher m = SLOT.matcher(html);
		while (m.find()) {
			slots.add(m.group(1));
		}
		return slots;
	}

	/** Posts name and email on the details page (with the page's CSRF token); returns the answer. */
	static HttpResponse<String> hold(PortalHttp http, String choice, String ort, String slot, String name, String email,
			String altcha) {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("l", choice, "ort", ort, "termin", slot, "name", name,
				"email", email));
		if (altcha != null) {
			fields.put("altcha", altcha);
		}
		return http.submit(detailsUrl(choice, ort, slot), "/termine/angaben", fields);
	}

	/** The secret code from the latest mail to the address. */
	static String code(EmbeddedMailbox mailbox, String email) {
		List<EmbeddedMailbox.Mail> mails = mailbox.mailsTo(email);
		if (mails.isEmpty()) {
			throw new AssertionError("no mail to " + email);
		}
		Matcher m = CODE.matcher(mails.get(0).text());
		if (!m.find()) {
			throw new AssertionError("no link in the mail to " + email);
		}
		return m.group(1);
	}
}
