package de.bochum.portal.opendata.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/** A dataset of the catalogue (CKAN: package) with its files. */
@Entity(name = "OpendataDataset")
@Table(name = "opendata_dataset")
@Indexed(index = "opendata_dataset")
public class Dataset {

	public static final String ACTIVE = "active";

	/** Analyser and normalizer the platform configures for every index (stemming, umlauts). */
	static final String GERMAN = "german";

	static final String SORT = "sort";

	/**
	 * How many datasets' collections (and publishers, licences) one query loads: a search page turns
	 * its hits into views, which would otherwise cost a query per hit and collection.
	 */
	static final int FETCH_BATCH = 100;

	@Id
	private UUID id;

	// Projectable fields are stored in the index so that result lists need no database (Catalogue.summaries).
	@KeywordField(sortable = Sortable.YES, normalizer = SORT, projectable = Projectable.YES)
	private String name;

	@FullTextField(analyzer = GERMAN, projectable = Projectable.YES)
	@KeywordField(name = "title_sort", sortable = Sortable.YES, normalizer = SORT)
	private String title;

	@FullTextField(analyzer = GERMAN)
	private String notes;

	/** The dataset's own page at the publisher, if any. */
	private String url;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "organization_id")
	@IndexedEmbedded(includePaths = "name")
	// Renaming a publisher is rare and done by migration, which reindexes anyway.
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
	private Organization organization;

	@Column(name = "license_id")
	@KeywordField(name = "license_id", aggregable = Aggregable.YES)
	private String licenseId;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "license_id", insertable = false, updatable = false)
	private License license;

	/** Whom to name when using the data (dcatde:licenseAttributionByText). */
	private String attribution;

	private String author;

	@Column(name = "author_email")
	private String authorEmail;

	private String maintainer;

	@Column(name = "maintainer_email")
	private String maintainerEmail;

	private String version;

	/** Key of a Stadtbezirk or Stadtteil; none means the whole city. */
	@Column(name = "spatial_key")
	private String spatialKey;

	@Column(name = "temporal_start")
	private LocalDate temporalStart;

	@Column(name = "temporal_end")
	private LocalDate temporalEnd;

	/** An EU frequency URI. */
	private String frequency;

	@Column(name = "is_private")
	@GenericField(name = "private")
	private boolean privateDataset;

	@KeywordField
	private String state = ACTIVE;

	@GenericField(sortable = Sortable.YES)
	private Instant created;

	@GenericField(sortable = Sortable.YES, projectable = Projectable.YES)
	private Instant modified;

	@BatchSize(size = Dataset.FETCH_BATCH)
	@ElementCollection
	@CollectionTable(name = "opendata_dataset_tag", joinColumns = @JoinColumn(name = "dataset_id"))
	@Column(name = "tag")
	@KeywordField(name = "tags", aggregable = Aggregable.YES)
	@FullTextField(name = "tags_text", analyzer = GERMAN)
	private Set<String> tags = new TreeSet<>();

	@BatchSize(size = Dataset.FETCH_BATCH)
	@ManyToMany
	@JoinTable(name = "opendata_dataset_group", joinColumns = @JoinColumn(name = "dataset_id"),
			inverseJoinColumns = @JoinColumn(name = "group_id"))
	@OrderBy("name")
	@IndexedEmbedded(includePaths = "name")
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
	private Set<DataGroup> groups = new java.util.LinkedHashSet<>();

	@BatchSize(size = Dataset.FETCH_BATCH)
	@ElementCollection
	@CollectionTable(name = "opendata_dataset_extra", joinColumns = @JoinColumn(name = "dataset_id"))
	@MapKeyColumn(name = "extra_key")
	@Column(name = "extra_value")
	@OrderBy("extra_key")
	private Map<String, String> extras = new LinkedHashMap<>();

	@Version
	@Column(name = "lock_version")
	private long lockVersion;

	@BatchSize(size = Dataset.FETCH_BATCH)
	@OneToMany(mappedBy = "dataset", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	@IndexedEmbedded(name = "res", includePaths = "format")
	private List<DatasetResource> resources = new ArrayList<>();

	protected Dataset() {
	}

	Dataset(UUID id, Instant created) {
		this.id = id;
		this.created = created;
		this.modified = created;
	}

	/** Replaces every field a publisher edits; resources are changed one by one. */
	void update(DatasetFields fields, Organization organization, License license, Set<DataGroup> groups,
			Instant now) {
		this.name = fields.name();
		this.title = fields.title();
		this.notes = fields.notes();
		this.url = fields.url();
		this.organization = organization;
		this.license = license;
		this.licenseId = license.getId();
		this.attribution = fields.attribution();
		this.author = fields.author();
		this.authorEmail = fields.authorEmail();
		this.maintainer = fields.maintainer();
		this.maintainerEmail = fields.maintainerEmail();
		this.version = fields.version();
		this.spatialKey = fields.spatialKey();
		this.temporalStart = fields.temporalStart();
		this.temporalEnd = fields.temporalEnd();
		this.frequency = fields.frequency();
		this.privateDataset = fields.privateDataset();
		this.tags.clear();
		this.tags.addAll(fields.tags());
		this.groups.clear();
		this.groups.addAll(groups);
		this.extras.clear();
		this.extras.putAll(fields.extras());
		this.modified = now;
	}

	void delete(Instant now) {
		this.state = "deleted";
		this.modified = now;
	}

	void restore(Instant now) {
		this.state = ACTIVE;
		this.modified = now;
	}

	void touch(Instant now) {
		this.modified = now;
	}

	DatasetResource addResource(UUID resourceId, ResourceFields fields, Instant now) {
		int position = resources.stream().mapToInt(DatasetResource::getPosition).max().orElse(-1) + 1;
		DatasetResource resource = new DatasetResource(this, resourceId, position, now);
		resource.update(fields, now);
		resources.add(resource);
		this.modified = now;
		return resource;
	}

	void removeResource(DatasetResource resource, Instant now) {
		resources.remove(resource);
		this.modified = now;
	}

	public long getLockVersion() {
		return lockVersion;
	}

	/** Whether anyone may see it: published and not deleted. */
	public boolean isPublic() {
		return !privateDataset && ACTIVE.equals(state);
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

	public String getNotes() {
		return notes;
	}

	public String getUrl() {
		return url;
	}

	public Organization getOrganization() {
		return organization;
	}

	public String getLicenseId() {
		return licenseId;
	}

	public License getLicense() {
		return license;
	}

	public String getAttribution() {
		return attribution;
	}

	public String getAuthor() {
		return author;
	}

	public String getAuthorEmail() {
		return authorEmail;
	}

	public String getMaintainer() {
		return maintainer;
	}

	public String getMaintainerEmail() {
		return maintainerEmail;
	}

	public String getVersion() {
		return version;
	}

	public String getSpatialKey() {
		return spatialKey;
	}

	public LocalDate getTemporalStart() {
		return temporalStart;
	}

	public LocalDate getTemporalEnd() {
		return temporalEnd;
	}

	public String getFrequency() {
		return frequency;
	}

	public boolean isPrivateDataset() {
		return privateDataset;
	}

	public String getState() {
		return state;
	}

	public Instant getCreated() {
		return created;
	}

	public Instant getModified() {
		return modified;
	}

	public Set<String> getTags() {
		return tags;
	}

	public Set<DataGroup> getGroups() {
		return groups;
	}

	public Map<String, String> getExtras() {
		return extras;
	}

	public List<DatasetResource> getResources() {
		return resources;
	}
}
