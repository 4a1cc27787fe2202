package de.bochum.portal.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import de.bochum.portal.identity.Role;
import de.bochum.portal.platform.HttpSecurityContribution;
import de.bochum.portal.platform.StaffLink;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** The staff sign-in: form login at {@code /intern/anmelden}, sign-out at {@code /intern/abmelden}. */
@Configuration(proxyBeanMethods = false)
class IdentitySecurity {

	static final String LOGIN = "/intern/anmelden";
	static final String LOGOUT = "/intern/abmelden";
	static final String CHANGE_PASSWORD = "/intern/passwort";
	static final String CODE = "/intern/anmelden/code";
	static final String ENROL = "/intern/anmelden/einrichten";
	static final String RECOVERY_CODES = "/intern/zweiter-faktor/codes";
	/** Session attribute: password accepted, second factor outstanding; not yet signed in. */
	static final String PENDING_AUTHENTICATION = "identity.pendingAuthentication";
	/** Session attribute: the authenticator secret offered during set-up, until a code proves it. */
	static final String PENDING_SECRET = "identity.pendingTotpSecret";
	/** Session attribute: recovery codes to show once after set-up. */
	static final String NEW_RECOVERY_CODES = "identity.newRecoveryCodes";
	/** Session attribute that keeps the typed user name across a failed attempt. */
	static final String LAST_USERNAME = "identity.lastUsername";
	/** Session attribute set while the staff member still has to replace a one-time password. */
	static final String MUST_CHANGE_PASSWORD = "identity.mustChangePassword";

	/** bcrypt by default; the delegating encoder lets stored hashes move to a stronger one later. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	static StaffLink staffAccountsLink() {
		return new StaffLink("staff.link.accounts", "/intern/benutzer", Set.of(Role.ADMIN.name()), 900);
	}

	@Bean
	HttpSecurityContribution staffLogin(StaffAccounts accounts, SecondFactors secondFactors,
			OidcRegistrations oidcRegistrations, CitizenOidc citizenOidc,
			@Value("${portal.identity.oidc.username-claim:preferred_username}") String usernameClaim, Clock clock) {
		return http -> {
			configure(http, accounts, secondFactors);
			if (oidcRegistrations.configured()) {
				http.oauth2Login(oidc -> oidc.loginPage(LOGIN)
					.userInfoEndpoint(info -> info
						.oidcUserService(StaffOidc.userService(accounts, usernameClaim, clock, oidcRegistrations)))
					.successHandler((request, response, authentication) -> {
						if (authentication instanceof OAuth2AuthenticationToken token
								&& oidcRegistrations.forCitizens(token.getAuthorizedClientRegistrationId())) {
							citizenOidc.signedIn(request, response, token);
							return;
						}
						accounts.recordSignIn(authentication.getName());
						completeSignIn(request, response, authentication, accounts);
					})
					.failureHandler((request, response, exception) -> redirect(request, response,
							citizenOidc.isCallback(request) ? CitizenOidc.FAILED : LOGIN + "?oidc")));
			}
		};
	}

	private static void configure(HttpSecurity http, StaffAccounts accounts, SecondFactors secondFactors)
			throws Exception {
		http.authorizeHttpRequests(auth -> auth.requestMatchers(LOGIN, CODE, ENROL).permitAll())
			.formLogin(form -> form
				.loginPage(LOGIN)
				.loginProcessingUrl(LOGIN)
				.usernameParameter("benutzername")
				.passwordParameter("passwort")
				.successHandler(successHandler(accounts, secondFactors))
				.failureHandler(failureHandler()))
			.logout(logout -> logout
				.logoutUrl(LOGOUT)
				.logoutSuccessUrl(LOGIN + "?abgemeldet")
				.deleteCookies("portal_session"));
	}

	/**
	 * After the password: where a second factor follows, the person is not signed in yet. The
	 * authentication waits in the session until the code is right; until then every staff page
	 * treats them as anonymous, so no page can forget to check.
	 */
	private static AuthenticationSuccessHandler successHandler(StaffAccounts accounts, SecondFactors secondFactors) {
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			request.getSession().removeAttribute(LAST_USERNAME);
			if (secondFactors.requiredFor(authentication.getName())) {
				HttpSession session = request.getSession();
				session.setAttribute(PENDING_AUTHENTICATION, authentication);
				SecurityContextHolder.clearContext();
				CONTEXT_REPOSITORY.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
				redirect(request, response, secondFactors.enrolled(authentication.getName()) ? CODE : ENROL);
				return;
			}
			completeSignIn(request, response, authentication, accounts);
		};
	}

	static final HttpSessionSecurityContextRepository CONTEXT_REPOSITORY = new HttpSessionSecurityContextRepository();

	/**
	 * Signs the person in for good (after the password alone, or after password and second
	 * factor) and sends them on: to the password page if a one-time password must be replaced,
	 * else to the page they first asked for, else to the dashboard.
	 */
	static void completeSignIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
			StaffAccounts accounts) throws IOException, ServletException {
		if (establish(request, response, authentication, accounts)) {
			redirect(request, response, CHANGE_PASSWORD);
			return;
		}
		SavedRequestAwareAuthenticationSuccessHandler savedRequest = new SavedRequestAwareAuthenticationSuccessHandler();
		savedRequest.setDefaultTargetUrl("/intern");
		savedRequest.onAuthenticationSuccess(request, response, authentication);
	}

	/**
	 * Puts the authentication into the session's security context.
	 *
	 * @return whether a one-time password must be replaced first (the password page then holds them)
	 */
	static boolean establish(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
			StaffAccounts accounts) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		CONTEXT_REPOSITORY.saveContext(context, request, response);
		boolean mustChange = accounts.mustChangePassword(authentication.getName());
		if (mustChange) {
			request.getSession().setAttribute(MUST_CHANGE_PASSWORD, Boolean.TRUE);
		}
		return mustChange;
	}

	private static AuthenticationFailureHandler failureHandler() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			String username = request.getParameter("benutzername");
			if (username != null && username.length() <= 100) {
				request.getSession().setAttribute(LAST_USERNAME, username);
			}
			String reason = exception instanceof LockedException ? "gesperrt" : "fehler";
			redirect(request, response, LOGIN + "?" + reason);
		};
	}

	private static void redirect(HttpServletRequest request, HttpServletResponse response, String target)
			throws IOException, ServletException {
		response.sendRedirect(request.getContextPath() + target);
	}
}
