package de.bochum.portal.platform.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.resolve.DirectoryCodeResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Languages and templates. German is the portal's language; English is chosen with the
 * language switch ({@code ?lang=en}), remembered in a cookie only after the visitor asks for
 * it. The browser's Accept-Language is not followed: the city's pages are German first.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale GERMAN = Locale.GERMAN;

	@Value("${portal.cookie-secure:true}")
	private boolean cookieSecure;

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("portal_lang");
		resolver.setDefaultLocale(GERMAN);
		resolver.setDefaultLocaleFunction(request -> GERMAN);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSecure(cookieSecure);
		resolver.setCookieSameSite("Lax");
		resolver.setRejectInvalidCookies(true);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				// From the address only: asking for a parameter would make the servlet container parse
				// a form body, and fail on one above the upload limit even while showing the error page.
				String query = request.getQueryString();
				String value = query == null ? null
						: UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst("lang");
				Locale locale = "en".equals(value) ? Locale.ENGLISH : "de".equals(value) ? GERMAN : null;
				if (locale != null) {
					RequestContextUtils.getLocaleResolver(request).setLocale(request, response, locale);
				}
				return true;
			}
		};
		registry.addInterceptor(change);
	}

	/**
	 * Templates are compiled by the Maven build; {@code portal.jte.development-dir} points at
	 * {@code src/main/jte} to edit them without a rebuild.
	 */
	@Bean
	TemplateEngine templateEngine(@Value("${portal.jte.development-dir:}") String developmentDir) {
		if (developmentDir.isBlank()) {
			return TemplateEngine.createPrecompiled(ContentType.Html);
		}
		return TemplateEngine.create(new DirectoryCodeResolver(Path.of(developmentDir)), ContentType.Html);
	}

	@Bean
	JteViewResolver jteViewResolver(TemplateEngine templateEngine) {
		return new JteViewResolver(templateEngine);
	}
}
