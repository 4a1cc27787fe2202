package de.bochum.portal.opendata.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description a client developer reads is served by the portal, is valid OpenAPI, names
 * exactly the actions the portal answers, and its read actions work as described.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDescriptionTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Values for required parameters without an example: ids of the demo catalogue. */
	private static final Map<String, String> DEMO_IDS = Map.of("package_show", "spielplaetze", "organization_show",
			"stadt-bochum", "group_show", "educ", "help_show", "package_search", "package_autocomplete", "Spiel");

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();
	private String served;
	private OpenAPI description;

	@BeforeEach
	void read() throws Exception {
		HttpResponse<String> response = get("/api/openapi.yaml");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		served = response.body();
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		options.setResolveFully(true);
		SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served, null, options);
		assertThat(parsed.getMessages()).as("OpenAPI parser messages").isEmpty();
		description = parsed.getOpenAPI();
	}

	@Test
	void namesExactlyTheActionsThePortalAnswers() {
		TreeSet<String> documented = new TreeSet<>(description.getPaths().keySet().stream().map(p -> p.substring(1)).toList());
		assertThat(documented).isEqualTo(new TreeSet<>(CkanHelp.actions()));
		assertThat(description.getServers()).extracting(s -> s.getUrl()).containsExactly("/api/3/action", "/api/action");
	}

	@Test
	void everyReadActionAnswersAsDescribed() throws Exception {
		List<String> called = new ArrayList<>();
		for (var path : description.getPaths().entrySet()) {
			Operation get = path.getValue().getGet();
			if (get == null) {
				continue;
			}
			String action = path.getKey().substring(1);
			if (action.startsWith("datastore_")) {
				// Table data: covered by the datastore tests, which load a table first.
				continue;
			}
			StringBuilder query = new StringBuilder();
			for (Parameter parameter : get.getParameters() == null ? List.<Parameter>of() : get.getParameters()) {
				Object value = parameter.getExample() != null ? parameter.getExample()
						: Boolean.TRUE.equals(parameter.getRequired()) ? DEMO_IDS.get(action) : null;
				if (value == null && Boolean.TRUE.equals(parameter.getRequired()) && action.equals("resource_show")) {
					value = firstResourceId();
				}
				if (value == null) {
					assertThat(parameter.getRequired()).as(action + " needs an example for " + parameter.getName()).isNotEqualTo(true);
					continue;
				}
				query.append(query.isEmpty() ? "?" : "&").append(parameter.getName()).append('=')
					.append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
			}
			HttpResponse<String> response = get("/api/3/action/" + action + query);
			assertThat(response.statusCode()).as(action + query + ": " + response.body()).isEqualTo(200);
			JsonNode body = JSON.readTree(response.body());
			assertThat(body.get("success").asBoolean()).isTrue();
			assertThat(body.has("result")).isTrue();
			called.add(action);
		}
		assertThat(called).contains("package_search", "package_show", "resource_show", "organization_show", "license_list");
	}

	@Test
	void documentsCkansErrorEnvelope() {
		var envelope = description.getComponents().getSchemas().get("Envelope");
		assertThat(envelope.getRequired()).containsExactly("help", "success");
		assertThat(served).contains("Validation Error", "Authorization Error", "Not Found Error");
	}

	private String firstResourceId() throws Exception {
		JsonNode shown = JSON.readTree(get("/api/3/action/package_show?id=spielplaetze").body());
		return shown.get("result").get("resources").get(0).get("id").asString();
	}

	private HttpResponse<String> get(String pathAndQuery) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
