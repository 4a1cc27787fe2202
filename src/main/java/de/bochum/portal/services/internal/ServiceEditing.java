package de.bochum.portal.services.internal;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to services. Writes go through Hibernate so that the search index follows each save.
 */
@Service
class ServiceEditing {

	private final LeistungRepository leistungen;
	private final EntityManager entityManager;
	private final JdbcClient jdbc;

	ServiceEditing(LeistungRepository leistungen, EntityManager entityManager, JdbcClient jdbc) {
		this.leistungen = leistungen;
		this.entityManager = entityManager;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	Optional<Long> version(String slug) {
		return leistungen.findBySlug(slug).map(LeistungEntity::version);
	}

	/**
	 * Saves the texts and life situations if nobody saved the service since {@code version} was read.
	 *
	 * @throws OptimisticLockingFailureException when someone else saved in between
	 */
	@Transactional
	void update(String slug, long version, ServiceTexts texts, List<String> lebenslagen) {
		LeistungEntity entity = leistungen.findBySlug(slug).orElseThrow();
		if (entity.version() != version) {
			throw new OptimisticLockingFailureException("Leistung " + slug + " was changed in the meantime");
		}
		entity.update(texts);
		// Assigning only life situations changes no column of the entity; the lock still bumps the version.
		entityManager.lock(entity, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
		assignLebenslagen(entity.id(), lebenslagen);
	}

	void assignLebenslagen(long leistungId, List<String> lebenslagen) {
		jdbc.sql("delete from services_leistung_lebenslage where leistung_id = ?").param(leistungId).update();
		for (String slug : lebenslagen) {
			jdbc.sql("""
					insert into services_leistung_lebenslage (leistung_id, lebenslage_id)
					select ?, id from services_lebenslage where slug = ?""").param(leistungId).param(slug).update();
		}
	}
}
