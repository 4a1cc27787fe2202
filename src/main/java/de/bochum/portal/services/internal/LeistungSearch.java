package de.bochum.portal.services.internal;

import java.util.List;

import jakarta.persistence.EntityManager;

import de.bochum.portal.services.Leistung;
import de.bochum.portal.services.ServiceCatalogue;

import org.hibernate.search.mapper.orm.Search;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Full-text search over the services, best match first. */
@Component
class LeistungSearch {

	private static final int MAX_HITS = 50;

	private final EntityManager entityManager;
	private final ServiceCatalogue catalogue;

	LeistungSearch(EntityManager entityManager, ServiceCatalogue catalogue) {
		this.entityManager = entityManager;
		this.catalogue = catalogue;
	}

	@Transactional(readOnly = true)
	List<Leistung> search(String query) {
		String terms = query == null ? "" : query.strip();
		if (terms.isEmpty()) {
			return List.of();
		}
		// A hit in the name counts more than one in the description; a whole word more than a prefix.
		List<String> slugs = Search.session(entityManager)
			.search(LeistungEntity.class)
			.select(f -> f.field("slug", String.class))
			.where(f -> f.or(f.match().field("name").matching(terms).boost(4f),
					f.match().field("namePrefix").matching(terms).boost(2f),
					f.match().field("description").matching(terms)))
			.fetchHits(MAX_HITS);
		return slugs.stream().flatMap(slug -> catalogue.findBySlug(slug).stream()).toList();
	}
}
