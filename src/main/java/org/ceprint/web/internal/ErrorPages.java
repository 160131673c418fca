package org.ceprint.web.internal;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.ceprint.web.Problems;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error dispatch ({@code /error}): what reaches it unanswered (an unknown
 * path, a refusal by a filter) gets the same Chinese answer as a controller's refusal,
 * problem details for a program and a page for a browser; never Boot's English whitelabel
 * page or its JSON with the request path.
 */
@Controller
@RequestMapping("/error")
class ErrorPages implements ErrorController {

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request) {
		int status = status(request);
		return new ModelAndView("error",
				Map.of("status", status, "title", Problems.title(status), "message", message(request, status)),
				HttpStatus.valueOf(status));
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		int status = status(request);
		return ResponseEntity.status(status)
			.body(Problems.of(HttpStatusCode.valueOf(status), message(request, status)));
	}

	private static int status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value) ? value : 500;
		return (HttpStatus.resolve(status) != null && status >= 400) ? status : 500;
	}

	private static String message(HttpServletRequest request, int status) {
		Object message = request.getAttribute(Problems.MESSAGE_ATTRIBUTE);
		return (message instanceof String text && Problems.fit(text)) ? text : Problems.defaultDetail(status);
	}

}
