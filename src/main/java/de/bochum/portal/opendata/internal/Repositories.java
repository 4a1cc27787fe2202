package de.bochum.portal.opendata.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DatasetRepository extends JpaRepository<Dataset, UUID> {

	Optional<Dataset> findByName(String name);

	/**
	 * For a dataset page: publisher, licence and files in the same query instead of three more. A query
	 * rather than an entity graph: Hibernate translates a query with an entity graph to SQL anew on every
	 * call, while it keeps the translation of a plain query.
	 */
	@Query("""
			select d from OpendataDataset d join fetch d.organization left join fetch d.license
			left join fetch d.resources where d.name = :name""")
	Optional<Dataset> findForPageByName(String name);

	/** The hits of a search, in any order; their collections are batch-fetched when read. */
	@Query("select d from OpendataDataset d where d.id in :ids")
	List<Dataset> findAllForHits(java.util.Collection<UUID> ids);

	List<Dataset> findByPrivateDatasetFalseAndStateOrderByName(String state);
}

interface OrganizationRepository extends JpaRepository<Organization, UUID> {

	Optional<Organization> findByName(String name);

	List<Organization> findAllByOrderByTitle();
}

interface DataGroupRepository extends JpaRepository<DataGroup, UUID> {

	Optional<DataGroup> findByName(String name);

	List<DataGroup> findAllByOrderByTitle();
}

interface LicenseRepository extends JpaRepository<License, String> {

	List<License> findAllByOrderByTitle();
}
