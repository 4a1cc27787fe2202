package de.bochum.portal.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps a staff member who signed in with a one-time password on the password page until it is
 * replaced: the one-time password has been in a log file.
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeGuard implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this)
			.addPathPatterns("/intern", "/intern/**")
			.excludePathPatterns(IdentitySecurity.CHANGE_PASSWORD, IdentitySecurity.LOGIN, IdentitySecurity.LOGOUT,
					IdentitySecurity.CODE, IdentitySecurity.ENROL, IdentitySecurity.RECOVERY_CODES);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		HttpSession session = request.getSession(false);
		if (session != null && Boolean.TRUE.equals(session.getAttribute(IdentitySecurity.MUST_CHANGE_PASSWORD))) {
			response.sendRedirect(request.getContextPath() + IdentitySecurity.CHANGE_PASSWORD);
			return false;
		}
		return true;
	}
}
