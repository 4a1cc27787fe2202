package de.bochum.portal.services.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Groups names under their first letter as a German index does: "Ärztliche Bescheinigung" under
 * A, sorted among the other A entries; digits and other signs under "#".
 */
public final class AzIndex {

	private AzIndex() {
	}

	public record Group<T>(String letter, List<T> entries) {
	}

	static <T> List<Group<T>> of(List<T> items, Function<T, String> name) {
		Comparator<String> order = JdbcServiceCatalogue.germanOrder();
		Map<String, List<T>> groups = new LinkedHashMap<>();
		items.stream()
			.sorted((a, b) -> order.compare(name.apply(a), name.apply(b)))
			.forEach(item -> groups.computeIfAbsent(letter(name.apply(item)), k -> new ArrayList<>()).add(item));
		List<Group<T>> result = new ArrayList<>();
		groups.entrySet().stream()
			.sorted(Map.Entry.comparingByKey(Comparator.comparing((String k) -> "#".equals(k) ? "ZZ" : k)))
			.forEach(e -> result.add(new Group<>(e.getKey(), List.copyOf(e.getValue()))));
		return result;
	}

	static String letter(String name) {
		if (name == null || name.isBlank()) {
			return "#";
		}
		String first = Normalizer.normalize(name.strip().substring(0, 1), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toUpperCase(Locale.GERMAN);
		return first.length() == 1 && first.charAt(0) >= 'A' && first.charAt(0) <= 'Z' ? first : "#";
	}
}
