package de.bochum.portal.opendata.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.ObjectMapper;

import de.bochum.portal.platform.OversizedRequestAnswer;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A request to the API above the server-wide upload limit gets CKAN's answer for a file that is too
 * large (409 Validation Error on {@code upload}, as for a file above the publishing limit) instead of
 * the portal's 413 page meant for people; the platform refuses it before anything reads the body.
 */
@Component
class ApiRequestSizeLimit implements OversizedRequestAnswer {

	private final ObjectMapper json;

	ApiRequestSizeLimit(ObjectMapper json) {
		this.json = json;
	}

	@Override
	public boolean answers(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/api") || path.startsWith("/api/");
	}

	@Override
	public void refuse(HttpServletRequest request, HttpServletResponse response, DataSize limit) throws IOException {
		String action = request.getRequestURI().replaceFirst(".*/", "");
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("upload", List.of("The file is too large: at most " + limit.toMegabytes() + " MB is allowed"));
		error.put("__type", "Validation Error");
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("help", ServletUriComponentsBuilder.fromContextPath(request)
			.path("/api/3/action/help_show")
			.queryParam("name", action.replaceAll("[^a-z_]", ""))
			.toUriString());
		envelope.put("success", false);
		envelope.put("error", error);
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		json.writeValue(response.getOutputStream(), envelope);
	}
}
