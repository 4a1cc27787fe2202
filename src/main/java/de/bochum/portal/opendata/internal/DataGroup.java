package de.bochum.portal.opendata.internal;

import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/** A theme of the catalogue (CKAN: group), one per EU data theme so that DCAT export needs no mapping. */
@Entity(name = "OpendataGroup")
@BatchSize(size = Dataset.FETCH_BATCH)
@Table(name = "opendata_group")
public class DataGroup {

	@Id
	private UUID id;

	@KeywordField(aggregable = Aggregable.YES)
	private String name;

	private String title;

	@Column(name = "title_en")
	private String titleEn;

	private String description;

	@Column(name = "theme_uri")
	private String themeUri;

	protected DataGroup() {
	}

	public UUID getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public String getTitle() {
		return title;
	}

	public String getTitleEn() {
		return titleEn;
	}

	/** The title in the visitor's language. */
	public String title(Locale locale) {
		return "en".equals(locale.getLanguage()) ? titleEn : title;
	}

	public String getDescription() {
		return description;
	}

	public String getThemeUri() {
		return themeUri;
	}
}
