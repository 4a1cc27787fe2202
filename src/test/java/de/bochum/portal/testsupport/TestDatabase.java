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
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("testDatabase", Map.of(
						"spring.datasource.url", jdbcUrl(),
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
