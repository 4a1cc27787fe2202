package de.bochum.portal.platform.internal;

import java.util.List;

import jakarta.servlet.DispatcherType;

import de.bochum.portal.platform.HttpSecurityContribution;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The portal's security baseline: strict headers on every response, CSRF on every form, an
 * admin-only actuator, and whatever the modules contribute (login, staff areas).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** The policy, with the map tile server's origin among the image sources where one is configured. */
	private final String contentSecurityPolicy;

	SecurityConfiguration(@org.springframework.beans.factory.annotation.Value("${portal.opendata.map.tile-url:}") String tileUrl) {
		this.contentSecurityPolicy = withImageOrigin(CONTENT_SECURITY_POLICY, tileUrl);
	}

	/**
	 * Adds the origin of a tile URL template ({@code https://{s}.tiles.example/{z}/{x}/{y}.png}) to
	 * {@code img-src}: maps are off by default, and only the operator's own choice of tile server
	 * may be asked for images.
	 */
	static String withImageOrigin(String policy, String tileUrl) {
		if (tileUrl == null || tileUrl.isBlank()) {
			return policy;
		}
		java.util.regex.Matcher origin = java.util.regex.Pattern.compile("^(https?://)([^/]+)").matcher(tileUrl.strip());
		if (!origin.find()) {
			throw new IllegalStateException("portal.opendata.map.tile-url must start with http:// or https://");
		}
		String host = origin.group(2).replace("{s}", "*");
		if (!host.matches("[*A-Za-z0-9.-]+(:[0-9]+)?") || host.indexOf('*') > 0) {
			throw new IllegalStateException("portal.opendata.map.tile-url has no usable host: " + tileUrl);
		}
		return policy.replace("img-src 'self' data:", "img-src 'self' data: " + origin.group(1) + host);
	}

	/**
	 * No inline script or style anywhere, nothing from other hosts. {@code data:} images are
	 * needed by KERN's icons, which are SVG data URLs in its style sheet.
	 */
	static final String CONTENT_SECURITY_POLICY = String.join("; ",
			"default-src 'self'",
			"script-src 'self'",
			"style-src 'self'",
			"img-src 'self' data:",
			"font-src 'self'",
			"connect-src 'self'",
			"object-src 'none'",
			"base-uri 'none'",
			"form-action 'self'",
			"frame-ancestors 'none'");

	static final String PERMISSIONS_POLICY = String.join(", ",
			"accelerometer=()", "camera=()", "geolocation=()", "gyroscope=()", "magnetometer=()",
			"microphone=()", "payment=()", "usb=()", "interest-cohort=()", "browsing-topics=()");

	/** Actuator: health for load balancers, everything else for admins over HTTP Basic. */
	@Bean
	@Order(1)
	SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(EndpointRequest.to("health")).permitAll()
				.anyRequest().hasRole("ADMIN"))
			.httpBasic(Customizer.withDefaults())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(c -> c.disable());
		headers(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageChain(HttpSecurity http, List<HttpSecurityContribution> contributions)
			throws Exception {
		headers(http);
		http.authorizeHttpRequests(auth -> auth
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
			.requestMatchers("/error", "/css/**", "/kern/**", "/js/**", "/favicon.ico").permitAll());
		for (HttpSecurityContribution contribution : contributions) {
			contribution.contribute(http);
		}
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/intern/**").authenticated()
			.anyRequest().permitAll());
		return http.build();
	}

	private void headers(HttpSecurity http) throws Exception {
		http.headers(headers -> headers
			.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
			// Sent on plain http too: behind a TLS-terminating proxy the app may not see https.
			.httpStrictTransportSecurity(hsts -> hsts
				.requestMatcher(AnyRequestMatcher.INSTANCE)
				.includeSubDomains(true)
				.maxAgeInSeconds(31536000))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.addHeaderWriter(permissionsPolicy())
			.frameOptions(frame -> frame.deny())
			.contentTypeOptions(Customizer.withDefaults()));
	}

	private static HeaderWriter permissionsPolicy() {
		return (request, response) -> response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
	}
}
