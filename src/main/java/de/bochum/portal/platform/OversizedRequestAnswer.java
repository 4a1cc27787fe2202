package de.bochum.portal.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.unit.DataSize;

/**
 * A module's own answer to a request whose body is above the server-wide limit
 * ({@code spring.servlet.multipart.max-request-size}), for the paths it owns, such as an API with
 * its own error format. The platform refuses such a request before anything reads the body; where
 * no module answers, the person gets the portal's 413 page naming the limit.
 */
public interface OversizedRequestAnswer {

	/** Whether this answer is for the request, e.g. by its path. */
	boolean answers(HttpServletRequest request);

	/** Writes the refusal; the body is not read and must not be. */
	void refuse(HttpServletRequest request, HttpServletResponse response, DataSize limit) throws IOException;
}
