package de.bochum.portal.platform.internal;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.bochum.portal.platform.InstallationSecrets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Secrets in the table {@code platform_secret}; whoever inserts first wins, every instance reads that one. */
@Component
class DatabaseInstallationSecrets implements InstallationSecrets {

	private final JdbcClient jdbc;
	private final Map<String, byte[]> known = new ConcurrentHashMap<>();

	DatabaseInstallationSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public byte[] secret(String name) {
		return known.computeIfAbsent(name, this::load).clone();
	}

	private byte[] load(String name) {
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		jdbc.sql("insert into platform_secret (name, value) values (?, ?) on conflict (name) do nothing")
			.params(name, fresh)
			.update();
		return jdbc.sql("select value from platform_secret where name = ?").param(name).query(byte[].class).single();
	}
}
