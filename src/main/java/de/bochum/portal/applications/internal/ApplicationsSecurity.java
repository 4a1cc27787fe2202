package de.bochum.portal.applications.internal;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import de.bochum.portal.platform.HttpSecurityContribution;

import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Two forms start a visit without a session: "start the application" and "show the status". A CSRF
 * token would need a session, and reading a public page must not set a cookie. These two POSTs are
 * therefore checked by the browser's Fetch Metadata ({@code Sec-Fetch-Site}, sent by every current
 * browser) and, where present, the Origin header; every later step carries the session's CSRF token
 * as usual. (The Origin alone would not do: with the portal's {@code Referrer-Policy: no-referrer}
 * browsers send {@code Origin: null}.)
 */
@Component
class ApplicationsSecurity implements HttpSecurityContribution {

	@Override
	public void contribute(HttpSecurity http) throws Exception {
		http.csrf(csrf -> csrf.ignoringRequestMatchers("/antrag/*/start", "/antrag/status"));
	}

	/** Refuses a POST another site made the browser send; one without these headers (old clients, tests) passes. */
	static void requireSameOrigin(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null && !site.equals("same-origin") && !site.equals("none")) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		String origin = request.getHeader("Origin");
		if (origin == null || origin.equals("null")) {
			return;
		}
		try {
			URI uri = URI.create(origin);
			int port = uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
			if (!request.getServerName().equalsIgnoreCase(uri.getHost()) || request.getServerPort() != port) {
				throw new ResponseStatusException(HttpStatus.FORBIDDEN);
			}
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}
}
