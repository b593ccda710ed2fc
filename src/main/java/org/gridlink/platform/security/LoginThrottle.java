package org.gridlink.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.gridlink.platform.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throttles password logins (form and HTTP Basic) per client address first and per account second, so that a spray
 * is slowed and a stranger cannot lock someone else's account: {@code address-failures} failures from one address
 * within {@code window} refuse that address for {@code lock}; an account locks for {@code lock} only after failures
 * from {@code account-addresses} different addresses within the window. API tokens are not password logins and keep
 * working. The counters live in the database, shared by all instances.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;
	private final int addressFailures;
	private final int accountAddresses;
	private final Duration window;
	private final Duration lock;
	private final int codeFailures;

	LoginThrottle(JdbcClient jdbc, AuditTrail audit, Clock clock,
			@Value("${gridlink.login.address-failures:10}") int addressFailures,
			@Value("${gridlink.login.account-addresses:5}") int accountAddresses,
			@Value("${gridlink.login.window:PT15M}") Duration window, @Value("${gridlink.login.lock:PT15M}") Duration lock,
			@Value("${gridlink.login.code-failures:5}") int codeFailures) {
		this.codeFailures = codeFailures;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.addressFailures = addressFailures;
		this.accountAddresses = accountAddresses;
		this.window = window;
		this.lock = lock;
	}

	/** Whether password logins from this address are refused now. */
	boolean blocked(String address) {
		return jdbc.sql("SELECT COUNT(*) FROM login_address_block WHERE address = ? AND blocked_until > ?")
			.params(address, OffsetDateTime.now(clock)).query(Long.class).single() > 0;
	}

	private void block(String address, OffsetDateTime until) {
		String update = "UPDATE login_address_block SET blocked_until = ? WHERE address = ?";
		if (jdbc.sql(update).params(until, address).update() == 0) {
			try {
				jdbc.sql("INSERT INTO login_address_block (address, blocked_until) VALUES (?, ?)").params(address, until)
					.update();
			}
			catch (DuplicateKeyException ex) {
				jdbc.sql(update).params(until, address).update(); // another instance blocked it at the same moment
			}
		}
	}

	/** Counts a wrong password (or unknown user) from an address; blocks the address or locks the account. */
	@Transactional
	void failed(String username, String address) {
		failed(username, address, "PASSWORD");
	}

	/**
	 * Counts a wrong second-factor code (the password was right) like a wrong password, by address and account;
	 * see {@link #codesRefused}.
	 */
	@Transactional
	void codeFailed(String username, String address) {
		failed(username, address, "CODE");
	}

	/**
	 * Whether second-factor codes are refused now for this account from this address: the address is blocked, or
	 * the account had {@code code-failures} wrong codes within the window (from any address). Both run out.
	 */
	boolean codesRefused(String username, String address) {
		return blocked(address) || jdbc.sql("""
				SELECT COUNT(*) FROM login_failure WHERE username = ? AND kind = 'CODE' AND failed_at > ?""")
			.params(username, OffsetDateTime.now(clock).minus(window)).query(Long.class).single() >= codeFailures;
	}

	private void failed(String username, String address, String kind) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		OffsetDateTime since = now.minus(window);
		jdbc.sql("DELETE FROM login_failure WHERE failed_at <= ?").param(since).update();
		jdbc.sql("INSERT INTO login_failure (username, address, failed_at, kind) VALUES (?, ?, ?, ?)")
			.params(username, address, now, kind).update();
		long fromAddress = jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE address = ? AND failed_at > ?")
			.params(address, since).query(Long.class).single();
		if (fromAddress >= addressFailures) {
			block(address, now.plus(lock));
			jdbc.sql("DELETE FROM login_failure WHERE address = ?").param(address).update();
			audit.recordAs(null, "LOGIN_THROTTLE", "address", address, AuditTrail.SUCCESS,
					"refused for " + lock.toMinutes() + " minutes after " + fromAddress + " failures");
		}
		long addresses = jdbc.sql("""
				SELECT COUNT(DISTINCT address) FROM login_failure WHERE username = ? AND failed_at > ?""")
			.params(username, since).query(Long.class).single();
		if (addresses >= accountAddresses && jdbc.sql("UPDATE app_user SET locked_until = ? WHERE username = ?")
			.params(now.plus(lock), username).update() > 0) {
			jdbc.sql("DELETE FROM login_failure WHERE username = ?").param(username).update();
			audit.recordAs(username, "LOCKOUT", "user", username, AuditTrail.SUCCESS, "locked for " + lock.toMinutes()
					+ " minutes after failures from " + addresses + " addresses");
		}
	}
}
