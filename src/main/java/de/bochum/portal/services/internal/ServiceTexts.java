package de.bochum.portal.services.internal;

import java.util.List;

/** The editable part of a service, as the editor form and the import deliver it. */
record ServiceTexts(String leikaKey, String name, String description, String whoMayApply, String costs,
		List<String> documents, String legalBasis, String processingTime, boolean online, String onlineUrl,
		boolean appointment, boolean inPerson, int durationMinutes) {
}
