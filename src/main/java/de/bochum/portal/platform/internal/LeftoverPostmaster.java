package de.bochum.portal.platform.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server that still runs on the portal's data directory although no portal holds it:
 * what a portal killed with SIGKILL leaves behind, since {@code pg_ctl} detaches the server from the
 * JVM. Its {@code postmaster.pid} would make the next start fail ("lock file already exists").
 *
 * <p>Only a server whose pid file names this very directory, whose process is a {@code postgres},
 * and whose directory no living portal has locked is ever stopped; a server of another directory,
 * or one a running portal still uses, is left alone.
 */
final class LeftoverPostmaster {

	private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

	/** The lock file zonky's EmbeddedPostgres holds for as long as a portal uses the directory. */
	private static final String PORTAL_LOCK = "epg-lock";

	private LeftoverPostmaster() {
	}

	/** Whether a postgres process runs on {@code dataDir}, by its pid file. */
	static boolean running(Path dataDir) {
		return postmaster(dataDir).isPresent();
	}

	/**
	 * Stops a leftover server of {@code dataDir} with a smart shutdown (its clients died with the old
	 * portal, so it ends at once) and waits for it to exit.
	 *
	 * @throws IllegalStateException when another living portal uses the directory, or the server does not
	 *         stop within {@code timeout}
	 */
	static void stopIfOwnedBy(Path dataDir, Duration timeout) {
		Optional<ProcessHandle> leftover = postmaster(dataDir);
		if (leftover.isEmpty()) {
			return;
		}
		if (lockedByLivingPortal(dataDir)) {
			throw new IllegalStateException("Das Datenverzeichnis " + dataDir
					+ " wird von einem laufenden Bochumportal benutzt; ein zweites kann es nicht gleichzeitig benutzen");
		}
		ProcessHandle process = leftover.get();
		log.warn("Ein zurückgebliebenes PostgreSQL (PID {}) auf {} wird beendet, bevor das Portal startet", process.pid(),
				dataDir);
		// SIGTERM is PostgreSQL's smart shutdown: a clean checkpoint, nothing lost.
		process.destroy();
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			throw new IllegalStateException("Das zurückgebliebene PostgreSQL (PID " + process.pid() + ") auf " + dataDir
					+ " hat sich nicht in " + timeout.toSeconds() + " s beendet; bitte von Hand beenden");
		}
		catch (ExecutionException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static Optional<ProcessHandle> postmaster(Path dataDir) {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(pidFile);
		}
		catch (IOException e) {
			return Optional.empty();
		}
		if (lines.size() < 2 || !sameDirectory(Path.of(lines.get(1).trim()), dataDir)) {
			return Optional.empty();
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
		// A stale pid file whose number now belongs to another program is no server of ours.
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false));
	}

	private static boolean sameDirectory(Path named, Path dataDir) {
		try {
			return Files.isSameFile(named, dataDir);
		}
		catch (IOException e) {
			return false;
		}
	}

	private static boolean lockedByLivingPortal(Path dataDir) {
		Path lockFile = dataDir.resolve(PORTAL_LOCK);
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw")) {
			FileLock lock = file.getChannel().tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException e) {
			// held by this very JVM: a portal in this process still uses it
			return true;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
