package de.bochum.portal.applications.internal;

import java.util.List;
import java.util.Map;

/** What the caseworkers' pages show, as public records for the templates. */
public final class CaseViews {

	private CaseViews() {
	}

	public record Filter(String state, String form, boolean mine) {
	}

	public record Line(String reference, String formTitle, String dienststelle, String state, String assignedTo,
			String submitted) {
	}

	public record Option(String value, String label) {
	}

	public record Inbox(String scope, Map<String, Long> counts, List<Line> lines, Filter filter, List<Option> forms,
			boolean deliveries) {
	}

	public record Answer(String label, String value, String fileUrl) {
	}

	public record Section(String title, List<Answer> answers) {
	}

	public record FileLink(String name, String url, String size) {
	}

	public record Entry(String at, String kind, String state, String body, String actor) {
	}

	public record Case(String reference, String formTitle, int formVersion, String dienststelle, String state,
			boolean closed, List<String> next, String assignedTo, List<Option> colleagues, long version,
			List<Section> sections, List<FileLink> files, List<Entry> history) {
	}

	public record Delivery(String reference, String dienststelle, String state, int attempts, String next, String error,
			String delivered) {
	}
}
