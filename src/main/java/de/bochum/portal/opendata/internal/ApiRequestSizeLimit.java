package de.bochum.portal.opendata.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A request to the API above the server-wide upload limit gets CKAN's answer for a file that is too
 * large (409 Validation Error on {@code upload}, as for a file above the publishing limit) instead of
 * Tomcat's bare 413 page, before anything reads the body. Ordered before the platform's own limit.
 */
@Configuration(proxyBeanMethods = false)
class ApiRequestSizeLimit {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> ckanRequestSizeLimit(
			@Value("${spring.servlet.multipart.max-request-size:100MB}") DataSize limit, ObjectMapper json) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (request.getContentLengthLong() <= limit.toBytes()) {
					chain.doFilter(request, response);
					return;
				}
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
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}
}
