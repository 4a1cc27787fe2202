package de.bochum.portal.platform.internal;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import de.bochum.portal.platform.NavigationItem;
import de.bochum.portal.platform.PageContext;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page template its {@link PageContext} as model attribute {@code ctx}. */
@ControllerAdvice
class PageContextAdvice {

	private final MessageSource messages;
	private final List<NavigationItem> navigation;

	PageContextAdvice(MessageSource messages, List<NavigationItem> navigation) {
		this.messages = messages;
		this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
	}

	@ModelAttribute("ctx")
	PageContext pageContext(HttpServletRequest request) {
		return create(request);
	}

	PageContext create(HttpServletRequest request) {
		Object originalUri = request.getAttribute("jakarta.servlet.error.request_uri");
		String path = originalUri instanceof String uri ? uri : request.getRequestURI();
		String query = originalUri instanceof String ? null : request.getQueryString();
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String staff = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
				? auth.getName() : null;
		return new PageContext(messages, LocaleContextHolder.getLocale(), path, query, navigation,
				(CsrfToken) request.getAttribute(CsrfToken.class.getName()), staff);
	}
}
