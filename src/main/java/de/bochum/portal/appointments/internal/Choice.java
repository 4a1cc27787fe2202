package de.bochum.portal.appointments.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import de.bochum.portal.services.Leistung;
import de.bochum.portal.services.ServiceCatalogue;

/**
 * The services of one appointment with how often each is needed (three ID cards of one family
 * are three units). Travels between the pages in the query as {@code personalausweis*3,reisepass*1}.
 */
public record Choice(Map<Leistung, Integer> quantities) {

	public Choice {
		quantities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(quantities));
	}

	/** The services in the query parameter, or empty if it names an unknown or non-bookable service or a bad quantity. */
	static Optional<Choice> parse(String value, ServiceCatalogue catalogue, int maxQuantity) {
		if (value == null || value.isBlank() || value.length() > 500) {
			return Optional.empty();
		}
		Map<Leistung, Integer> quantities = new LinkedHashMap<>();
		for (String part : value.split(",")) {
			String[] pair = part.split("\\*", 2);
			if (pair.length != 2 || !pair[1].matches("[1-9]")) {
				return Optional.empty();
			}
			int quantity = Integer.parseInt(pair[1]);
			Optional<Leistung> leistung = catalogue.findBySlug(pair[0]).filter(Leistung::appointment);
			if (leistung.isEmpty() || quantity > maxQuantity || quantities.containsKey(leistung.get())) {
				return Optional.empty();
			}
			quantities.put(leistung.get(), quantity);
		}
		String office = quantities.keySet().iterator().next().dienststelleSlug();
		if (quantities.keySet().stream().anyMatch(l -> !java.util.Objects.equals(office, l.dienststelleSlug()))) {
			return Optional.empty();
		}
		return Optional.of(new Choice(quantities));
	}

	public String encode() {
		return quantities.entrySet().stream().map(e -> e.getKey().slug() + "*" + e.getValue()).collect(Collectors.joining(","));
	}

	/** Minutes the whole appointment takes at the office. */
	public int minutes(Office office) {
		return quantities.entrySet().stream().mapToInt(e -> office.minutes(e.getKey()) * e.getValue()).sum();
	}

	String dienststelle() {
		return quantities.keySet().iterator().next().dienststelleSlug();
	}

	/** "Personalausweis beantragen (3×), Reisepass beantragen" for pages, mails and calendars. */
	public String describe() {
		return quantities.entrySet()
			.stream()
			.map(e -> e.getKey().name() + (e.getValue() > 1 ? " (" + e.getValue() + "×)" : ""))
			.collect(Collectors.joining(", "));
	}
}
