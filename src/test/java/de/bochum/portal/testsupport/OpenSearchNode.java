package de.bochum.portal.testsupport;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real single-node OpenSearch 2.19 in a JVM of its own, one per test JVM. Its jars and the small
 * launcher {@code de.bochum.portal.searchnode.OpenSearchTestNode} are built by the side build
 * {@code src/test/opensearch/pom.xml} into {@code target/opensearch-lib} (the portal's pom runs it in
 * generate-test-resources); they cannot join the portal's classpath, OpenSearch brings Lucene 9.
 * Absent, a test is skipped, or fails under {@code CI=true}, where the build must have produced them.
 */
public final class OpenSearchNode {

	private static final Path LIB = Path.of("target", "opensearch-lib");
	private static final String LAUNCHER = "de.bochum.portal.searchnode.OpenSearchTestNode";

	private static String hostAndPort;

	private OpenSearchNode() {
	}

	/** {@code 127.0.0.1:port} of the running node; starts it on first use. */
	public static synchronized String hostAndPort() {
		if (hostAndPort == null) {
			requireLibraries();
			hostAndPort = start();
		}
		return hostAndPort;
	}

	private static void requireLibraries() {
		if (Files.isRegularFile(LIB.resolve("opensearch-test-node.jar"))) {
			return;
		}
		String message = "OpenSearch test node not built: " + LIB.toAbsolutePath()
				+ " has no opensearch-test-node.jar; run ./mvnw generate-test-resources (needs the OpenSearch "
				+ "jars from Maven Central once)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			fail(message);
		}
		Assumptions.abort(message);
	}

	private static String start() {
		try {
			Path home = Files.createTempDirectory("portal-test-opensearch");
			int http = freePort();
			int transport = freePort();
			List<String> command = new ArrayList<>(List.of(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xms256m", "-Xmx512m", "-XX:+UseSerialGC",
					"-cp", LIB.toAbsolutePath() + File.separator + "*",
					LAUNCHER, home.toString(), String.valueOf(http), String.valueOf(transport)));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectInput(ProcessBuilder.Redirect.PIPE)
				.start();
			// The node stops when its standard input closes, i.e. at the latest when this JVM exits.
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
			awaitReady(process);
			return "127.0.0.1:" + http;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void awaitReady(Process process) {
		StringBuffer output = new StringBuffer();
		CompletableFuture<Boolean> ready = new CompletableFuture<>();
		// Reads the node's output to its end, or a chatty node would block on a full pipe.
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.equals("OPENSEARCH-READY")) {
						ready.complete(true);
					}
					else if (!ready.isDone()) {
						output.append(line).append('\n');
					}
				}
			}
			catch (IOException ignored) {
				// the node is gone
			}
			ready.complete(false);
		}, "opensearch-test-node-output");
		reader.setDaemon(true);
		reader.start();
		try {
			if (!ready.get(3, TimeUnit.MINUTES)) {
				fail("OpenSearch test node exited with " + process.waitFor() + ":\n" + output);
			}
		}
		catch (TimeoutException e) {
			process.destroy();
			fail("OpenSearch test node did not start within 3 minutes:\n" + output);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException(e.getCause());
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
