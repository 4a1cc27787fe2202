package de.bochum.portal.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's data across all modules: to look at, to take away, to erase. */
@Service
public class CitizenData {

	/** One module's part of the export. */
	public record Section(String title, List<Map<String, Object>> records) {
	}

	private final List<CitizenDataHolder> holders;

	CitizenData(List<CitizenDataHolder> holders) {
		this.holders = holders.stream().sorted(Comparator.comparingInt(CitizenDataHolder::erasureOrder)).toList();
	}

	@Transactional(readOnly = true)
	public List<Section> export(Citizen citizen) {
		return holders.stream().map(h -> new Section(h.title(), h.export(citizen))).toList();
	}

	/** The export as one JSON-ready document. */
	@Transactional(readOnly = true)
	public Map<String, Object> exportDocument(Citizen citizen, java.time.Instant at) {
		return document(export(citizen), at);
	}

	/** Sections already exported, as the JSON-ready document. */
	public static Map<String, Object> document(List<Section> sections, java.time.Instant at) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("erstellt", at.toString());
		document.put("hinweis", "Alle personenbezogenen Daten, die das Bochumportal zu Ihnen gespeichert hat (Art. 15 und 20 DSGVO).");
		Map<String, Object> parts = new LinkedHashMap<>();
		for (Section section : sections) {
			parts.put(section.title(), section.records());
		}
		document.put("daten", parts);
		return document;
	}

	/**
	 * Erases the person's data in every module, all or nothing.
	 *
	 * @return what had to be kept by law, and why
	 */
	@Transactional
	public List<String> erase(Citizen citizen) {
		List<String> kept = new ArrayList<>();
		for (CitizenDataHolder holder : holders) {
			kept.addAll(holder.erase(citizen));
		}
		return kept;
	}
}
