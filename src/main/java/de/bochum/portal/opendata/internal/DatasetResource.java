package de.bochum.portal.opendata.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/** A file or API of a dataset (CKAN: resource). */
@Entity(name = "OpendataResource")
@Table(name = "opendata_resource")
public class DatasetResource {

	@Id
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "dataset_id")
	private Dataset dataset;

	private int position;

	private String url;

	private String name;

	private String description;

	@KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
	private String format;

	private String mimetype;

	private Long size;

	private String hash;

	@Column(name = "last_modified")
	private Instant lastModified;

	private Instant created;

	protected DatasetResource() {
	}

	DatasetResource(Dataset dataset, UUID id, int position, Instant created) {
		this.dataset = dataset;
		this.id = id;
		this.position = position;
		this.created = created;
	}

	void update(ResourceFields fields, Instant now) {
		this.url = fields.url();
		this.name = fields.name();
		this.description = fields.description();
		this.format = fields.format();
		this.mimetype = fields.mimetype();
		this.size = fields.size();
		this.hash = fields.hash();
		this.lastModified = now;
	}

	public UUID getId() {
		return id;
	}

	public Dataset getDataset() {
		return dataset;
	}

	public int getPosition() {
		return position;
	}

	public String getUrl() {
		return url;
	}

	public String getName() {
		return name;
	}

	public String getDescription() {
		return description;
	}

	public String getFormat() {
		return format;
	}

	public String getMimetype() {
		return mimetype;
	}

	public Long getSize() {
		return size;
	}

	public String getHash() {
		return hash;
	}

	public Instant getLastModified() {
		return lastModified;
	}

	public Instant getCreated() {
		return created;
	}
}
