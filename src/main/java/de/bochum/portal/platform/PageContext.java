package de.bochum.portal.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page template needs from the request: texts in the visitor's language, the
 * main navigation, the link that switches the language on the same page, the signed-in staff
 * member (if any) and, only for pages that render a form, the CSRF token.
 *
 * <p>The CSRF token is read lazily: reading it creates the session, and visitors who never see
 * a form must not get a cookie.
 */
public final class PageContext {

	private final MessageSource messages;
	private final Locale locale;
	private final String path;
	private final String query;
	private final List<NavigationItem> navigation;
	private final CsrfToken csrf;
	private final String staffName;

	public PageContext(MessageSource messages, Locale locale, String path, String query,
			List<NavigationItem> navigation, CsrfToken csrf, String staffName) {
		this.messages = messages;
		this.locale = locale;
		this.path = path;
		this.query = query;
		this.navigation = navigation;
		this.csrf = csrf;
		this.staffName = staffName;
	}

	/** The text for {@code key} in the visitor's language. */
	public String t(String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/** A moment as people in Bochum read it, e.g. "25.11.2026, 14:03" (German) or "25 Nov 2026, 14:03". */
	public String dateTime(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.format(instant.atZone(CITY_ZONE));
	}

	/** The portal's time zone: opening hours, deadlines and appointments are Bochum's local time. */
	public static final ZoneId CITY_ZONE = ZoneId.of("Europe/Berlin");

	public String lang() {
		return locale.getLanguage();
	}

	public Locale locale() {
		return locale;
	}

	public String path() {
		return path;
	}

	public List<NavigationItem> navigation() {
		return navigation;
	}

	/** True when {@code href} is the current page or a page below it (for aria-current). */
	public boolean isCurrent(String href) {
		if ("/".equals(href)) {
			return "/".equals(path);
		}
		return path.equals(href) || path.startsWith(href + "/");
	}

	/** The language the switch offers: the other of German and English. */
	public String otherLang() {
		return "de".equals(lang()) ? "en" : "de";
	}

	/** The current page with {@code lang} set to the other language; other parameters are kept. */
	public String otherLangUrl() {
		return UriComponentsBuilder.fromPath(path)
			.query(query)
			.replaceQueryParam("lang", otherLang())
			.build()
			.encode()
			.toUriString();
	}

	public Optional<String> staffName() {
		return Optional.ofNullable(staffName);
	}

	public boolean signedIn() {
		return staffName != null;
	}

	public String csrfParameter() {
		return csrf == null ? "_csrf" : csrf.getParameterName();
	}

	public String csrfToken() {
		return csrf == null ? "" : csrf.getToken();
	}

	/** Escapes text for use in an attribute built by hand; templates escape output by themselves. */
	public static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}
}
