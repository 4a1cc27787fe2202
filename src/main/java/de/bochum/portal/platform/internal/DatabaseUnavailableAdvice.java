package de.bochum.portal.platform.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * When the database cannot be reached, people get the portal's "temporarily unavailable" page in
 * their language and API clients CKAN's JSON envelope, both with 503 and {@code Retry-After}, at
 * once (the pool waits a few seconds at most) instead of a generic error after half a minute.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

	static final String RETRY_AFTER_SECONDS = "30";

	@ExceptionHandler({ CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
			DataAccessResourceFailureException.class })
	ResponseEntity<Map<String, Object>> unavailable(Exception e, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		log.warn("Datenbank nicht erreichbar: {} ({})", request.getRequestURI(), e.getClass().getSimpleName());
		if (request.getRequestURI().startsWith("/api/")) {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("message", "The portal's database is temporarily unavailable; please try again later");
			error.put("__type", "Service Unavailable");
			Map<String, Object> envelope = new LinkedHashMap<>();
			envelope.put("success", false);
			envelope.put("error", error);
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header("Retry-After", RETRY_AFTER_SECONDS)
				.contentType(MediaType.APPLICATION_JSON)
				.body(envelope);
		}
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
		return null;
	}
}
