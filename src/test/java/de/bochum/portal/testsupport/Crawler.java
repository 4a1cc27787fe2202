package de.bochum.portal.testsupport;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Finds the portal's public pages the way a visitor does: from the home page, following links.
 * Tests that must hold for every public page (no cookie, valid HTML, no third-party request,
 * no axe violation) use it, so a new module's pages are checked without being listed.
 */
public final class Crawler {

	private static final Pattern HREF = Pattern.compile("href=\"([^\"#]*)(#[^\"]*)?\"");
	/** Staff and machine paths, and pages whose forms need a session (tested on their own, with that cookie). */
	private static final List<String> SKIPPED_PREFIXES = List.of("/intern", "/konto", "/meine-daten", "/api", "/actuator",
			"/kern/", "/css/", "/js/", "/static/");
	private static final Pattern FILE = Pattern.compile(".*\\.(ttl|rdf|jsonld|json|csv|xml|xlsx|zip|pdf|ics|geojson|css|js|png|svg|ico|txt|yaml)$");

	private Crawler() {
	}

	/** One visited page: its path (with query) and the response. */
	public record Page(String path, HttpResponse<String> response) {
	}

	/**
	 * Public HTML pages reachable from "/", breadth first, at most {@code limit}. Links that switch
	 * the language are left out (they set the language cookie on purpose), as are staff pages,
	 * machine interfaces and downloads.
	 */
	public static List<Page> publicPages(int port, int limit) {
		PortalHttp http = new PortalHttp(port);
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> queue = new ArrayDeque<>(List.of("/"));
		List<Page> pages = new ArrayList<>();
		while (!queue.isEmpty() && pages.size() < limit) {
			String path = queue.removeFirst();
			if (!seen.add(path)) {
				continue;
			}
			HttpResponse<String> response = http.get(path);
			String type = response.headers().firstValue("Content-Type").orElse("");
			if (!type.startsWith("text/html")) {
				continue;
			}
			pages.add(new Page(path, response));
			Matcher links = HREF.matcher(response.body());
			while (links.find()) {
				String link = HtmlUtils.htmlUnescape(links.group(1));
				if (follow(link) && !seen.contains(link)) {
					queue.addLast(link);
				}
			}
		}
		return pages;
	}

	private static boolean follow(String link) {
		if (!link.startsWith("/") || link.startsWith("//") || link.contains("lang=")) {
			return false;
		}
		String path = URI.create(link.replace(" ", "%20")).getPath();
		return SKIPPED_PREFIXES.stream().noneMatch(path::startsWith) && !FILE.matcher(path).matches();
	}
}
