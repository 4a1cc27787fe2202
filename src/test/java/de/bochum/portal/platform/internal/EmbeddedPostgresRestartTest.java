package de.bochum.portal.platform.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import de.bochum.portal.PortalApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's own default: no datasource configured, so it starts PostgreSQL itself, keeps the
 * data in its data directory across restarts, and stops the server when it stops.
 */
class EmbeddedPostgresRestartTest {

	@TempDir
	Path dataDir;

	@Test
	void startsOnEmbeddedPostgresAndKeepsDataAcrossRestarts() throws Exception {
		String marker = "Neustarttest " + UUID.randomUUID();

		try (ConfigurableApplicationContext first = start()) {
			assertThat(first.getBean(EmbeddedDatabaseServer.class).current()).isNotNull();
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			assertThat(jdbc.sql("show fsync").query(String.class).single())
				.as("a confirmed booking survives a power loss").isEqualTo("on");
			assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
			int port = ((WebServerApplicationContext) first).getWebServer().getPort();
			HttpResponse<String> home = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(home.statusCode()).isEqualTo(200);
			assertThat(home.body()).contains("Bochum-Wattenscheid");
			first.getBean(JdbcClient.class)
				.sql("insert into staff_account (username, display_name, password_hash, created_at) values (?, ?, ?, now())")
				.params("neustart", marker, "{noop}unbenutzt")
				.update();
		}
		assertThat(Files.exists(dataDir.resolve("postgresql.conf"))).isTrue();
		assertThat(Files.exists(dataDir.resolve("postmaster.pid")))
			.as("the server stopped with the application").isFalse();

		try (ConfigurableApplicationContext second = start()) {
			String stored = second.getBean(JdbcClient.class)
				.sql("select display_name from staff_account where username = 'neustart'")
				.query(String.class)
				.single();
			assertThat(stored).isEqualTo(marker);
			assertThat(second.getBean(JdbcClient.class)
				.sql("select count(*) from staff_account where username = 'admin'")
				.query(Integer.class)
				.single()).as("the first administrator is created once, not on every start").isEqualTo(1);
		}
	}

	private ConfigurableApplicationContext start() {
		// Command-line arguments, so they win over application.properties as they would for an operator.
		return new SpringApplicationBuilder(PortalApplication.class).run("--spring.datasource.url=",
				"--portal.embedded-postgres.data-dir=" + dataDir, "--server.port=0",
				"--logging.structured.format.console=", "--portal.mail.embedded-port=0");
	}
}
