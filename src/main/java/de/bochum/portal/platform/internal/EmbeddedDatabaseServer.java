package de.bochum.portal.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of the default installation, kept alive for as long as the portal runs.
 *
 * <p>It holds real data (bookings, applications), so it runs durably: zonky's test defaults
 * ({@code fsync} and {@code synchronous_commit} off) are switched on again. A server left behind by a
 * portal that was killed is stopped before the new one starts, and a server that dies while the portal
 * runs is started again on the same port, so the connection pool finds it where it was.
 */
final class EmbeddedDatabaseServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);

	private final Path dataDir;
	private final int requestedPort;
	private volatile EmbeddedPostgres server;
	private volatile boolean closed;

	EmbeddedDatabaseServer(Path dataDir, int requestedPort) {
		this.dataDir = dataDir.toAbsolutePath().normalize();
		this.requestedPort = requestedPort;
	}

	synchronized EmbeddedDatabaseServer start() {
		try {
			Files.createDirectories(dataDir);
			LeftoverPostmaster.stopIfOwnedBy(dataDir, Duration.ofSeconds(60));
			server = build(requestedPort).start();
			log.info("Eingebettetes PostgreSQL gestartet (Port {}, Daten in {})", server.getPort(), dataDir);
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Das eingebettete PostgreSQL in " + dataDir + " startet nicht", e);
		}
	}

	EmbeddedPostgres current() {
		return server;
	}

	int port() {
		return server.getPort();
	}

	/**
	 * Starts the server again on its port when its postmaster is gone (killed, crashed). Returns
	 * whether it had to. A failed attempt is logged and tried again at the next check: the old
	 * server's backends may still hold its shared memory for a moment.
	 */
	synchronized boolean restartIfDead() {
		if (closed || server == null || LeftoverPostmaster.running(dataDir)) {
			return false;
		}
		int port = server.getPort();
		log.warn("Das eingebettete PostgreSQL (Port {}) läuft nicht mehr; es wird neu gestartet", port);
		try {
			// zonky's own stop would run pg_ctl against a dead server; only its lock file is released.
			server.close();
		}
		catch (IOException | RuntimeException ignored) {
			// the server is gone; what is left to release is released as far as it goes
		}
		try {
			LeftoverPostmaster.stopIfOwnedBy(dataDir, Duration.ofSeconds(30));
			server = build(port).start();
			log.info("Eingebettetes PostgreSQL wieder gestartet (Port {})", port);
			return true;
		}
		catch (IOException | RuntimeException e) {
			log.warn("Neustart des eingebetteten PostgreSQL fehlgeschlagen, nächster Versuch folgt: {}", e.getMessage());
			return false;
		}
	}

	private EmbeddedPostgres.Builder build(int port) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			// The application context closes the server; a JVM hook would race with it.
			.setRegisterShutdownHook(false)
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			// A confirmed booking must survive a power loss: zonky starts with -F (fsync off) and
			// synchronous_commit off for tests; the later -c options win.
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on");
		if (port > 0) {
			builder.setPort(port);
		}
		return builder;
	}

	@Override
	public synchronized void close() throws IOException {
		closed = true;
		if (server != null) {
			server.close();
		}
	}
}
