package de.bochum.portal.searchnode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single OpenSearch node for tests: HTTP on 127.0.0.1 and the given port, no security plugin, data
 * under the given directory, with the modules Hibernate Search needs (netty4 transport, analysis-common
 * for the German filters, reindex for {@code _delete_by_query}). The normal distribution finds them in a
 * folder; here they come from the classpath, which is what the protected {@link Node} constructor is for.
 *
 * <p>Usage: {@code java -cp target/opensearch-lib/* de.bochum.portal.searchnode.OpenSearchTestNode <home> <httpPort> <transportPort>}.
 * Prints {@code OPENSEARCH-READY} once the node answers, and stops when standard input closes, so the
 * node never outlives the test JVM that started it.
 */
public final class OpenSearchTestNode extends Node {

	private OpenSearchTestNode(Settings settings) {
		super(InternalSettingsPreparer.prepareEnvironment(settings, java.util.Map.of(), null, () -> "portal-test"),
				List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, ReindexPlugin.class), true);
	}

	public static void main(String[] args) throws Exception {
		Path home = Path.of(args[0]).toAbsolutePath();
		Files.createDirectories(home.resolve("config"));
		Settings settings = Settings.builder()
			.put("cluster.name", "portal-test")
			.put("node.name", "portal-test")
			.put("path.home", home.toString())
			.put("path.data", home.resolve("data").toString())
			.put("path.logs", home.resolve("logs").toString())
			.put("network.host", "127.0.0.1")
			.put("http.port", args[1])
			.put("transport.port", args[2])
			.put("http.type", "netty4")
			.put("transport.type", "netty4")
			.put("discovery.type", "single-node")
			// A nearly full build disk must not turn the test indexes read-only.
			.put("cluster.routing.allocation.disk.threshold_enabled", false)
			.put("action.auto_create_index", false)
			.build();
		Node node = new OpenSearchTestNode(settings).start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				node.close();
			}
			catch (Exception ignored) {
				// the JVM is going away anyway
			}
		}));
		System.out.println("OPENSEARCH-READY");
		System.out.flush();
		while (System.in.read() != -1) {
			// wait for the parent to go away
		}
		System.exit(0);
	}
}
