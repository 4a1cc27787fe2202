package de.bochum.portal.opendata.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/** A publisher of datasets (CKAN: organization). */
@Entity(name = "OpendataOrganization")
@BatchSize(size = Dataset.FETCH_BATCH)
@Table(name = "opendata_organization")
public class Organization {

	@Id
	private UUID id;

	@KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
	private String name;

	private String title;

	private String description;

	private Instant created;

	protected Organization() {
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

	public String getDescription() {
		return description;
	}

	public Instant getCreated() {
		return created;
	}
}
