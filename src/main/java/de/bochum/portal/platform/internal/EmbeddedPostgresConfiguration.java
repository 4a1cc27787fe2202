package de.bochum.portal.platform.internal;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL inside the application when no external database is configured,
 * so that one command runs the whole portal on a fresh machine. Its data lives in
 * {@code portal.embedded-postgres.data-dir} (default {@code ./data/postgres}) and survives
 * restarts; the server stops with the application context, is started again when it dies, and a
 * server a killed portal left behind is stopped first (see {@link EmbeddedDatabaseServer}).
 *
 * <p>With {@code SPRING_DATASOURCE_URL} (or {@code spring.datasource.url}) set, this
 * configuration does nothing and Spring Boot connects to that server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabaseServer embeddedPostgres(@Value("${portal.embedded-postgres.data-dir:./data/postgres}") Path dataDir,
			@Value("${portal.embedded-postgres.port:0}") int port) {
		return new EmbeddedDatabaseServer(dataDir, port).start();
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedDatabaseServer postgres,
			@Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize,
			@Value("${spring.datasource.hikari.connection-timeout:3000}") long connectionTimeoutMillis) {
		HikariDataSource dataSource = new HikariDataSource();
		// The port stays the same across a restart of the server, so the pool reconnects by itself.
		dataSource.setJdbcUrl(postgres.current().getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(poolSize);
		dataSource.setConnectionTimeout(connectionTimeoutMillis);
		dataSource.setPoolName("portal-embedded");
		return dataSource;
	}

	/** Starts the server again when it died while the portal runs (see {@link EmbeddedDatabaseServer}). */
	@Bean
	EmbeddedDatabaseWatch embeddedDatabaseWatch(EmbeddedDatabaseServer postgres) {
		return new EmbeddedDatabaseWatch(postgres);
	}

	static final class EmbeddedDatabaseWatch {

		private final EmbeddedDatabaseServer postgres;

		EmbeddedDatabaseWatch(EmbeddedDatabaseServer postgres) {
			this.postgres = postgres;
		}

		@Scheduled(initialDelayString = "${portal.embedded-postgres.watch-interval:PT5S}",
				fixedDelayString = "${portal.embedded-postgres.watch-interval:PT5S}")
		void watch() {
			postgres.restartIfDead();
		}
	}

	static final class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}
	}

}
