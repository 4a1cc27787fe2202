package de.bochum.portal.opendata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.bochum.portal.city.CityGeography;
import de.bochum.portal.city.Stadtbezirk;
import de.bochum.portal.platform.PageContext;

/** The options of the staff form's lists, each labelled for people. */
public record StaffChoices(List<Choice> organizations, List<Choice> licenses, List<Choice> groups,
		Map<String, List<Choice>> places, List<Choice> frequencies) {

	/** One option: what is sent, what is shown. */
	public record Choice(String value, String label) {
	}

	static StaffChoices of(PageContext ctx, Catalogue catalogue, CityGeography geography,
			java.util.Set<String> organizations) {
		List<Choice> orgs = catalogue.organizations()
			.stream()
			.filter(o -> organizations.contains(o.getName()))
			.map(o -> new Choice(o.getName(), o.getTitle()))
			.toList();
		List<Choice> licenses = catalogue.licenses().stream().map(l -> new Choice(l.getId(), l.getTitle())).toList();
		List<Choice> groups = catalogue.groups()
			.stream()
			.map(g -> new Choice(g.getName(), g.title(ctx.locale())))
			.toList();
		Map<String, List<Choice>> places = new LinkedHashMap<>();
		places.put("", List.of(new Choice("", ctx.t("opendata.staff.spatial.city"))));
		places.put(ctx.t("opendata.staff.spatial.bezirke"),
				geography.stadtbezirke().stream().map(b -> new Choice(b.key(), b.name())).toList());
		for (Stadtbezirk bezirk : geography.stadtbezirke()) {
			places.put(ctx.t("opendata.staff.spatial.teile", bezirk.name()),
					bezirk.stadtteile().stream().map(t -> new Choice(t.key(), t.name())).toList());
		}
		List<Choice> frequencies = new ArrayList<>();
		frequencies.add(new Choice("", ctx.t("opendata.staff.frequency.none")));
		DatasetForm.FREQUENCIES.forEach(f -> frequencies.add(new Choice(f, ctx.t("opendata.frequency." + f))));
		return new StaffChoices(orgs, licenses, groups, places, frequencies);
	}
}
