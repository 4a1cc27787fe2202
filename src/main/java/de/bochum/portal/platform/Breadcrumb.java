package de.bochum.portal.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of the breadcrumb trail. The last step is the current page and has no link.
 *
 * @param label text shown, already in the visitor's language
 * @param href link target, {@code null} for the current page
 */
public record Breadcrumb(String label, String href) {

	/** A trail that starts at the home page and ends with the current page. */
	public static List<Breadcrumb> trail(PageContext ctx, String currentLabel, Breadcrumb... between) {
		List<Breadcrumb> trail = new ArrayList<>();
		trail.add(new Breadcrumb(ctx.t("nav.home"), "/"));
		trail.addAll(List.of(between));
		trail.add(new Breadcrumb(currentLabel, null));
		return List.copyOf(trail);
	}
}
