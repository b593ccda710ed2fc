package org.gridlink.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Pages (not the API, see {@link ApiExceptionHandler}): a missing record answers 404 and a record outside the
 * user's scope 403 (audited), each with the error page of the layout instead of a 500.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private final AuditTrail audit;

	PageExceptionHandler(AuditTrail audit) {
		this.audit = audit;
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
