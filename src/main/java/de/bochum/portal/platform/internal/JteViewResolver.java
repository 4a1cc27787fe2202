package de.bochum.portal.platform.internal;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Renders a controller's view name {@code "pages/home"} with the JTE template
 * {@code pages/home.jte}, passing the model by parameter name.
 */
class JteViewResolver implements ViewResolver, Ordered {

	private static final String SUFFIX = ".jte";

	private final TemplateEngine engine;

	JteViewResolver(TemplateEngine engine) {
		this.engine = engine;
	}

	@Override
	public View resolveViewName(String viewName, Locale locale) {
		if (viewName.startsWith("redirect:") || viewName.startsWith("forward:")) {
			return null;
		}
		String template = viewName + SUFFIX;
		return engine.hasTemplate(template) ? new JteView(engine, template) : null;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

	private record JteView(TemplateEngine engine, String template) implements View {

		@Override
		public String getContentType() {
			return "text/html;charset=UTF-8";
		}

		@Override
		@SuppressWarnings("unchecked")
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			// Render fully before writing, so a template error becomes a clean error page.
			Utf8ByteOutput output = new Utf8ByteOutput();
			engine.render(template, (Map<String, Object>) model, output);
			response.setContentType(getContentType());
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setContentLength(output.getContentLength());
			try (OutputStream out = response.getOutputStream()) {
				output.writeTo(out);
			}
		}
	}
}
