package de.bochum.portal.opendata.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VCARD4;
import org.springframework.stereotype.Component;

/**
 * The catalogue in DCAT-AP.de, the German profile GovData harvests. Built with Jena so that every
 * serialisation (Turtle, RDF/XML, JSON-LD) says the same.
 */
@Component
class DcatExport {

	static final String DCATDE = "http://dcat-ap.de/def/dcatde/";
	static final String FOAF = "http://xmlns.com/foaf/0.1/";
	static final String HYDRA = "http://www.w3.org/ns/hydra/core#";

	/** Bochum has no contributor id of its own; its data reaches GovData through Open.NRW. */
	static final String CONTRIBUTOR = "http://dcat-ap.de/def/contributors/openNRW";

	static final String BOCHUM_GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/regionalKey/059110000000";
	static final String MUNICIPALITY_LEVEL = "http://dcat-ap.de/def/politicalGeocoding/Level/municipality";

	static final int PAGE_SIZE = 100;

	private static final Map<String, String> FILE_TYPES = Map.of("CSV", "CSV", "JSON", "JSON", "GEOJSON", "GEOJSON",
			"PDF", "PDF", "XML", "XML", "XLSX", "XLSX", "ODS", "ODS", "ZIP", "ZIP", "WMS", "WMS_SRVC", "WFS", "WFS_SRVC");

	private final Catalogue catalogue;

	DcatExport(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	/** One page of the catalogue, with Hydra paging when there is more than one. */
	Model catalog(String base, int page) {
		Model model = model();
		List<DatasetView> all = catalogue.allDatasets(0, Integer.MAX_VALUE);
		int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		if (page < 1 || page > pages) {
			throw new IllegalArgumentException("No such page: " + page);
		}
		Resource catalog = model.createResource(base + "/catalog")
			.addProperty(RDF.type, DCAT.Catalog)
			.addProperty(DCTerms.title, model.createLiteral("Offene Daten Bochum", "de"))
			.addProperty(DCTerms.description,
					model.createLiteral("Offene Daten der Stadt Bochum und ihrer Gesellschaften", "de"))
			.addProperty(DCTerms.publisher, agent(model, base + "/daten/organisation/stadt-bochum", "Stadt Bochum"))
			.addProperty(model.createProperty(FOAF, "homepage"), model.createResource(base + "/daten"))
			.addProperty(DCTerms.language,
					model.createResource("http://publications.europa.eu/resource/authority/language/DEU"));
		all.stream()
			.skip((long) (page - 1) * PAGE_SIZE)
			.limit(PAGE_SIZE)
			.forEach(d -> catalog.addProperty(DCAT.dataset, dataset(model, base, d)));
		if (pages > 1) {
			Resource paging = model.createResource(base + "/catalog?page=" + page)
				.addProperty(RDF.type, model.createResource(HYDRA + "PagedCollection"))
				.addLiteral(model.createProperty(HYDRA, "totalItems"), (long) all.size())
				.addLiteral(model.createProperty(HYDRA, "itemsPerPage"), (long) PAGE_SIZE)
				.addProperty(model.createProperty(HYDRA, "firstPage"), base + "/catalog?page=1")
				.addProperty(model.createProperty(HYDRA, "lastPage"), base + "/catalog?page=" + pages);
			if (page > 1) {
				paging.addProperty(model.createProperty(HYDRA, "previousPage"), base + "/catalog?page=" + (page - 1));
			}
			if (page < pages) {
				paging.addProperty(model.createProperty(HYDRA, "nextPage"), base + "/catalog?page=" + (page + 1));
			}
		}
		return model;
	}

	/** One dataset on its own. */
	java.util.Optional<Model> dataset(String base, String name) {
		return catalogue.dataset(name).filter(d -> d.name().equals(name)).map(d -> {
			Model model = model();
			dataset(model, base, d);
			return model;
		});
	}

	private static Model model() {
		Model model = ModelFactory.createDefaultModel();
		model.setNsPrefix("dcat", DCAT.NS);
		model.setNsPrefix("dct", DCTerms.NS);
		model.setNsPrefix("dcatde", DCATDE);
		model.setNsPrefix("foaf", FOAF);
		model.setNsPrefix("vcard", VCARD4.NS);
		model.setNsPrefix("hydra", HYDRA);
		return model;
	}

	private static Resource agent(Model model, String uri, String name) {
		return model.createResource(uri)
			.addProperty(RDF.type, model.createResource(FOAF + "Agent"))
			.addProperty(model.createProperty(FOAF, "name"), name);
	}

	private Resource dataset(Model model, String base, DatasetView d) {
		Resource dataset = model.createResource(base + "/daten/" + d.name())
			.addProperty(RDF.type, DCAT.Dataset)
			.addProperty(DCTerms.identifier, d.id())
			.addProperty(DCTerms.title, model.createLiteral(d.title(), "de"))
			.addProperty(DCTerms.description, model.createLiteral(d.notes(), "de"))
			.addProperty(DCAT.landingPage, model.createResource(base + "/daten/" + d.name()))
			.addProperty(DCTerms.publisher, agent(model, base + "/daten/organisation/" + d.organization().name(),
					d.organization().title()))
			.addProperty(model.createProperty(DCATDE, "contributorID"), model.createResource(CONTRIBUTOR))
			.addProperty(DCTerms.accessRights,
					model.createResource("http://publications.europa.eu/resource/authority/access-right/PUBLIC"))
			.addProperty(DCTerms.issued, dateTime(model, d.created()))
			.addProperty(DCTerms.modified, dateTime(model, d.modified()));
		Resource contact = model.createResource()
			.addProperty(RDF.type, VCARD4.Organization)
			// Validators check the class without inference, and the shapes ask for vcard:Kind.
			.addProperty(RDF.type, VCARD4.Kind)
			.addProperty(VCARD4.fn, d.maintainer() != null ? d.maintainer() : d.organization().title());
		if (d.maintainerEmail() != null) {
			contact.addProperty(VCARD4.hasEmail, model.createResource("mailto:" + d.maintainerEmail()));
		}
		dataset.addProperty(DCAT.contactPoint, contact);
		d.tags().forEach(tag -> dataset.addProperty(DCAT.keyword, model.createLiteral(tag, "de")));
		d.groups().forEach(g -> dataset.addProperty(DCAT.theme, model.createResource(g.themeUri())));
		if (d.version() != null) {
			dataset.addProperty(model.createProperty("http://www.w3.org/2002/07/owl#", "versionInfo"), d.version());
		}
		if (d.frequency() != null) {
			dataset.addProperty(DCTerms.accrualPeriodicity, model.createResource(d.frequency()));
		}
		if ("Bochum".equals(d.spatial())) {
			dataset.addProperty(model.createProperty(DCATDE, "politicalGeocodingURI"),
					model.createResource(BOCHUM_GEOCODING));
			dataset.addProperty(model.createProperty(DCATDE, "politicalGeocodingLevelURI"),
					model.createResource(MUNICIPALITY_LEVEL));
		}
		else {
			// A district or quarter has no regional key of its own; name it and keep the city's code.
			dataset.addProperty(model.createProperty(DCATDE, "geocodingDescription"),
					model.createLiteral(d.spatial(), "de"));
			dataset.addProperty(model.createProperty(DCATDE, "politicalGeocodingURI"),
					model.createResource(BOCHUM_GEOCODING));
			dataset.addProperty(model.createProperty(DCATDE, "politicalGeocodingLevelURI"),
					model.createResource(MUNICIPALITY_LEVEL));
		}
		if (d.temporalStart() != null) {
			Resource period = model.createResource()
				.addProperty(RDF.type, DCTerms.PeriodOfTime)
				.addProperty(DCAT.startDate, model.createTypedLiteral(d.temporalStart().toString(), XSDDatatype.XSDdate));
			if (d.temporalEnd() != null) {
				period.addProperty(DCAT.endDate, model.createTypedLiteral(d.temporalEnd().toString(), XSDDatatype.XSDdate));
			}
			dataset.addProperty(DCTerms.temporal, period);
		}
		for (DatasetView.ResourceView r : d.resources()) {
			Resource distribution = model.createResource(base + "/daten/" + d.name() + "/ressource/" + r.id())
				.addProperty(RDF.type, DCAT.Distribution)
				.addProperty(DCTerms.title, model.createLiteral(r.name(), "de"))
				.addProperty(DCTerms.license, model.createResource(d.license().uri()));
			// An address stored before input was checked must not break the whole catalogue: the
			// distribution's own page stands in for it.
			java.util.Optional<String> address = WebAddresses.iri(WebAddresses.normalised(r.url()));
			distribution.addProperty(DCAT.accessURL, model.createResource(address.orElse(distribution.getURI())));
			address.ifPresent(a -> distribution.addProperty(DCAT.downloadURL, model.createResource(a)));
			if (!r.description().isBlank()) {
				distribution.addProperty(DCTerms.description, model.createLiteral(r.description(), "de"));
			}
			if (d.attribution() != null) {
				distribution.addProperty(model.createProperty(DCATDE, "licenseAttributionByText"),
						model.createLiteral(d.attribution(), "de"));
			}
			String fileType = FILE_TYPES.get(r.format().toUpperCase(Locale.ROOT));
			if (fileType != null) {
				distribution.addProperty(DCTerms.format,
						model.createResource("http://publications.europa.eu/resource/authority/file-type/" + fileType));
			}
			if (r.mimetype() != null) {
				distribution.addProperty(DCAT.mediaType,
						model.createResource("http://www.iana.org/assignments/media-types/" + r.mimetype()));
			}
			if (r.size() != null) {
				distribution.addProperty(DCAT.byteSize,
						model.createTypedLiteral(r.size().toString(), XSDDatatype.XSDnonNegativeInteger));
			}
			if (r.lastModified() != null) {
				distribution.addProperty(DCTerms.modified, dateTime(model, r.lastModified()));
			}
			distribution.addProperty(DCTerms.issued, dateTime(model, r.created()));
			dataset.addProperty(DCAT.distribution, distribution);
		}
		return dataset;
	}

	private static Literal dateTime(Model model, Instant instant) {
		return model.createTypedLiteral(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC)), XSDDatatype.XSDdateTime);
	}
}
