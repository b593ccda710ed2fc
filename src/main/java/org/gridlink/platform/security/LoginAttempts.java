package org.gridlink.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.gridlink.platform.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins: after {@value #MAX_FAILURES} in a row the account locks for 15 minutes. Logins, failures
 * and lockouts are audited. An unknown username is audited like any failure and answered identically.
 */
@Component
class LoginAttempts {

	static final int MAX_FAILURES = 5;
	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;

	LoginAttempts(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		String username = event.getAuthentication().getName();
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			int updated = jdbc.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE username = ?")
					.param(username).update();
			if (updated > 0) {
				int failures = jdbc.sql("SELECT failed_attempts FROM app_user WHERE username = ?").param(username)
						.query(Integer.class).single();
				if (failures >= MAX_FAILURES) {
					jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = ? WHERE username = ?")
							.params(OffsetDateTime.now(clock).plus(LOCK_DURATION), username).update();
					audit.recordAs(username, "LOCKOUT", "user", username, AuditTrail.SUCCESS,
							"locked for " + LOCK_DURATION.toMinutes() + " minutes after " + failures + " failures");
				}
			}
		}
		audit.recordAs(username, "LOGIN_FAILURE", "user", username, AuditTrail.FAILURE,
				event.getException().getClass().getSimpleName());
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
