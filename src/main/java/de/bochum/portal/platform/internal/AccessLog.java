package de.bochum.portal.platform.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request for operators: method, path, status and duration, and the client's
 * network rather than its address (IPv4 to /24, IPv6 to /48), enough to see an attack from one
 * network and not enough to name a person. The query string is left out: it may hold search words,
 * reference numbers or codes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "portal.access-log.enabled", havingValue = "true", matchIfMissing = true)
class AccessLog extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger("portal.access");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (log.isInfoEnabled()) {
				log.info("{} {} {} {}ms {}", request.getMethod(), request.getRequestURI(), response.getStatus(),
						(System.nanoTime() - start) / 1_000_000, network(request.getRemoteAddr()));
			}
		}
	}

	/** The network an address belongs to: 192.0.2.17 → 192.0.2.0/24, 2001:db8:1:2::5 → 2001:db8:1::/48. */
	static String network(String address) {
		if (address == null || address.isBlank()) {
			return "-";
		}
		try {
			// Only literal addresses come from the container; never resolve names here.
			if (!address.matches("[0-9a-fA-F:.%]+")) {
				return "-";
			}
			byte[] bytes = InetAddress.getByName(address).getAddress();
			int keep = bytes.length == 4 ? 3 : 6;
			for (int i = keep; i < bytes.length; i++) {
				bytes[i] = 0;
			}
			String masked = InetAddress.getByAddress(bytes).getHostAddress();
			return bytes.length == 4 ? masked + "/24" : compress(masked) + "/48";
		}
		catch (UnknownHostException e) {
			return "-";
		}
	}

	/** Java writes IPv6 in full (2001:db8:1:0:0:0:0:0); people and log tools expect 2001:db8:1::. */
	private static String compress(String full) {
		String compressed = full.replaceFirst("(^|:)(0(:|$)){2,}", "::");
		return compressed.replaceFirst(":::", "::");
	}
}
