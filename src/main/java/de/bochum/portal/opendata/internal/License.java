package de.bochum.portal.opendata.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;

/** A licence of the DCAT-AP.de licence vocabulary; the id is CKAN's, e.g. {@code dl-by-de/2.0}. */
@Entity(name = "OpendataLicense")
@BatchSize(size = Dataset.FETCH_BATCH)
@Table(name = "opendata_license")
public class License {

	@Id
	private String id;

	private String title;

	/** Where people read the licence text. */
	private String url;

	/** The DCAT-AP.de vocabulary URI. */
	private String uri;

	@Column(name = "is_open")
	private boolean open;

	protected License() {
	}

	public String getId() {
		return id;
	}

	public String getTitle() {
		return title;
	}

	public String getUrl() {
		return url;
	}

	public String getUri() {
		return uri;
	}

	public boolean isOpen() {
		return open;
	}
}
