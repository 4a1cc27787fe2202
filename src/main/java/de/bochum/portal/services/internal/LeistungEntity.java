package de.bochum.portal.services.internal;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * A service as editors change it and as the search index sees it. Readers use the
 * {@link de.bochum.portal.services.Leistung} record instead.
 */
@Entity
@Table(name = "services_leistung")
@Indexed(index = "leistung")
class LeistungEntity {

	// Analyser names of the platform's German analysis (platform.internal is not visible here).
	private static final String GERMAN = "german";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "leika_key")
	private String leikaKey;

	@KeywordField(projectable = Projectable.YES)
	private String slug;

	// The prefix field lets "Hund" find "Hundesteuer": the standard tokenizer does not split compounds.
	@FullTextField(analyzer = GERMAN)
	@FullTextField(name = "namePrefix", analyzer = "german_prefix", searchAnalyzer = GERMAN)
	private String name;

	@FullTextField(analyzer = GERMAN)
	private String description;

	@Column(name = "who_may_apply")
	private String whoMayApply = "";

	private String costs = "";

	private String documents = "";

	@Column(name = "legal_basis")
	private String legalBasis = "";

	@Column(name = "processing_time")
	private String processingTime = "";

	@Column(name = "dienststelle_id")
	private Long dienststelleId;

	private boolean online;

	@Column(name = "online_url")
	private String onlineUrl;

	private boolean appointment;

	@Column(name = "in_person")
	private boolean inPerson;

	@Column(name = "duration_minutes")
	private int durationMinutes = 15;

	@Version
	private long version;

	protected LeistungEntity() {
	}

	LeistungEntity(String slug) {
		this.slug = slug;
	}

	Long id() {
		return id;
	}

	String slug() {
		return slug;
	}

	long version() {
		return version;
	}

	String leikaKey() {
		return leikaKey;
	}

	/** The documents as the editor types them: one per line. */
	static List<String> lines(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	void update(ServiceTexts texts) {
		this.leikaKey = texts.leikaKey();
		this.name = texts.name();
		this.description = texts.description();
		this.whoMayApply = texts.whoMayApply();
		this.costs = texts.costs();
		this.documents = String.join("\n", texts.documents());
		this.legalBasis = texts.legalBasis();
		this.processingTime = texts.processingTime();
		this.online = texts.online();
		this.onlineUrl = texts.online() ? texts.onlineUrl() : null;
		this.appointment = texts.appointment();
		this.inPerson = texts.inPerson();
		this.durationMinutes = texts.durationMinutes();
	}

	void assignDienststelle(Long dienststelleId) {
		this.dienststelleId = dienststelleId;
	}
}
