package vn.khien.platform.web;

import java.util.Locale;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What reaches the container's error dispatch (an unknown address, a refusal by the
 * security filters, an upload over the limit) is the layout's error page for any browser
 * or {@code curl}, whatever it accepts, and RFC 9457 problem details under the API. It
 * replaces Spring Boot's controller, which answers JSON to {@code Accept: *}{@code /*}.
 */
@Controller
class ErrorPages implements ErrorController {

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	// NB: the error page answers whoever's request failed, signed in or not
	@PermitAll
	@RequestMapping("${server.error.path:/error}")
	Object error(HttpServletRequest request, Locale locale) {
		HttpStatus status = status(request);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? request.getRequestURI() : uri.toString();
		if (path.startsWith(request.getContextPath() + "/api/v1/")
				|| path.startsWith(request.getContextPath() + "/actuator")) {
			ProblemDetail problem = ProblemDetail.forStatus(status);
			problem.setTitle(
					messages.getMessage("problem.invalid." + status.value(), null, status.getReasonPhrase(), locale));
			problem.setInstance(java.net.URI.create(path));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("detail", null);
		return page;
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null) {
			return HttpStatus.NOT_FOUND; // a visit to /error itself: nothing happened
		}
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

}
