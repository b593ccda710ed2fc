package org.gridlink.platform.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages (not the API, see {@link ApiExceptionHandler}): a missing record answers 404 and a record outside the
 * user's scope 403 (audited), each with the error page of the layout instead of a 500; bad input in the address (a
 * jurisdiction code that is not one, a negative page, a number that is not a number) answers 400 with the page that
 * says what was wrong — never a 500 and never a stack trace at ERROR (it is the client's mistake: logged at DEBUG).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

	private final AuditTrail audit;
	private final MessageSource messages;
	private final LayoutModel layout;

	PageExceptionHandler(AuditTrail audit, MessageSource messages, LayoutModel layout) {
		this.audit = audit;
		this.messages = messages;
		this.layout = layout;
	}

	@ExceptionHandler(InvalidInputException.class)
	ModelAndView invalid(InvalidInputException ex, HttpServletRequest request, HttpServletResponse response,
			Locale locale) {
		return badRequest(messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale), ex, request,
				response);
	}

	// the same exceptions as the API's handler, which comes first for REST controllers (they are controllers too);
	// the others (a form that does not bind) take Spring's default 400, shown with error/400.html
	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
			IllegalArgumentException.class })
	ModelAndView malformed(Exception ex, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
				: ex instanceof MissingServletRequestParameterException missing ? missing.getParameterName() : "";
		String message = name.isEmpty() ? messages.getMessage("error.page.400.value", null, locale)
				: messages.getMessage("error.page.400.parameter", new Object[] { name }, locale);
		return badRequest(message, ex, request, response);
	}

	/** The 400 page in the layout, with what was wrong and a link back to the page without the bad address. */
	private ModelAndView badRequest(String message, Exception ex, HttpServletRequest request,
			HttpServletResponse response) {
		log.debug("bad input on {}: {}", request.getRequestURI(), ex.toString());
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		ModelAndView page = new ModelAndView("error/400");
		page.setStatus(HttpStatus.BAD_REQUEST);
		page.addObject("message", message);
		page.addObject("back", request.getRequestURI());
		layout.postHandle(request, response, this, page);
		return page;
	}

	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	@ExceptionHandler(OutOfScopeException.class)
	void outOfScope(OutOfScopeException ex, HttpServletResponse response) throws IOException {
		audit.record("ACCESS_DENIED", ex.subjectType(), ex.subject(), AuditTrail.DENIED, "outside scope");
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}
}
