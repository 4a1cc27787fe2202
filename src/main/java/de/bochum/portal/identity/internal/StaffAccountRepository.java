package de.bochum.portal.identity.internal;

import java.util.List;
import java.util.Optional;

import de.bochum.portal.identity.Role;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StaffAccountRepository extends JpaRepository<StaffAccount, Long> {

	Optional<StaffAccount> findByUsernameIgnoreCase(String username);

	@Query("select a from StaffAccount a where :office member of a.offices and :role member of a.roles")
	List<StaffAccount> findMembers(@Param("office") String office, @Param("role") Role role);
}
