package de.bochum.portal.identity.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Citizens who sign in through a state identity provider (BundID, a Land's Servicekonto). The
 * provider vouches for the person; the portal keeps only its pseudonymous subject and the confirmed
 * address, signs the person into their citizen account and drops everything else: no tokens are
 * kept, and Spring Security's context stays empty, so the staff area never takes a citizen for staff.
 */
@Component
class CitizenOidc {

	static final String FAILED = "/konto/anmelden?anbieter=fehler";
	private static final String CALLBACK = "/login/oauth2/code/";

	private final CitizenAccounts accounts;
	private final OidcRegistrations registrations;
	private final ObjectProvider<OAuth2AuthorizedClientRepository> authorizedClients;

	CitizenOidc(CitizenAccounts accounts, OidcRegistrations registrations,
			ObjectProvider<OAuth2AuthorizedClientRepository> authorizedClients) {
		this.accounts = accounts;
		this.registrations = registrations;
		this.authorizedClients = authorizedClients;
	}

	/** Whether this is the provider's redirect back for a citizens' registration. */
	boolean isCallback(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith(CALLBACK) && registrations.forCitizens(path.substring(CALLBACK.length()));
	}

	void signedIn(HttpServletRequest request, HttpServletResponse response, OAuth2AuthenticationToken token)
			throws IOException {
		OAuth2AuthorizedClientRepository clients = authorizedClients.getIfAvailable();
		if (clients != null) {
			clients.removeAuthorizedClient(token.getAuthorizedClientRegistrationId(), token, request, response);
		}
		SecurityContextHolder.clearContext();
		IdentitySecurity.CONTEXT_REPOSITORY.saveContext(SecurityContextHolder.createEmptyContext(), request, response);

		OidcUser user = (OidcUser) token.getPrincipal();
		CitizenAccounts.ProviderSignInResult result = accounts.signInWithProvider(String.valueOf(user.getIssuer()),
				user.getSubject(), user.getEmail(), Boolean.TRUE.equals(user.getEmailVerified()));
		if (result.outcome() != CitizenAccounts.ProviderSignIn.OK) {
			response.sendRedirect(request.getContextPath() + "/konto/anmelden?anbieter="
					+ result.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
			return;
		}
		request.getSession().setAttribute(CitizenController.CITIZEN, result.accountId());
		request.changeSessionId();
		response.sendRedirect(request.getContextPath() + "/konto");
	}
}
