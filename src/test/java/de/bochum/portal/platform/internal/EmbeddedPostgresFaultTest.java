package de.bochum.portal.platform.internal;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import de.bochum.portal.PortalApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults of the embedded default, as they happen on a real machine: the portal killed with SIGKILL
 * (its PostgreSQL lives on, detached), and the PostgreSQL server killed under a running portal.
 */
class EmbeddedPostgresFaultTest {

	@TempDir
	Path dataDir;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void aPortalKilledWithSigkillLeavesNothingThatStopsTheNextStart() throws Exception {
		int port = freePort();
		Process portal = new ProcessBuilder(javaCommand(port)).redirectErrorStream(true)
			.redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-portal.log").toFile())
			.start();
		try {
			await(Duration.ofMinutes(8), () -> status(port, "/actuator/health/readiness") == 200,
					"the first portal becomes ready");
		}
		finally {
			portal.destroyForcibly().waitFor();
		}
		assertThat(LeftoverPostmaster.running(dataDir)).as("SIGKILL leaves the detached server running").isTrue();
		long orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());

		try (ConfigurableApplicationContext second = start("PT5S")) {
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
				.as("the leftover server was stopped").isFalse();
			assertThat(second.getBean(JdbcClient.class).sql("select count(*) from staff_account").query(Integer.class).single())
				.as("the data of the first run is there").isPositive();
			assertThat(status(portOf(second), "/leistungen")).isEqualTo(200);
		}
	}

	@Test
	void aKilledDatabaseIsReportedAtOnceAndStartedAgain() throws Exception {
		// The watch is started by hand here: on a fast machine a timed one restarts the server before the
		// requests can see it gone.
		try (ConfigurableApplicationContext portal = start("PT1H")) {
			int port = portOf(portal);
			assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);
			long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
			ProcessHandle.of(pid).orElseThrow().destroyForcibly();
			ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());

			HttpResponse<String> page = get(port, "/leistungen/personalausweis", "de");
			HttpResponse<String> api = get(port, "/api/3/action/package_list", "en");
			HttpResponse<String> english = get(port, "/leistungen/personalausweis", "en");
			int readiness = status(port, "/actuator/health/readiness");
			int liveness = status(port, "/actuator/health/liveness");

			assertThat(page.statusCode()).as("a page that reads the database").isEqualTo(503);
			assertThat(page.body()).contains("Vorübergehend nicht erreichbar").contains("<html");
			assertThat(page.headers().firstValue("Retry-After")).isPresent();
			assertThat(english.body()).contains("Temporarily unavailable");
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
			assertThat(api.body()).contains("\"success\":false").contains("\"__type\":\"Service Unavailable\"");
			assertThat(readiness).as("not ready while the database is gone").isEqualTo(503);
			assertThat(liveness).as("alive: a restart of the portal would not help").isEqualTo(200);

			EmbeddedDatabaseServer server = portal.getBean(EmbeddedDatabaseServer.class);
			await(Duration.ofMinutes(2), () -> {
				server.restartIfDead();
				return status(port, "/actuator/health/readiness") == 200;
			},
					"the embedded server is started again and the portal is ready");
			assertThat(status(port, "/api/3/action/package_list")).isEqualTo(200);
		}
	}

	private ConfigurableApplicationContext start(String watchInterval) {
		return new SpringApplicationBuilder(PortalApplication.class).run("--spring.datasource.url=",
				"--portal.embedded-postgres.data-dir=" + dataDir, "--server.port=0",
				"--portal.embedded-postgres.watch-interval=" + watchInterval, "--logging.structured.format.console=",
				"--portal.mail.embedded-port=0");
	}

	private List<String> javaCommand(int port) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(PortalApplication.class.getName());
		command.add("--spring.datasource.url=");
		command.add("--portal.embedded-postgres.data-dir=" + dataDir);
		command.add("--server.port=" + port);
		command.add("--logging.structured.format.console=");
		command.add("--portal.mail.embedded-port=0");
		command.add("--portal.search.index-dir=" + dataDir.resolveSibling(dataDir.getFileName() + "-search"));
		command.add("--portal.files.dir=" + dataDir.resolveSibling(dataDir.getFileName() + "-files"));
		return command;
	}

	private static int portOf(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private int status(int port, String path) {
		try {
			return get(port, path, "de").statusCode();
		}
		catch (Exception e) {
			return -1;
		}
	}

	private HttpResponse<String> get(int port, String path, String language) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", "portal_lang=" + language)
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void await(Duration limit, java.util.function.BooleanSupplier condition, String what)
			throws InterruptedException {
		Instant end = Instant.now().plus(limit);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(end)) {
				throw new AssertionError("not within " + limit + ": " + what);
			}
			Thread.sleep(500);
		}
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
