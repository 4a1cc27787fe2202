package de.bochum.portal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * One real PostgreSQL per test JVM, shared by every Spring test context: contexts with
 * different configurations would otherwise each start their own server. Test contexts see it
 * as an external database ({@code spring.datasource.url}), so the application's own embedded
 * mode is tested separately, by {@code EmbeddedPostgresRestartTest}.
 */
public final class TestDatabase {

	/** The first administrator's password in tests (set, so tests can sign in). */
	public static final String ADMIN_PASSWORD = "Test-Admin-Passwort-2026";

	private static EmbeddedPostgres postgres;

	private TestDatabase() {
	}

	public static synchronized String jdbcUrl() {
		if (postgres == null) {
			try {
				Path dir = Files.createTempDirectory("portal-test-pg");
				postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	/**
	 * A database of its own on the shared server, for a test context whose data would disturb the
	 * others' (e.g. the demo catalogue); a test asks for it with the inline property
	 * {@value #OWN_DATABASE}{@code =name}.
	 */
	static synchronized String jdbcUrl(String database) {
		jdbcUrl();
		if (!database.matches("[a-z_]{1,40}")) {
			throw new IllegalArgumentException("database name: " + database);
		}
		try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
			var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
			if (!exists.next()) {
				statement.execute("create database " + database);
			}
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
		return postgres.getJdbcUrl("postgres", database);
	}

	/** Inline test property that gives a context its own database. */
	public static final String OWN_DATABASE = "portal.test.own-database";

	/** Registered in META-INF/spring.factories for every test context. */
	public static final class CustomizerFactory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return new Customizer();
		}
	}

	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			String own = java.util.Arrays.stream(config.getPropertySourceProperties())
				.filter(p -> p.startsWith(OWN_DATABASE + "="))
				.map(p -> p.substring(OWN_DATABASE.length() + 1))
				.findFirst()
				.orElse(null);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("testDatabase", Map.of(
						"spring.datasource.url", own == null ? jdbcUrl() : jdbcUrl(own),
						"spring.datasource.username", "postgres",
						// the shared server stops in a JVM shutdown hook, possibly before the
						// contexts' pools; they should give up quickly instead of waiting 30 s
						"spring.datasource.hikari.connection-timeout", "2000",
						"portal.admin.password", ADMIN_PASSWORD,
						"portal.admin.totp-secret", TotpCodes.SECRET,
						// test contexts run side by side, each with its own mailbox
						"portal.mail.embedded-port", "0",
						// each test context has its own in-memory index; a test indexes what it writes
						"spring.jpa.properties.hibernate.search.backend.directory.type", "local-heap",
						// plain text logs are easier to read in test reports
						"logging.structured.format.console", "")));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}
	}
}
