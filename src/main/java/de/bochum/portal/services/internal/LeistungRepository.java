package de.bochum.portal.services.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface LeistungRepository extends JpaRepository<LeistungEntity, Long> {

	Optional<LeistungEntity> findBySlug(String slug);

	Optional<LeistungEntity> findByLeikaKey(String leikaKey);
}
