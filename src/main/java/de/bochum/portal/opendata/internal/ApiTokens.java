package de.bochum.portal.opendata.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.bochum.portal.platform.Hashes;
import de.bochum.portal.platform.PageContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for the CKAN write actions. The token is shown once and only its SHA-256 is
 * stored: the token is random with 256 bits, so a plain hash is enough (no password to stretch).
 */
@Service
class ApiTokens {

	static final String PREFIX = "bpo_";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	ApiTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Creates a token valid until the end of {@code expiresOn} (Berlin time), or without end; returns it once. */
	@Transactional
	String create(String username, String label, LocalDate expiresOn) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expires = expiresOn == null ? null
				: expiresOn.plusDays(1).atStartOfDay(PageContext.CITY_ZONE).toInstant();
		jdbc.sql("""
				insert into opendata_api_token (id, username, label, token_hash, created, expires)
				values (?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), username, label, hash(token), Timestamp.from(now()),
					expires == null ? null : Timestamp.from(expires))
			.update();
		return token;
	}

	@Transactional(readOnly = true)
	List<ApiTokenView> of(String username) {
		Instant now = now();
		return jdbc.sql("""
				select id, label, created, last_used, expires from opendata_api_token
				where username = ? order by created desc""")
			.param(username)
			.query((rs, i) -> {
				Instant expires = rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant();
				return new ApiTokenView(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
						rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), expires,
						expires != null && !expires.isAfter(now));
			})
			.list();
	}

	@Transactional
	boolean revoke(String username, UUID id) {
		return jdbc.sql("delete from opendata_api_token where username = ? and id = ?").params(username, id).update() == 1;
	}

	/** The owner of a valid token, noting its use; empty for unknown, revoked or expired tokens. */
	@Transactional
	Optional<String> owner(String token) {
		if (token == null || !token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Timestamp now = Timestamp.from(now());
		return jdbc.sql("""
				update opendata_api_token set last_used = ?
				where token_hash = ? and (expires is null or expires > ?) returning username""")
			.params(now, hash(token), now)
			.query(String.class)
			.optional();
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static String hash(String token) {
		return Hashes.sha256Hex(token);
	}
}
