package org.gridlink.platform.web;

import java.util.Locale;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps exceptions of {@code /api/v1} controllers to {@link ApiError} bodies; out-of-scope requests are audited. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private final MessageSource messages;
	private final AuditTrail audit;

	ApiExceptionHandler(MessageSource messages, AuditTrail audit) {
		this.messages = messages;
		this.audit = audit;
	}

	@ExceptionHandler(OutOfScopeException.class)
	ResponseEntity<ApiError> outOfScope(OutOfScopeException ex, Locale locale) {
		audit.record("ACCESS_DENIED", ex.subjectType(), ex.subject(), AuditTrail.DENIED, "outside scope");
		return error(HttpStatus.FORBIDDEN, "FORBIDDEN", "error.forbidden", locale);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ApiError> denied(AccessDeniedException ex, Locale locale) {
		audit.record("ACCESS_DENIED", "api", null, AuditTrail.DENIED, ex.getMessage());
		return error(HttpStatus.FORBIDDEN, "FORBIDDEN", "error.forbidden", locale);
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ApiError> notFound(NotFoundException ex, Locale locale) {
		return error(HttpStatus.NOT_FOUND, "NOT_FOUND", ex.messageKey(), locale, ex.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ApiError> conflict(ConflictException ex, Locale locale) {
		return error(HttpStatus.CONFLICT, "CONFLICT", ex.messageKey(), locale, ex.arguments());
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ApiError> invalid(InvalidInputException ex, Locale locale) {
		return error(HttpStatus.BAD_REQUEST, "INVALID_INPUT", ex.messageKey(), locale, ex.arguments());
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
			MethodArgumentNotValidException.class, IllegalArgumentException.class })
	ResponseEntity<ApiError> badRequest(Exception ex, Locale locale) {
		String detail = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
				: ex instanceof MissingServletRequestParameterException missing ? missing.getParameterName()
						: "";
		return error(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "error.bad.request", locale, detail);
	}

	private ResponseEntity<ApiError> error(HttpStatus status, String code, String key, Locale locale,
			Object... args) {
		return ResponseEntity.status(status).body(new ApiError(code, messages.getMessage(key, args, key, locale)));
	}
}
