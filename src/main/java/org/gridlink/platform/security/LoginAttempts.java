package org.gridlink.platform.security;

import org.gridlink.platform.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Audits logins, failures and lockouts, and hands every wrong password (or unknown user, answered identically) to
 * the {@link LoginThrottle} with the client address it came from.
 */
@Component
class LoginAttempts {

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final LoginThrottle throttle;

	LoginAttempts(JdbcClient jdbc, AuditTrail audit, LoginThrottle throttle) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.throttle = throttle;
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		String username = event.getAuthentication().getName();
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			throttle.failed(username, address(event.getAuthentication().getDetails()));
		}
		audit.recordAs(username, "LOGIN_FAILURE", "user", username, AuditTrail.FAILURE,
				event.getException().getClass().getSimpleName());
	}

	static String address(Object details) {
		return details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
				? web.getRemoteAddress() : "unknown";
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		jdbc.sql("UPDATE app_user SET failed_attempts = 0 WHERE username = ? AND failed_attempts > 0")
				.param(event.getAuthentication().getName()).update();
	}

	@EventListener
	void onInteractiveLogin(InteractiveAuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		audit.recordAs(username, "LOGIN", "user", username, AuditTrail.SUCCESS, null);
	}
}
