package de.bochum.portal.identity.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import de.bochum.portal.identity.Role;
import de.bochum.portal.platform.HttpSecurityContribution;
import de.bochum.portal.platform.StaffLink;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Passkeys for staff: a signed-in staff member registers one at {@code /intern/passkeys} and from
 * then on signs in with it alone. The portal asks the device to verify the person (PIN, fingerprint),
 * so a passkey counts as both factors and the TOTP code is not asked for.
 *
 * <p>The relying party is the host of {@code portal.base-url}: passkeys are bound to that name, so
 * an installation must keep its host name (or register passkeys again after a move).
 */
@Configuration(proxyBeanMethods = false)
class Passkeys {

	static final String PAGE = "/intern/passkeys";

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
		return new JdbcUserCredentialRepository(jdbc);
	}

	@Bean
	Webauthn4JRelyingPartyOperations passkeyRelyingParty(PublicKeyCredentialUserEntityRepository users,
			UserCredentialRepository credentials, @Value("${portal.base-url:http://localhost:8080}") String baseUrl) {
		return relyingParty(users, credentials, URI.create(baseUrl));
	}

	/**
	 * The portal as relying party, on the given stores: staff and citizens each get one, with the
	 * same name and origin, so that neither finds the other's passkeys. Passkeys must be resident
	 * (the sign-in asks no name) and the device must verify the person.
	 */
	static Webauthn4JRelyingPartyOperations relyingParty(PublicKeyCredentialUserEntityRepository users,
			UserCredentialRepository credentials, URI base) {
		String origin = base.getScheme() + "://" + base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
		Webauthn4JRelyingPartyOperations operations = new Webauthn4JRelyingPartyOperations(users, credentials,
				PublicKeyCredentialRpEntity.builder().id(base.getHost()).name("Bochumportal").build(), Set.of(origin));
		operations.setCustomizeCreationOptions(options -> options.authenticatorSelection(AuthenticatorSelectionCriteria
			.builder()
			.residentKey(ResidentKeyRequirement.REQUIRED)
			.userVerification(UserVerificationRequirement.REQUIRED)
			.build()));
		operations.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
		return operations;
	}

	@Bean
	static StaffLink passkeysLink() {
		return new StaffLink("passkeys.link", PAGE,
				java.util.Arrays.stream(Role.values()).map(Role::name).collect(java.util.stream.Collectors.toSet()), 950);
	}

	@Bean
	HttpSecurityContribution passkeyLogin(StaffAccounts accounts, JsonMapper json) {
		return http -> http.webAuthn(webAuthn -> webAuthn.disableDefaultRegistrationPage(true)
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
				@Override
				public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationSuccessHandler(signedIn(accounts, json));
					return filter;
				}
			}));
	}

	/**
	 * The browser's script asked with JSON, so it gets where to go as JSON: the page first asked
	 * for, the password page if a one-time password is still to be replaced, else the dashboard.
	 */
	private static AuthenticationSuccessHandler signedIn(StaffAccounts accounts, JsonMapper json) {
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		return (HttpServletRequest request, HttpServletResponse response, org.springframework.security.core.Authentication authentication) -> {
			String target = "/intern";
			if (IdentitySecurity.establish(request, response, authentication, accounts)) {
				target = IdentitySecurity.CHANGE_PASSWORD;
			}
			else {
				SavedRequest saved = requestCache.getRequest(request, response);
				if (saved != null) {
					target = saved.getRedirectUrl();
					requestCache.removeRequest(request, response);
				}
			}
			accounts.recordSignIn(authentication.getName());
			response.setStatus(HttpServletResponse.SC_OK);
			response.setContentType("application/json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			json.writeValue(response.getWriter(), java.util.Map.of("redirectUrl", target, "authenticated", true));
		};
	}

	static List<PasskeyEntry> entries(String username, PublicKeyCredentialUserEntityRepository users,
			UserCredentialRepository credentials) {
		var user = users.findByUsername(username);
		if (user == null) {
			return List.of();
		}
		return credentials.findByUserId(user.getId())
			.stream()
			.map(c -> new PasskeyEntry(c.getCredentialId().toBase64UrlString(), c.getLabel(), c.getCreated(), c.getLastUsed()))
			.toList();
	}
}
