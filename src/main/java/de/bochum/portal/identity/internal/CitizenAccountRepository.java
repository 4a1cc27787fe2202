package de.bochum.portal.identity.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CitizenAccountRepository extends JpaRepository<CitizenAccount, Long> {

	Optional<CitizenAccount> findByEmailIgnoreCase(String email);

	Optional<CitizenAccount> findByOidcIssuerAndOidcSubject(String oidcIssuer, String oidcSubject);
}
