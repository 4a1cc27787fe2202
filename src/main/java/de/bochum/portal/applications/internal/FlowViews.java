package de.bochum.portal.applications.internal;

import java.util.List;

/** What the citizen's pages show, as public records for the templates. */
public final class FlowViews {

	private FlowViews() {
	}

	/** A form's start page. */
	public record Start(String id, String title, String intro, List<String> before, String duration, int steps,
			String leistungSlug) {
	}

	/** One step of the flow: position, fields, and where "back" goes. */
	public record Step(String formId, String formTitle, String id, String title, String intro, int number, int of,
			List<FieldView> fields, boolean upload, String backUrl, boolean returnToCheck) {
	}

	/** A section of the check-your-answers page: one step with its answers and its change link. */
	public record Section(String title, String changeUrl, List<Row> rows) {
	}

	public record Row(String label, String value, String changeUrl) {
	}

	/** After submission: what the applicant needs to track the case. */
	public record Confirmation(String formId, String formTitle, String reference, String trackingCode, String email)
			implements java.io.Serializable {
	}

	/** The applicant's view of a case. */
	public record StatusView(String reference, String formTitle, String state, String submitted, List<Item> history) {

		public record Item(String at, String kind, String state, String body) {
		}

		public boolean question() {
			return "RUECKFRAGE".equals(state);
		}
	}
}
