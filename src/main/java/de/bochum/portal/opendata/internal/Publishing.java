package de.bochum.portal.opendata.internal;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import de.bochum.portal.city.CityGeography;
import de.bochum.portal.opendata.internal.Publishers.Publisher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the catalogue, from the staff pages and the CKAN API alike: the same rules, the same
 * scope check and one audit trail. Writes go through Hibernate so that the search index follows
 * every change when the transaction commits.
 */
@Service
@Transactional
class Publishing {

	/** The input breaks a rule; field (CKAN name) to message key. */
	static final class Refused extends RuntimeException {

		final Map<String, String> errors;

		Refused(Map<String, String> errors) {
			super("invalid: " + errors.keySet());
			this.errors = Map.copyOf(errors);
		}
	}

	/** Someone saved the dataset since the form was loaded. */
	static final class Stale extends RuntimeException {

		Stale() {
			super("changed in the meantime");
		}
	}

	/** The person does not publish for the dataset's organization. */
	static final class Denied extends RuntimeException {

		Denied(String message) {
			super(message);
		}
	}

	/** A dataset for the staff pages: as shown, and as the form edits it. */
	record Editable(DatasetView view, DatasetForm form, long lockVersion) {
	}

	private final DatasetRepository datasets;
	private final OrganizationRepository organizations;
	private final DataGroupRepository groups;
	private final LicenseRepository licenses;
	private final CityGeography geography;
	private final Catalogue catalogue;
	private final EntityManager entityManager;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final ResourceFiles files;
	private final Datastore datastore;

	Publishing(DatasetRepository datasets, OrganizationRepository organizations, DataGroupRepository groups,
			LicenseRepository licenses, CityGeography geography, Catalogue catalogue, EntityManager entityManager,
			JdbcClient jdbc, Clock clock, ResourceFiles files, Datastore datastore) {
		this.files = files;
		this.datastore = datastore;
		this.datasets = datasets;
		this.organizations = organizations;
		this.groups = groups;
		this.licenses = licenses;
		this.geography = geography;
		this.catalogue = catalogue;
		this.entityManager = entityManager;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private Instant now() {
		// PostgreSQL keeps microseconds; a value read back must equal the one written.
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	@Transactional(readOnly = true)
	List<DatasetView> datasetsOf(Publisher publisher) {
		if (publisher.organizations().isEmpty()) {
			return List.of();
		}
		return entityManager
			.createQuery("select d from OpendataDataset d where d.organization.name in :organizations "
					+ "order by d.state, lower(d.title)", Dataset.class)
			.setParameter("organizations", publisher.organizations())
			.getResultStream()
			.map(catalogue::view)
			.toList();
	}

	/** A dataset of the publisher's organizations in any state; empty if there is none by that name or id. */
	@Transactional(readOnly = true)
	Optional<Editable> editable(String nameOrId, Publisher publisher) {
		return find(nameOrId).map(d -> {
			checkScope(d, publisher);
			return new Editable(catalogue.view(d), DatasetForm.of(d), d.getLockVersion());
		});
	}

	private Optional<Dataset> find(String nameOrId) {
		return datasets.findByName(nameOrId).or(() -> Catalogue.parseUuid(nameOrId).flatMap(datasets::findById));
	}

	private Dataset existing(String nameOrId, Publisher publisher) {
		Dataset dataset = find(nameOrId).orElseThrow(() -> new NotFound("Dataset"));
		checkScope(dataset, publisher);
		return dataset;
	}

	/** Nothing by that name or id. */
	static final class NotFound extends RuntimeException {

		NotFound(String what) {
			super(what + " not found");
		}
	}

	private static void checkScope(Dataset dataset, Publisher publisher) {
		if (!publisher.mayPublishFor(dataset.getOrganization().getName())) {
			throw new Denied("User " + publisher.username() + " not authorized to edit package " + dataset.getName());
		}
	}

	DatasetView create(DatasetForm form, List<ResourceForm> resources, Publisher publisher, String channel) {
		DatasetFields fields = validate(form, null, publisher);
		List<ResourceFields> resourceFields = validateResources(resources);
		Instant now = now();
		Dataset dataset = new Dataset(UUID.randomUUID(), now);
		apply(dataset, fields, now);
		resourceFields.forEach(r -> dataset.addResource(UUID.randomUUID(), r, now));
		datasets.save(dataset);
		audit(dataset, publisher, "created", channel, "");
		return catalogue.view(dataset);
	}

	/**
	 * Replaces the dataset's fields.
	 *
	 * @param expectedVersion the version the form was loaded with; null where the caller wants the last write to win (the API)
	 * @param resources the new resources, matched to existing ones by id; null keeps them as they are
	 */
	DatasetView update(String nameOrId, DatasetForm form, Long expectedVersion, List<ResourceInput> resources,
			Publisher publisher, String channel) {
		Dataset dataset = existing(nameOrId, publisher);
		DatasetFields before = DatasetForm.of(dataset).fields();
		DatasetFields fields = validate(form, dataset.getId(), publisher);
		if (expectedVersion != null && expectedVersion != dataset.getLockVersion()) {
			throw new Stale();
		}
		List<ResourceFields> resourceFields = resources == null ? null
				: validateResources(resources.stream().map(ResourceInput::form).toList());
		Instant now = now();
		apply(dataset, fields, now);
		List<String> changed = changedFields(before, fields);
		if (resources != null) {
			replaceResources(dataset, resources, resourceFields, now);
			changed.add("resources");
		}
		datasets.saveAndFlush(dataset);
		audit(dataset, publisher, "updated", channel, String.join(", ", changed));
		return catalogue.view(dataset);
	}

	/** A resource as given to package_update: with the id of an existing one, or none for a new one. */
	record ResourceInput(String id, ResourceForm form) {
	}

	private void replaceResources(Dataset dataset, List<ResourceInput> inputs, List<ResourceFields> fields,
			Instant now) {
		Map<String, DatasetResource> existing = new LinkedHashMap<>();
		dataset.getResources().forEach(r -> existing.put(r.getId().toString(), r));
		Set<String> kept = new LinkedHashSet<>();
		for (int i = 0; i < inputs.size(); i++) {
			DatasetResource match = inputs.get(i).id() == null ? null : existing.get(inputs.get(i).id());
			if (match != null) {
				match.update(fields.get(i), now);
				kept.add(match.getId().toString());
			}
			else {
				kept.add(dataset.addResource(UUID.randomUUID(), fields.get(i), now).getId().toString());
			}
		}
		existing.values().stream().filter(r -> !kept.contains(r.getId().toString())).toList()
			.forEach(r -> removeResource(dataset, r, now));
	}

	void delete(String nameOrId, Publisher publisher, String channel) {
		Dataset dataset = existing(nameOrId, publisher);
		if (!Dataset.ACTIVE.equals(dataset.getState())) {
			return;
		}
		dataset.delete(now());
		audit(dataset, publisher, "deleted", channel, "");
	}

	/** Undoes a delete: the dataset is active again, public unless private. */
	void restore(String nameOrId, Publisher publisher, String channel) {
		Dataset dataset = existing(nameOrId, publisher);
		if (Dataset.ACTIVE.equals(dataset.getState())) {
			return;
		}
		dataset.restore(now());
		audit(dataset, publisher, "restored", channel, "");
	}

	Catalogue.FoundResource addResource(String datasetNameOrId, ResourceForm form, Publisher publisher,
			String channel) {
		return addResource(datasetNameOrId, form, null, null, publisher, channel);
	}

	/**
	 * Adds a resource; with an upload, the file is checked and stored, and the resource points to
	 * the portal's own download address under {@code baseUrl}.
	 */
	Catalogue.FoundResource addResource(String datasetNameOrId, ResourceForm form, ResourceFiles.Upload upload,
			String baseUrl, Publisher publisher, String channel) {
		Dataset dataset = existing(datasetNameOrId, publisher);
		UUID id = UUID.randomUUID();
		ResourceFiles.Checked checked = upload == null ? null : files.check(upload);
		ResourceForm effective = checked == null ? form : uploaded(form, checked, baseUrl, dataset.getName(), id);
		ResourceFields fields = validateResources(List.of(effective)).get(0);
		DatasetResource resource = dataset.addResource(id, fields, now());
		datasets.saveAndFlush(dataset);
		if (checked != null) {
			files.store(id, checked);
		}
		audit(dataset, publisher, "resource created", channel, resource.getName());
		return found(dataset, resource);
	}

	Catalogue.FoundResource updateResource(String resourceId, ResourceForm form, Publisher publisher, String channel) {
		return updateResource(resourceId, form, null, null, publisher, channel);
	}

	/** Changes a resource; a new upload replaces the file, an address elsewhere removes the old file. */
	Catalogue.FoundResource updateResource(String resourceId, ResourceForm form, ResourceFiles.Upload upload,
			String baseUrl, Publisher publisher, String channel) {
		DatasetResource resource = resource(resourceId, publisher);
		ResourceFiles.Checked checked = upload == null ? null : files.check(upload);
		ResourceForm effective = checked == null ? form
				: uploaded(form, checked, baseUrl, resource.getDataset().getName(), resource.getId());
		ResourceFields fields = validateResources(List.of(effective)).get(0);
		Instant now = now();
		resource.update(fields, now);
		resource.getDataset().touch(now);
		datasets.saveAndFlush(resource.getDataset());
		if (checked != null) {
			files.store(resource.getId(), checked);
			datastore.drop(resource.getId());
		}
		else if (!isUpload(fields.url(), resource.getId())) {
			files.remove(resource.getId());
		}
		audit(resource.getDataset(), publisher, "resource updated", channel, resource.getName());
		return found(resource.getDataset(), resource);
	}

	void deleteResource(String resourceId, Publisher publisher, String channel) {
		DatasetResource resource = resource(resourceId, publisher);
		Dataset dataset = resource.getDataset();
		removeResource(dataset, resource, now());
		audit(dataset, publisher, "resource deleted", channel, resource.getName());
	}

	/** A resource that goes takes its file and its datastore table with it. */
	private void removeResource(Dataset dataset, DatasetResource resource, Instant now) {
		files.remove(resource.getId());
		datastore.drop(resource.getId());
		dataset.removeResource(resource, now);
	}

	/** The portal's own download address of an uploaded file. */
	static String downloadPath(String datasetName, UUID resourceId, String fileName) {
		return "/daten/" + datasetName + "/ressource/" + resourceId + "/download/" + fileName;
	}

	static boolean isUpload(String url, UUID resourceId) {
		return url != null && url.contains("/ressource/" + resourceId + "/download/");
	}

	/** What the form says, with what the file says where the form is silent; media type, size and hash always from the file. */
	private static ResourceForm uploaded(ResourceForm form, ResourceFiles.Checked checked, String baseUrl,
			String datasetName, UUID id) {
		String fileName = checked.upload().fileName();
		return new ResourceForm(form.name().isEmpty() ? fileName : form.name(),
				baseUrl + downloadPath(datasetName, id, fileName),
				form.format().isEmpty() ? checked.format() : form.format(), checked.mediaType(), form.description(),
				String.valueOf(checked.upload().content().length), checked.sha256());
	}

	/** The resource with its dataset, for the staff page; checks the scope. */
	@Transactional(readOnly = true)
	Catalogue.FoundResource resourceOf(String resourceId, Publisher publisher) {
		DatasetResource resource = resource(resourceId, publisher);
		return found(resource.getDataset(), resource);
	}

	private DatasetResource resource(String resourceId, Publisher publisher) {
		DatasetResource resource = Catalogue.parseUuid(resourceId)
			.map(id -> entityManager.find(DatasetResource.class, id))
			.orElseThrow(() -> new NotFound("Resource"));
		checkScope(resource.getDataset(), publisher);
		return resource;
	}

	private Catalogue.FoundResource found(Dataset dataset, DatasetResource resource) {
		DatasetView view = catalogue.view(dataset);
		return new Catalogue.FoundResource(view, view.resources()
			.stream()
			.filter(r -> r.id().equals(resource.getId().toString()))
			.findFirst()
			.orElseThrow());
	}

	@Transactional(readOnly = true)
	List<StaffAudit> auditTrail(String datasetId) {
		return jdbc.sql("""
				select at, changed_by, action, channel, detail from opendata_audit
				where dataset_id = ? order by at desc, id desc""")
			.param(UUID.fromString(datasetId))
			.query((rs, i) -> new StaffAudit(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	private void audit(Dataset dataset, Publisher publisher, String action, String channel, String detail) {
		jdbc.sql("""
				insert into opendata_audit (dataset_id, dataset_name, changed_by, action, channel, detail, at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(dataset.getId(), dataset.getName(), publisher.username(), action, channel, detail,
					java.sql.Timestamp.from(now()))
			.update();
	}

	/** Checks the form against itself and the catalogue; the organization must be one of the publisher's. */
	private DatasetFields validate(DatasetForm form, UUID current, Publisher publisher) {
		Map<String, String> errors = new LinkedHashMap<>(form.check());
		if (!errors.containsKey("name")
				&& datasets.findByName(form.name()).filter(d -> !d.getId().equals(current)).isPresent()) {
			errors.put("name", "opendata.staff.error.nameInUse");
		}
		Optional<Organization> organization = catalogue.organization(form.ownerOrg());
		if (organization.isEmpty()) {
			errors.put("owner_org", "opendata.staff.error.organization");
		}
		else if (!publisher.mayPublishFor(organization.get().getName())) {
			throw new Denied("User " + publisher.username() + " not authorized to add dataset to organization "
					+ organization.get().getName());
		}
		if (licenses.findById(form.licenseId()).isEmpty()) {
			errors.put("license_id", "opendata.staff.error.license");
		}
		if (!form.spatial().isEmpty() && geography.stadtbezirk(form.spatial()).isEmpty()
				&& geography.stadtteil(form.spatial()).isEmpty()) {
			errors.put("spatial_key", "opendata.staff.error.spatial");
		}
		if (form.groups().stream().anyMatch(g -> catalogue.group(g).isEmpty())) {
			errors.put("groups", "opendata.staff.error.groups");
		}
		if (!errors.isEmpty()) {
			throw new Refused(errors);
		}
		DatasetFields fields = form.fields();
		// Organizations and groups may be named by id (as CKAN clients do); store them by name.
		return new DatasetFields(fields.name(), fields.title(), fields.notes(), fields.url(),
				organization.get().getName(), fields.licenseId(), fields.attribution(), fields.author(),
				fields.authorEmail(), fields.maintainer(), fields.maintainerEmail(), fields.version(),
				fields.spatialKey(), fields.temporalStart(), fields.temporalEnd(), fields.frequency(),
				fields.privateDataset(), fields.tags(),
				fields.groupNames().stream().map(g -> catalogue.group(g).orElseThrow().getName()).distinct().toList(),
				fields.extras());
	}

	private static List<ResourceFields> validateResources(List<ResourceForm> resources) {
		List<ResourceFields> fields = new ArrayList<>();
		for (ResourceForm form : resources) {
			Map<String, String> errors = form.check();
			if (!errors.isEmpty()) {
				throw new Refused(resources.size() == 1 ? errors : Map.of("resources", errors.values().iterator().next()));
			}
			fields.add(form.fields());
		}
		return fields;
	}

	private void apply(Dataset dataset, DatasetFields fields, Instant now) {
		Organization organization = organizations.findByName(fields.organizationName()).orElseThrow();
		License license = licenses.findById(fields.licenseId()).orElseThrow();
		Set<DataGroup> chosen = new LinkedHashSet<>();
		fields.groupNames().forEach(g -> chosen.add(groups.findByName(g).orElseThrow()));
		dataset.update(fields, organization, license, chosen, now);
	}

	private static List<String> changedFields(DatasetFields before, DatasetFields after) {
		List<String> changed = new ArrayList<>();
		for (RecordComponent component : DatasetFields.class.getRecordComponents()) {
			try {
				Object a = component.getAccessor().invoke(before);
				Object b = component.getAccessor().invoke(after);
				if (!java.util.Objects.equals(a, b)) {
					changed.add(component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT));
				}
			}
			catch (ReflectiveOperationException impossible) {
				throw new IllegalStateException(impossible);
			}
		}
		return changed;
	}
}
