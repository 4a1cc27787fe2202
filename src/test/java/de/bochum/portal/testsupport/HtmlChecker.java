package de.bochum.portal.testsupport;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nu.validator.client.EmbeddedValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Nu HTML Checker (the W3C's validator), run in-process. */
public final class HtmlChecker {

	private HtmlChecker() {
	}

	/** The checker's errors for {@code html}, each as "line:column message"; empty when valid. */
	public static List<String> errors(String html) {
		try {
			EmbeddedValidator validator = new EmbeddedValidator();
			validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
			String json = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
			JsonNode messages = JsonMapper.builder().build().readTree(json).path("messages");
			List<String> errors = new ArrayList<>();
			for (JsonNode message : messages) {
				String type = message.path("type").asString();
				if ("error".equals(type) || "non-document-error".equals(type)
						|| "fatal".equals(message.path("subType").asString())) {
					errors.add(message.path("lastLine").asInt() + ":" + message.path("firstColumn").asInt() + " "
							+ message.path("message").asString());
				}
			}
			return errors;
		}
		catch (Exception e) {
			throw new AssertionError("the HTML checker failed", e);
		}
	}
}
