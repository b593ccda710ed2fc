package org.gridlink.platform.web;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Pages answer an out-of-scope request with the 403 page (audited) and a missing record with the 404 page. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

	private final AuditTrail audit;

	PageExceptionHandler(AuditTrail audit) {
		this.audit = audit;
	}

	@ExceptionHandler(OutOfScopeException.class)
	String outOfScope(OutOfScopeException ex, HttpServletResponse response) {
		audit.record("ACCESS_DENIED", ex.subjectType(), ex.subject(), AuditTrail.DENIED, "outside scope");
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return "error/403";
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return "error/404";
	}
}
