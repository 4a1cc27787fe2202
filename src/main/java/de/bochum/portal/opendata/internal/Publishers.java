package de.bochum.portal.opendata.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import de.bochum.portal.identity.Role;
import de.bochum.portal.identity.StaffDirectory;
import de.bochum.portal.identity.StaffMember;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who publishes for which organization. Administrators publish everywhere; a data publisher only
 * for the organizations an administrator granted, so a subsidiary cannot change the city's data.
 */
@Service
class Publishers {

	private final JdbcClient jdbc;
	private final StaffDirectory staff;

	Publishers(JdbcClient jdbc, StaffDirectory staff) {
		this.jdbc = jdbc;
		this.staff = staff;
	}

	/** A person who may publish, and where. */
	record Publisher(String username, boolean admin, Set<String> organizations) {

		Publisher {
			organizations = Set.copyOf(organizations);
		}

		boolean mayPublishFor(String organizationName) {
			return admin || organizations.contains(organizationName);
		}
	}

	record Member(String username, String displayName, String grantedBy, Instant grantedAt) {
	}

	/** The signed-in staff member as a publisher. */
	Publisher of(Authentication authentication) {
		Set<String> roles = new TreeSet<>();
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			roles.add(authority.getAuthority());
		}
		return publisher(authentication.getName(), roles.contains(Role.ADMIN.authority()),
				roles.contains(Role.DATA_PUBLISHER.authority()));
	}

	/** The owner of an API token as a publisher, with the roles they have now, if they still may publish. */
	Optional<Publisher> byUsername(String username) {
		return staff.find(username)
			.filter(m -> m.roles().contains(Role.ADMIN) || m.roles().contains(Role.DATA_PUBLISHER))
			.map(m -> publisher(m.username(), m.roles().contains(Role.ADMIN), true));
	}

	private Publisher publisher(String username, boolean admin, boolean publisher) {
		Set<String> organizations = admin
				? Set.copyOf(jdbc.sql("select name from opendata_organization").query(String.class).list())
				: publisher ? Set.copyOf(jdbc.sql("""
						select o.name from opendata_publisher p
						join opendata_organization o on o.id = p.organization_id where p.username = ?""")
					.param(username)
					.query(String.class)
					.list()) : Set.of();
		return new Publisher(username, admin, organizations);
	}

	List<Member> members(UUID organizationId) {
		return jdbc.sql("""
				select username, granted_by, granted_at from opendata_publisher
				where organization_id = ? order by username""")
			.param(organizationId)
			.query((rs, i) -> new Member(rs.getString(1),
					staff.find(rs.getString(1)).map(StaffMember::displayName).orElse(rs.getString(1)), rs.getString(2),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

	enum GrantResult {
		GRANTED, UNKNOWN_USER, NOT_A_PUBLISHER, ALREADY
	}

	@Transactional
	GrantResult grant(UUID organizationId, String username, String grantedBy) {
		Optional<StaffMember> member = staff.find(username);
		if (member.isEmpty()) {
			return GrantResult.UNKNOWN_USER;
		}
		if (!member.get().roles().contains(Role.DATA_PUBLISHER)) {
			return GrantResult.NOT_A_PUBLISHER;
		}
		int added = jdbc.sql("""
				insert into opendata_publisher (username, organization_id, granted_by) values (?, ?, ?)
				on conflict do nothing""").params(username, organizationId, grantedBy).update();
		return added == 1 ? GrantResult.GRANTED : GrantResult.ALREADY;
	}

	@Transactional
	void revoke(UUID organizationId, String username) {
		jdbc.sql("delete from opendata_publisher where organization_id = ? and username = ?")
			.params(organizationId, username)
			.update();
	}
}
