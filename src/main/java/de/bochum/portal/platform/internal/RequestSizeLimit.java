package de.bochum.portal.platform.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.bochum.portal.platform.OversizedRequestAnswer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Refuses a request body above the server-wide upload limit before anything reads it. Left to
 * Tomcat, the first filter that asks for a parameter makes Tomcat answer with its own bare English
 * 413 page; here the person gets the portal's page saying how large a file may be. A module with
 * another format (the CKAN API) answers for its paths with an {@link OversizedRequestAnswer}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestSizeLimit extends OncePerRequestFilter {

	static final String LIMIT_ATTRIBUTE = "portal.requestSizeLimit";

	private final DataSize limit;
	private final List<OversizedRequestAnswer> answers;

	RequestSizeLimit(@Value("${spring.servlet.multipart.max-request-size:100MB}") DataSize limit,
			List<OversizedRequestAnswer> answers) {
		this.limit = limit;
		this.answers = List.copyOf(answers);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > limit.toBytes()) {
			for (OversizedRequestAnswer answer : answers) {
				if (answer.answers(request)) {
					answer.refuse(request, response, limit);
					return;
				}
			}
			request.setAttribute(LIMIT_ATTRIBUTE, megabytes(limit));
			// Tells the DispatcherServlet of the error page not to parse the too large body again.
			request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new MaxUploadSizeExceededException(limit.toBytes()));
			response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		chain.doFilter(request, response);
	}

	/** "100 MB" as people read it. */
	static String megabytes(DataSize size) {
		return size.toMegabytes() + " MB";
	}
}
