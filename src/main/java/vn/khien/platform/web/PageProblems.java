package vn.khien.platform.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import jakarta.servlet.http.HttpServletResponse;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;

/**
 * Pages answer what they refuse with the error page in the layout, in the user's
 * language: a missing or out-of-scope record with the same 404, a bad value in the
 * address (an edited filter) with a 400 that names the parameter, never a 500.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

	private final MessageSource messages;

	PageProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(HttpServletResponse response, Model model) {
		return error(response, model, 404, null);
	}

	@ExceptionHandler(InvalidInputException.class)
	String invalid(InvalidInputException ex, HttpServletResponse response, Model model, Locale locale) {
		return error(response, model, ex.status(),
				messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), locale));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String badParameter(MethodArgumentTypeMismatchException ex, HttpServletResponse response, Model model,
			Locale locale) {
		return error(response, model, 400, messages.getMessage("error.parameter",
				new Object[] { ex.getName(), String.valueOf(ex.getValue()) }, locale));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	String missingParameter(MissingServletRequestParameterException ex, HttpServletResponse response, Model model,
			Locale locale) {
		return error(response, model, 400,
				messages.getMessage("error.parameterMissing", new Object[] { ex.getParameterName() }, locale));
	}

	private static String error(HttpServletResponse response, Model model, int status, String detail) {
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("detail", detail);
		return "error";
	}

}
