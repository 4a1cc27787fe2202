package de.bochum.portal.identity.internal;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.bochum.portal.identity.Role;
import de.bochum.portal.platform.HttpSecurityContribution;
import de.bochum.portal.platform.StaffLink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
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
	HttpSecurityContribution staffLogin(StaffAccounts accounts) {
		return http -> configure(http, accounts);
	}

	private static void configure(HttpSecurity http, StaffAccounts accounts) throws Exception {
		http.authorizeHttpRequests(auth -> auth.requestMatchers(LOGIN).permitAll())
			.formLogin(form -> form
				.loginPage(LOGIN)
				.loginProcessingUrl(LOGIN)
				.usernameParameter("benutzername")
				.passwordParameter("passwort")
				.successHandler(successHandler(accounts))
				.failureHandler(failureHandler()))
			.logout(logout -> logout
				.logoutUrl(LOGOUT)
				.logoutSuccessUrl(LOGIN + "?abgemeldet")
				.deleteCookies("portal_session"));
	}

	private static AuthenticationSuccessHandler successHandler(StaffAccounts accounts) {
		SavedRequestAwareAuthenticationSuccessHandler savedRequest = new SavedRequestAwareAuthenticationSuccessHandler();
		savedRequest.setDefaultTargetUrl("/intern");
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			request.getSession().removeAttribute(LAST_USERNAME);
			if (accounts.mustChangePassword(authentication.getName())) {
				request.getSession().setAttribute(MUST_CHANGE_PASSWORD, Boolean.TRUE);
				response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
				return;
			}
			savedRequest.onAuthenticationSuccess(request, response, authentication);
		};
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
