package de.bochum.portal.identity.internal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bochum.portal.identity.Role;
import de.bochum.idp.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff sign in through a real OpenID Connect provider started in the test: the whole redirect
 * dance over HTTP, and the portal's own account deciding who gets in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class OidcLoginTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
	private static final int PORTAL_PORT = freePort();
	private static final String PORTAL = "http://localhost:" + PORTAL_PORT;
	private static ConfigurableApplicationContext provider;

	@Autowired
	StaffAccounts accounts;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		provider = startProvider(registry, PORTAL_PORT);
	}

	/**
	 * Starts the test provider and configures the portal (on the given port) for it: once as the
	 * city's staff provider "stadt", once as the citizens' BundID "bund".
	 */
	static ConfigurableApplicationContext startProvider(DynamicPropertyRegistry registry, int portalPort) {
		ConfigurableApplicationContext provider = TestIdentityProvider.start("http://localhost:" + portalPort);
		String issuer = "http://127.0.0.1:" + TestIdentityProvider.port(provider);
		registry.add("server.port", () -> portalPort);
		// plain http on localhost in this test, so that the JDK's cookie handling can be the browser
		registry.add("portal.cookie-secure", () -> "false");
		registry.add("spring.security.oauth2.client.registration.stadt.client-id", () -> TestIdentityProvider.CLIENT_ID);
		registry.add("spring.security.oauth2.client.registration.stadt.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
		registry.add("spring.security.oauth2.client.registration.stadt.client-name", () -> "Konto der Stadtverwaltung");
		registry.add("spring.security.oauth2.client.registration.stadt.scope", () -> "openid,profile");
		registry.add("spring.security.oauth2.client.registration.stadt.authorization-grant-type", () -> "authorization_code");
		registry.add("spring.security.oauth2.client.registration.stadt.redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
		registry.add("spring.security.oauth2.client.provider.stadt.issuer-uri", () -> issuer);
		registry.add("spring.security.oauth2.client.provider.stadt.user-name-attribute", () -> "sub");
		registry.add("portal.identity.oidc.username-claim", () -> "sub");
		// the same provider once more, as citizens' BundID
		registry.add("spring.security.oauth2.client.registration.bund.client-id", () -> TestIdentityProvider.CLIENT_ID);
		registry.add("spring.security.oauth2.client.registration.bund.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
		registry.add("spring.security.oauth2.client.registration.bund.client-name", () -> "BundID");
		registry.add("spring.security.oauth2.client.registration.bund.scope", () -> "openid");
		registry.add("spring.security.oauth2.client.registration.bund.authorization-grant-type", () -> "authorization_code");
		registry.add("spring.security.oauth2.client.registration.bund.redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
		registry.add("spring.security.oauth2.client.registration.bund.provider", () -> "stadt");
		registry.add("portal.identity.oidc.citizen-registrations", () -> "bund");
		return provider;
	}

	@AfterAll
	static void stopProvider() {
		if (provider != null) {
			provider.close();
		}
	}

	@Test
	void aStaffMemberSignsInThroughTheCitysIdentityProvider() throws Exception {
		accounts.create("erika.verwaltung", "Erika aus der Verwaltung", "Lokales-Passwort-1", EnumSet.of(Role.EDITOR), false);
		Browser browser = new Browser();
		assertThat(browser.get(PORTAL + "/intern/anmelden").body()).contains("Anmelden mit: Konto der Stadtverwaltung",
				"href=\"/oauth2/authorization/stadt\"");

		HttpResponse<String> landed = browser.signInAtProvider("erika.verwaltung");
		assertThat(landed.uri().toString()).isEqualTo(PORTAL + "/intern");
		assertThat(landed.body()).contains("Guten Tag, Erika aus der Verwaltung.", "Redaktion");
	}

	@Test
	void someoneTheProviderKnowsButThePortalDoesNotGetsNoAccess() throws Exception {
		Browser browser = new Browser();
		HttpResponse<String> landed = browser.signInAtProvider("fremde.person");
		assertThat(landed.uri().toString()).startsWith(PORTAL + "/intern/anmelden?oidc");
		assertThat(landed.body()).contains("kein Konto zu Ihrem Benutzernamen");
		assertThat(browser.get(PORTAL + "/intern").uri().getPath()).isEqualTo("/intern/anmelden");
	}

	@Autowired
	CitizenAccounts citizens;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aCitizenSignsInWithBundIdAndNeverReachesTheStaffArea() throws Exception {
		Browser browser = new Browser();
		assertThat(browser.get(PORTAL + "/intern/anmelden").body()).as("staff are not offered the citizens' provider")
			.doesNotContain("/oauth2/authorization/bund");
		assertThat(browser.get(PORTAL + "/konto/anmelden").body()).contains("Anmelden mit: BundID",
				"href=\"/oauth2/authorization/bund\"").doesNotContain("/oauth2/authorization/stadt");

		HttpResponse<String> landed = browser.signInAtProvider("bund", "buerger.beispiel");
		assertThat(landed.uri().toString()).isEqualTo(PORTAL + "/konto");
		assertThat(landed.body()).contains("buerger.beispiel@example.org");
		assertThat(jdbc.sql("select password_hash is null from citizen_account where email = ?")
			.param("buerger.beispiel@example.org").query(Boolean.class).single()).as("no password for such an account").isTrue();
		assertThat(browser.get(PORTAL + "/intern").uri().getPath()).as("a citizen is no staff member")
			.isEqualTo("/intern/anmelden");

		HttpResponse<String> again = new Browser().signInAtProvider("bund", "buerger.beispiel");
		assertThat(again.uri().toString()).as("the second time, the same account").isEqualTo(PORTAL + "/konto");
		assertThat(jdbc.sql("select count(*) from citizen_account where email = ?")
			.param("buerger.beispiel@example.org").query(Integer.class).single()).isEqualTo(1);

		HttpResponse<String> deletePage = browser.get(PORTAL + "/konto/loeschen");
		assertThat(deletePage.body()).as("no password to type: a tick confirms").contains("name=\"bestaetigt\"")
			.doesNotContain("name=\"passwort\"");
	}

	@Test
	void aCitizenWhoseAddressTheProviderDidNotConfirmIsToldWhy() throws Exception {
		HttpResponse<String> landed = new Browser().signInAtProvider("bund", "unbestaetigt.beispiel");
		assertThat(landed.uri().toString()).isEqualTo(PORTAL + "/konto/anmelden?anbieter=no-verified-email");
		assertThat(landed.body()).contains("keine bestätigte E-Mail-Adresse", "href=\"#anbieter\"");
		assertThat(de.bochum.portal.testsupport.HtmlChecker.errors(landed.body())).isEmpty();
		assertThat(jdbc.sql("select count(*) from citizen_account where email = ?")
			.param("unbestaetigt.beispiel@example.org").query(Integer.class).single()).isZero();
	}

	/** A browser: follows redirects across both servers and keeps each one's cookies. */
	private static final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.ALWAYS)
			.build();

		HttpResponse<String> get(String url) throws IOException, InterruptedException {
			return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		HttpResponse<String> signInAtProvider(String username) throws IOException, InterruptedException {
			return signInAtProvider("stadt", username);
		}

		HttpResponse<String> signInAtProvider(String registration, String username) throws IOException, InterruptedException {
			HttpResponse<String> loginForm = get(PORTAL + "/oauth2/authorization/" + registration);
			assertThat(loginForm.uri().getPath()).as("the provider asks who it is (%s %s)", loginForm.statusCode(), loginForm.body()).isEqualTo("/login");
			Matcher csrf = CSRF.matcher(loginForm.body());
			assertThat(csrf.find()).isTrue();
			String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
			String form = "username=" + enc(username) + "&password=" + enc(TestIdentityProvider.PASSWORD) + "&_csrf="
					+ enc(token);
			return client.send(HttpRequest.newBuilder(loginForm.uri())
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		private static String enc(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
