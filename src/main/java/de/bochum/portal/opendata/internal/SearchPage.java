package de.bochum.portal.opendata.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the search page shows: the visitor's query, the hits of one page and the facets to narrow
 * them down.
 *
 * @param params the query as the visitor sent it (German parameter names), to keep it in links
 */
public record SearchPage(String text, String sort, int page, int pageCount, long count, List<DatasetSummary> results,
		List<Facet> facets, Map<String, List<String>> params) {

	public record Facet(String param, List<Option> options) {
	}

	public record Option(String value, String label, long count, boolean checked) {
	}

	/** The link to another page of the same search. */
	public String pageUrl(int target) {
		String query = params.entrySet()
			.stream()
			.filter(e -> !"seite".equals(e.getKey()))
			.flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
			.collect(Collectors.joining("&"));
		return "/daten?" + (query.isEmpty() ? "" : query + "&") + "seite=" + target;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
