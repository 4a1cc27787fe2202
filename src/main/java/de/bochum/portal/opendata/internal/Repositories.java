package de.bochum.portal.opendata.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface DatasetRepository extends JpaRepository<Dataset, UUID> {

	Optional<Dataset> findByName(String name);

	/** For a dataset page: publisher, licence and files in the same query instead of three more. */
	@EntityGraph(attributePaths = { "organization", "license", "resources" })
	Optional<Dataset> findForPageByName(String name);

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
