package de.bochum.idp;

import java.util.Map;

import de.bochum.portal.testsupport.TestDatabase;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server on a free port, standing
 * in for the city's Keycloak. It knows two people; only one of them has a staff account.
 *
 * <p>It lives outside {@code de.bochum.portal} so that the portal's component scan never picks up
 * its beans (its user store would compete with the staff accounts).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestIdentityProvider {

	public static final String CLIENT_ID = "bochumportal";
	public static final String CLIENT_SECRET = "test-client-secret";
	public static final String PASSWORD = "idp-Passwort-2026";

	@Bean
	UserDetailsService people() {
		return new InMemoryUserDetailsManager(
				User.withUsername("erika.verwaltung").password("{noop}" + PASSWORD).roles("USER").build(),
				User.withUsername("fremde.person").password("{noop}" + PASSWORD).roles("USER").build(),
				User.withUsername("buerger.beispiel").password("{noop}" + PASSWORD).roles("USER").build(),
				User.withUsername("buerger.tastatur").password("{noop}" + PASSWORD).roles("USER").build(),
				User.withUsername("unbestaetigt.beispiel").password("{noop}" + PASSWORD).roles("USER").build());
	}

	/**
	 * Like a state account, the ID token names the person's address and whether the provider
	 * confirmed it; people whose name starts with "unbestaetigt" have not confirmed theirs.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> emailClaims() {
		return context -> {
			if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
				String name = context.getPrincipal().getName();
				context.getClaims().claim("email", name + "@example.org");
				context.getClaims().claim("email_verified", !name.startsWith("unbestaetigt"));
			}
		};
	}

	/** Starts the provider; the portal must answer at {@code portalBaseUrl} for the redirect back. */
	public static ConfigurableApplicationContext start(String portalBaseUrl) {
		Map<String, Object> properties = Map.ofEntries(
				Map.entry("server.port", "0"),
				Map.entry("spring.application.name", "test-identity-provider"),
				Map.entry("spring.datasource.url", TestDatabase.jdbcUrl()),
				Map.entry("spring.datasource.username", "postgres"),
				Map.entry("spring.jpa.hibernate.ddl-auto", "none"),
				Map.entry("spring.jpa.properties.hibernate.search.enabled", "false"),
				Map.entry("spring.main.banner-mode", "off"),
				Map.entry("portal.cookie-secure", "false"),
				Map.entry("logging.structured.format.console", ""),
				Map.entry("spring.security.oauth2.authorizationserver.client.portal.registration.client-id", CLIENT_ID),
				Map.entry("spring.security.oauth2.authorizationserver.client.portal.registration.client-secret",
						"{noop}" + CLIENT_SECRET),
				Map.entry("spring.security.oauth2.authorizationserver.client.portal.registration.client-authentication-methods",
						"client_secret_basic"),
				Map.entry("spring.security.oauth2.authorizationserver.client.portal.registration.authorization-grant-types",
						"authorization_code"),
				Map.entry("spring.security.oauth2.authorizationserver.client.portal.registration.redirect-uris",
						portalBaseUrl + "/login/oauth2/code/stadt," + portalBaseUrl + "/login/oauth2/code/bund"),
				Map.entry("spring.security.oauth2.authorizationserver.client.portal.registration.scopes", "openid,profile"),
				Map.entry("spring.security.oauth2.authorizationserver.client.portal.require-authorization-consent", "false"));
		// as arguments: they must win over the portal's application.properties on the same class path
		String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		return new SpringApplicationBuilder(TestIdentityProvider.class).run(arguments);
	}

	public static int port(ConfigurableApplicationContext provider) {
		return ((WebServerApplicationContext) provider).getWebServer().getPort();
	}
}
