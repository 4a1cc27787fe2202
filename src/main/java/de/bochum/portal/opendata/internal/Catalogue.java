package de.bochum.portal.opendata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import de.bochum.portal.city.CityGeography;
import de.bochum.portal.city.Stadtbezirk;
import de.bochum.portal.city.Stadtteil;

import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.query.dsl.SearchQueryOptionsStep;
import org.hibernate.search.engine.search.query.dsl.SearchQueryWhereStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the catalogue for pages and the API. Only public datasets (not private, not deleted) are
 * ever returned, so no caller can leak a draft by forgetting a filter.
 */
@Service
@Transactional(readOnly = true)
class Catalogue {

	/** Facets by their CKAN name and the index field behind each. */
	static final Map<String, String> FACET_FIELDS = facetFields();

	static final int MAX_ROWS = 1000;

	private final EntityManager entityManager;
	private final DatasetRepository datasets;
	private final OrganizationRepository organizations;
	private final DataGroupRepository groups;
	private final LicenseRepository licenses;
	private final CityGeography geography;
	private final ReferenceData referenceData;

	Catalogue(EntityManager entityManager, DatasetRepository datasets, OrganizationRepository organizations,
			DataGroupRepository groups, LicenseRepository licenses, CityGeography geography,
			ReferenceData referenceData) {
		this.referenceData = referenceData;
		this.entityManager = entityManager;
		this.datasets = datasets;
		this.organizations = organizations;
		this.groups = groups;
		this.licenses = licenses;
		this.geography = geography;
	}

	private static Map<String, String> facetFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("organization", "organization.name");
		fields.put("groups", "groups.name");
		fields.put("tags", "tags");
		fields.put("res_format", "res.format");
		fields.put("license_id", "license_id");
		return java.util.Collections.unmodifiableMap(fields);
	}

	/**
	 * A search over public datasets.
	 *
	 * @param text free text in German; empty finds all
	 * @param filters CKAN field name (see {@link #FACET_FIELDS}, plus {@code name}) to values, all must match
	 * @param sort CKAN sort, e.g. {@code metadata_modified desc}; empty sorts by relevance
	 */
	record Query(String text, Map<String, List<String>> filters, String sort, int offset, int limit,
			List<String> facets, int facetLimit, java.util.Set<String> privateOrganizations) {

		Query {
			filters = Map.copyOf(filters);
			facets = List.copyOf(facets);
			privateOrganizations = java.util.Set.copyOf(privateOrganizations);
		}

		Query(String text, Map<String, List<String>> filters, String sort, int offset, int limit, List<String> facets,
				int facetLimit) {
			this(text, filters, sort, offset, limit, facets, facetLimit, java.util.Set.of());
		}

		/** The same search, also over the private datasets of these organizations (CKAN's include_private). */
		Query includingPrivateOf(java.util.Set<String> organizations) {
			return new Query(text, filters, sort, offset, limit, facets, facetLimit, organizations);
		}
	}

	record FacetCount(String name, long count) {
	}

	record Hits(long count, List<DatasetView> results, Map<String, List<FacetCount>> facets) {
	}

	Hits search(Query query) {
		// Ids from the index and the datasets by one query of our own: Hibernate Search's loading builds its
		// query anew for every search, which costs more than the query itself.
		Found<java.util.UUID> found = find(query,
				scope -> Search.session(entityManager).search(scope).select(f -> f.id(java.util.UUID.class)));
		Map<java.util.UUID, Dataset> loaded = new java.util.HashMap<>();
		if (!found.hits().isEmpty()) {
			datasets.findAllForHits(found.hits()).forEach(d -> loaded.put(d.getId(), d));
		}
		ReferenceData.Snapshot reference = referenceData.now();
		// A dataset deleted from the database after the index answered is left out, as loading entities does.
		List<DatasetView> views = found.hits()
			.stream()
			.map(loaded::get)
			.filter(java.util.Objects::nonNull)
			.map(d -> view(d, reference))
			.toList();
		return new Hits(found.count(), views, found.facets());
	}

	/** One hit of a result list as pages show it. */
	record Summaries(long count, List<DatasetSummary> results, Map<String, List<FacetCount>> facets,
			ReferenceData.Snapshot reference) {
	}

	/**
	 * The same search for a result list on a page: what the list shows comes from fields stored in the
	 * index and the cached publishers, with no query for the datasets themselves. The index is kept in step
	 * with every change made through Hibernate; an index built before these fields were stored lacks them,
	 * and such hits are then read from the database.
	 */
	Summaries summaries(Query query) {
		ReferenceData.Snapshot reference = referenceData.now();
		Found<DatasetSummary> found = find(query, scope -> Search.session(entityManager)
			.search(scope)
			.select(f -> f.composite()
				.from(f.id(java.util.UUID.class), f.field("name", String.class), f.field("title", String.class),
						f.field("modified", java.time.Instant.class), f.field("organization.name", String.class),
						f.field("res.format", String.class).list())
				.asArray(values -> summary(values, reference))));
		List<DatasetSummary> results = found.hits();
		if (results.contains(null)) {
			results = search(query).results().stream().map(DatasetSummary::of).toList();
		}
		return new Summaries(found.count(), results, found.facets(), reference);
	}

	private static DatasetSummary summary(Object[] values, ReferenceData.Snapshot reference) {
		if (values[1] == null || values[3] == null) {
			return null;
		}
		@SuppressWarnings("unchecked")
		List<String> formats = ((List<String>) values[5]).stream().filter(f -> f != null && !f.isBlank()).distinct().toList();
		String organization = (String) values[4];
		return new DatasetSummary((String) values[1], (String) values[2],
				reference.organization(organization).map(DatasetView.OrganizationRef::title).orElse(organization),
				(java.time.Instant) values[3], formats);
	}

	private record Found<H>(long count, List<H> hits, Map<String, List<FacetCount>> facets) {
	}

	private <H> Found<H> find(Query query,
			Function<SearchScope<Dataset>, SearchQueryWhereStep<?, ? extends SearchQueryOptionsStep<?, ?, H, ?, ?, ?>, H, ?, ?>> select) {
		for (String field : query.filters().keySet()) {
			if (!FACET_FIELDS.containsKey(field) && !"name".equals(field)) {
				throw new IllegalArgumentException("Unknown filter field: " + field);
			}
		}
		for (String field : query.facets()) {
			if (!FACET_FIELDS.containsKey(field)) {
				throw new IllegalArgumentException("Unknown facet field: " + field);
			}
		}
		SearchScope<Dataset> scope = Search.session(entityManager).scope(Dataset.class);
		var p = scope.predicate();
		var root = p.and();
		if (query.privateOrganizations().isEmpty()) {
			root.add(p.match().field("private").matching(false));
		}
		else {
			root.add(p.or(p.match().field("private").matching(false),
					p.terms().field("organization.name").matchingAny(query.privateOrganizations())));
		}
		root.add(p.match().field("state").matching(Dataset.ACTIVE));
		if (query.text() != null && !query.text().isBlank()) {
			root.add(p.simpleQueryString()
				.field("title").boost(3f)
				.field("tags_text").boost(2f)
				.field("notes")
				.matching(query.text())
				.defaultOperator(BooleanOperator.AND));
		}
		query.filters().forEach((field, values) -> values.forEach(value -> root
			.add(p.match().field("name".equals(field) ? "name" : FACET_FIELDS.get(field)).matching(value))));
		var s = scope.sort();
		var composite = s.composite();
		for (SortTerm term : SortTerm.parse(query.sort())) {
			switch (term.field()) {
				case "score" -> composite.add(term.descending() ? s.score() : s.score().asc());
				case "name" -> composite.add(term.descending() ? s.field("name").desc() : s.field("name"));
				case "title_string", "title" -> composite
					.add(term.descending() ? s.field("title_sort").desc() : s.field("title_sort"));
				case "metadata_modified" -> composite
					.add(term.descending() ? s.field("modified").desc() : s.field("modified"));
				case "metadata_created" -> composite
					.add(term.descending() ? s.field("created").desc() : s.field("created"));
				default -> throw new IllegalArgumentException("Unknown sort field: " + term.field());
			}
		}
		// Ties (and an empty search, where every score is equal) stay in a stable order.
		composite.add(s.field("name"));
		SearchQueryOptionsStep<?, ?, H, ?, ?, ?> step = select.apply(scope).where(root.toPredicate()).sort(composite.toSort());
		Map<String, AggregationKey<Map<String, Long>>> keys = new LinkedHashMap<>();
		for (String facet : query.facets()) {
			AggregationKey<Map<String, Long>> key = AggregationKey.of(facet);
			keys.put(facet, key);
			step = step.aggregation(key, scope.aggregation()
				.terms()
				.field(FACET_FIELDS.get(facet), String.class)
				.maxTermCount(Math.max(1, query.facetLimit()))
				.toAggregation());
		}
		SearchResult<H> result = step.fetch(Math.max(0, query.offset()), Math.max(0, Math.min(MAX_ROWS, query.limit())));
		Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
		keys.forEach((facet, key) -> facets.put(facet, result.aggregation(key)
			.entrySet()
			.stream()
			.map(e -> new FacetCount(e.getKey(), e.getValue()))
			.toList()));
		return new Found<>(result.total().hitCount(), result.hits(), facets);
	}

	record SortTerm(String field, boolean descending) {

		static List<SortTerm> parse(String sort) {
			List<SortTerm> terms = new ArrayList<>();
			if (sort == null || sort.isBlank()) {
				terms.add(new SortTerm("score", true));
				return terms;
			}
			for (String part : sort.split(",")) {
				String[] words = part.trim().split("\\s+");
				boolean descending = words.length > 1 && "desc".equalsIgnoreCase(words[1]);
				if (words.length > 2 || words.length > 1 && !descending && !"asc".equalsIgnoreCase(words[1])) {
					throw new IllegalArgumentException("Bad sort: " + part);
				}
				terms.add(new SortTerm(words[0], descending));
			}
			return terms;
		}
	}

	/** A public dataset by its name or id. */
	Optional<DatasetView> dataset(String nameOrId) {
		return datasets.findForPageByName(nameOrId)
			.or(() -> parseUuid(nameOrId).flatMap(datasets::findById))
			.filter(Dataset::isPublic)
			.map(this::view);
	}

	/** A dataset by its name or id that is public or belongs to one of these organizations, deleted ones included then. */
	Optional<DatasetView> dataset(String nameOrId, java.util.Set<String> memberOf) {
		return datasets.findForPageByName(nameOrId)
			.or(() -> parseUuid(nameOrId).flatMap(datasets::findById))
			.filter(d -> d.isPublic() || memberOf.contains(d.getOrganization().getName()))
			.map(this::view);
	}

	/** Names of all public datasets, alphabetically. */
	List<String> datasetNames() {
		return datasets.findByPrivateDatasetFalseAndStateOrderByName(Dataset.ACTIVE).stream().map(Dataset::getName).toList();
	}

	List<DatasetView> allDatasets(int offset, int limit) {
		return datasets.findByPrivateDatasetFalseAndStateOrderByName(Dataset.ACTIVE)
			.stream()
			.skip(Math.max(0, offset))
			.limit(Math.max(0, limit))
			.map(this::view)
			.toList();
	}

	record FoundResource(DatasetView dataset, DatasetView.ResourceView resource) {
	}

	/** A resource of a public dataset by its id. */
	Optional<FoundResource> resource(String id) {
		return parseUuid(id).flatMap(uuid -> entityManager
			.createQuery("select r.dataset from OpendataResource r where r.id = :id", Dataset.class)
			.setParameter("id", uuid)
			.getResultStream()
			.findFirst())
			.filter(Dataset::isPublic)
			.map(this::view)
			.flatMap(d -> d.resources().stream().filter(r -> r.id().equals(id)).findFirst().map(r -> new FoundResource(d, r)));
	}

	List<Organization> organizations() {
		return organizations.findAllByOrderByTitle();
	}

	Optional<Organization> organization(String nameOrId) {
		return organizations.findByName(nameOrId).or(() -> parseUuid(nameOrId).flatMap(organizations::findById));
	}

	List<DataGroup> groups() {
		return groups.findAllByOrderByTitle();
	}

	Optional<DataGroup> group(String nameOrId) {
		return groups.findByName(nameOrId).or(() -> parseUuid(nameOrId).flatMap(groups::findById));
	}

	List<License> licenses() {
		return licenses.findAllByOrderByTitle();
	}

	/** How many public datasets each organization, group, tag … has, by facet name. */
	Map<String, Long> counts(String facet) {
		Hits hits = search(new Query("", Map.of(), "", 0, 0, List.of(facet), 10_000));
		Map<String, Long> counts = new LinkedHashMap<>();
		hits.facets().get(facet).forEach(c -> counts.put(c.name(), c.count()));
		return counts;
	}

	DatasetView view(Dataset dataset) {
		return DatasetView.of(dataset, spatialName(dataset.getSpatialKey()));
	}

	/** The same view with publisher and licence from the cache, for many datasets at once. */
	private DatasetView view(Dataset dataset, ReferenceData.Snapshot reference) {
		// The proxy answers its id without loading the publisher.
		var organization = reference.organizationsById().get(dataset.getOrganization().getId().toString());
		var license = reference.licenses().get(dataset.getLicenseId());
		if (organization == null || license == null) {
			return view(dataset);
		}
		return DatasetView.of(dataset, spatialName(dataset.getSpatialKey()), organization, license);
	}

	private String spatialName(String key) {
		if (key == null) {
			return "Bochum";
		}
		return geography.stadtbezirk(key)
			.map(Stadtbezirk::name)
			.or(() -> geography.stadtteil(key).map(Stadtteil::name))
			.orElse("Bochum");
	}

	static Optional<java.util.UUID> parseUuid(String text) {
		try {
			return Optional.of(java.util.UUID.fromString(text));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}
}
