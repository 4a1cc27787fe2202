package de.bochum.portal.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Staff sign-in through the city's identity provider (Keycloak, Active Directory Federation
 * Services …) with OpenID Connect, when an operator configures one. The provider vouches for the
 * person (and for their second factor); the portal's own account decides the roles: someone the
 * provider knows but the portal does not gets no access.
 */
public final class StaffOidc {

	/** A configured provider, as a sign-in page offers it (staff's or citizens'). */
	public record Provider(String registrationId, String name) {
	}

	private StaffOidc() {
	}

	/**
	 * Loads the provider's user and maps them to the staff account with the same user name
	 * (the claim {@code portal.identity.oidc.username-claim}, by default {@code preferred_username}).
	 */
	static OAuth2UserService<OidcUserRequest, OidcUser> userService(StaffAccounts accounts, String usernameClaim,
			Clock clock, OidcRegistrations registrations) {
		OidcUserService provider = new OidcUserService();
		return request -> {
			OidcUser user = provider.loadUser(request);
			if (registrations.forCitizens(request.getClientRegistration().getRegistrationId())) {
				// A citizen: no staff roles, whatever the provider says; the citizen account is
				// found after this step, and the staff sign-in never sees this person.
				return new DefaultOidcUser(List.of(), user.getIdToken(), user.getUserInfo());
			}
			Object claim = user.getClaims().get(usernameClaim);
			StaffAccount account = claim == null ? null
					: accounts.find(claim.toString().toLowerCase(Locale.ROOT)).orElse(null);
			if (account == null) {
				throw new OAuth2AuthenticationException(new OAuth2Error("unknown_staff_account"));
			}
			if (account.isLockedAt(clock.instant())) {
				throw new OAuth2AuthenticationException(new OAuth2Error("locked"));
			}
			var authorities = account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
			return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), usernameClaim);
		};
	}
}
