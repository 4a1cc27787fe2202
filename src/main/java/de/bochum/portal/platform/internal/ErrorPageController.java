package de.bochum.portal.platform.internal;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Error pages in the portal's layout and language. They say what happened and what to do next,
 * and never show an exception, a stack trace or a request detail.
 */
@Controller
class ErrorPageController implements ErrorController {

	private final PageContextAdvice pages;

	ErrorPageController(PageContextAdvice pages) {
		this.pages = pages;
	}

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
		int status = statusOf(request);
		String kind = switch (status) {
			case 400, 403, 404, 413, 503 -> String.valueOf(status);
			default -> status >= 500 ? "500" : "400";
		};
		response.setStatus(status);
		return new ModelAndView("errors/error",
				Map.of("ctx", pages.create(request), "status", status, "kind", kind, "limit",
						String.valueOf(request.getAttribute(RequestSizeLimit.LIMIT_ATTRIBUTE) instanceof String l ? l : "")),
				HttpStatus.valueOf(status));
	}

	private static int statusOf(HttpServletRequest request) {
		// A database failure raised outside a controller (in a filter) is as temporary as one inside.
		for (Object e = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION); e instanceof Throwable t; e = t.getCause()) {
			if (t instanceof org.springframework.dao.DataAccessResourceFailureException
					|| t instanceof org.springframework.transaction.CannotCreateTransactionException) {
				return HttpStatus.SERVICE_UNAVAILABLE.value();
			}
			if (t.getCause() == t) {
				break;
			}
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value && HttpStatus.resolve(value) != null && value >= 400) {
			return value;
		}
		return 500;
	}
}
