package org.gridlink.platform.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.gridlink.platform.Accounts;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The TOTP second factor (RFC 6238, see {@link Totp}): enrolment (a new secret shown as an otpauth:// link, confirmed
 * with one code, then ten one-time recovery codes shown once), the check at login (a code is accepted once; wrong
 * codes are throttled by the {@link LoginThrottle}), switching it off, and an admin's reset. The secret is sealed
 * with the personal-data key; recovery codes are stored as keyed hashes. Required for the roles of
 * {@code gridlink.security.second-factor-required-roles} (ADMIN, AUDITOR, CENTER in production mode, none in the
 * demo), optional for everybody else.
 */
@Service
public class SecondFactors {

	public static final String ISSUER = "GridLink";
	static final int RECOVERY_CODES = 10;
	private static final String RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
	private static final SecureRandom RANDOM = new SecureRandom();

	/** Where an account stands. */
	public enum State {
		OFF, ENROLLING, ON
	}

	/** The outcome of a code typed at login. */
	public enum Check {
		ACCEPTED, WRONG, REFUSED_FOR_NOW
	}

	/** A new secret being enrolled: the text to type into an app and the otpauth:// link its QR code carries. */
	public record Enrolment(String secret, String uri) {
	}

	private final JdbcClient jdbc;
	private final PersonalDataCipher cipher;
	private final AuditTrail audit;
	private final LoginThrottle throttle;
	private final Accounts accounts;
	private final Clock clock;
	private final Set<Role> requiredRoles;

	SecondFactors(JdbcClient jdbc, PersonalDataCipher cipher, AuditTrail audit, LoginThrottle throttle,
			Accounts accounts, Clock clock,
			@Value("${gridlink.security.second-factor-required-roles:}") String requiredRoles) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
		this.throttle = throttle;
		this.accounts = accounts;
		this.clock = clock;
		this.requiredRoles = parseRoles(requiredRoles);
	}

	static Set<Role> parseRoles(String text) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
			.forEach(s -> roles.add(Role.valueOf(s.toUpperCase(Locale.ROOT))));
		return roles;
	}

	public Set<Role> requiredRoles() {
		return Set.copyOf(requiredRoles);
	}

	/** Whether an account with these roles must use a second factor. */
	public boolean required(Set<Role> roles) {
		return roles.stream().anyMatch(requiredRoles::contains);
	}

	public State state(long userId) {
		return jdbc.sql("SELECT confirmed_at IS NOT NULL FROM second_factor WHERE user_id = ?").param(userId)
			.query(Boolean.class).optional().map(on -> on ? State.ON : State.ENROLLING).orElse(State.OFF);
	}

	/** Recovery codes not used yet. */
	public int recoveryCodesLeft(long userId) {
		return jdbc.sql("SELECT COUNT(*) FROM second_factor_recovery WHERE user_id = ? AND used_at IS NULL")
			.param(userId).query(Integer.class).single();
	}

	/**
	 * Starts (or restarts) an enrolment with a new random 160-bit secret; an account whose second factor is on must
	 * switch it off (or have it reset) first.
	 */
	@Transactional
	public Enrolment begin(CurrentUser user) {
		if (state(user.id()) == State.ON) {
			throw new InvalidInputException("secondFactor.already");
		}
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		jdbc.sql("DELETE FROM second_factor WHERE user_id = ?").param(user.id()).update();
		jdbc.sql("INSERT INTO second_factor (user_id, secret, created_at) VALUES (?, ?, ?)")
			.params(user.id(), cipher.encrypt(Totp.base32(secret)), OffsetDateTime.now(clock)).update();
		return enrolment(user.username(), Totp.base32(secret));
	}

	/** The enrolment in progress, to show again (e.g. after a wrong confirmation code). */
	public Optional<Enrolment> pending(CurrentUser user) {
		return jdbc.sql("SELECT secret FROM second_factor WHERE user_id = ? AND confirmed_at IS NULL").param(user.id())
			.query(String.class).optional().map(sealed -> enrolment(user.username(), cipher.decrypt(sealed)));
	}

	private static Enrolment enrolment(String username, String base32) {
		String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
		return new Enrolment(base32, "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + ISSUER
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS);
	}

	/**
	 * Confirms the enrolment with a code from the app: the second factor is on from now, and the ten recovery codes
	 * are returned (here only; stored as keyed hashes). Audited ({@code SECOND_FACTOR_ENABLE}).
	 */
	@Transactional
	public List<String> confirm(CurrentUser user, String code) {
		String sealed = jdbc.sql("SELECT secret FROM second_factor WHERE user_id = ? AND confirmed_at IS NULL")
			.param(user.id()).query(String.class).optional()
			.orElseThrow(() -> new InvalidInputException("secondFactor.notEnrolling"));
		OptionalLong step = Totp.match(Totp.fromBase32(cipher.decrypt(sealed)), code, clock.instant().getEpochSecond(),
				0);
		if (step.isEmpty()) {
			throw new InvalidInputException("secondFactor.code.wrong");
		}
		jdbc.sql("UPDATE second_factor SET confirmed_at = ?, last_step = ? WHERE user_id = ?")
			.params(OffsetDateTime.now(clock), step.getAsLong(), user.id()).update();
		List<String> codes = newRecoveryCodes(user.id());
		audit.record("SECOND_FACTOR_ENABLE", "user", user.username(), AuditTrail.SUCCESS, null);
		return codes;
	}

	private List<String> newRecoveryCodes(long userId) {
		jdbc.sql("DELETE FROM second_factor_recovery WHERE user_id = ?").param(userId).update();
		List<String> codes = new ArrayList<>();
		while (codes.size() < RECOVERY_CODES) {
			StringBuilder code = new StringBuilder();
			for (int i = 0; i < 10; i++) {
				code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
			}
			String shown = code.substring(0, 5) + "-" + code.substring(5);
			if (!codes.contains(shown)) {
				codes.add(shown);
				jdbc.sql("INSERT INTO second_factor_recovery (user_id, code_hash) VALUES (?, ?)")
					.params(userId, recoveryHash(shown)).update();
			}
		}
		return codes;
	}

	private String recoveryHash(String typed) {
		return cipher.lookupHash("recovery:" + typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT));
	}

	/**
	 * Checks the code typed at the login's second step: six digits from the app (a step after the last accepted one,
	 * so a code works once) or an unused recovery code (then used up). Wrong codes count in the login throttle;
	 * while it refuses, every code is refused. Audited.
	 */
	@Transactional
	public Check check(long userId, String username, String typed, String address) {
		if (throttle.codesRefused(username, address)) {
			audit.recordAs(username, "LOGIN_SECOND_FACTOR", "user", username, AuditTrail.DENIED, "throttled");
			return Check.REFUSED_FOR_NOW;
		}
		String code = typed == null ? "" : typed.strip();
		boolean accepted = code.replaceAll("\\s", "").matches("\\d{6}") ? acceptTotp(userId, code)
				: acceptRecovery(userId, username, code);
		if (accepted) {
			audit.recordAs(username, "LOGIN_SECOND_FACTOR", "user", username, AuditTrail.SUCCESS, null);
			return Check.ACCEPTED;
		}
		throttle.codeFailed(username, address);
		audit.recordAs(username, "LOGIN_SECOND_FACTOR", "user", username, AuditTrail.FAILURE, "wrong code");
		return Check.WRONG;
	}

	private boolean acceptTotp(long userId, String code) {
		record Row(String secret, long lastStep) {
		}
		Optional<Row> row = jdbc.sql("SELECT secret, last_step FROM second_factor WHERE user_id = ? AND confirmed_at IS NOT NULL")
			.param(userId).query((rs, i) -> new Row(rs.getString(1), rs.getLong(2))).optional();
		if (row.isEmpty()) {
			return false;
		}
		OptionalLong step = Totp.match(Totp.fromBase32(cipher.decrypt(row.get().secret())), code,
				clock.instant().getEpochSecond(), row.get().lastStep());
		// one conditional UPDATE: of two requests with the same code (or two instances), only one moves last_step
		return step.isPresent() && jdbc.sql("UPDATE second_factor SET last_step = ? WHERE user_id = ? AND last_step < ?")
			.params(step.getAsLong(), userId, step.getAsLong()).update() == 1;
	}

	private boolean acceptRecovery(long userId, String username, String code) {
		if (code.isEmpty() || code.length() > 40) {
			return false;
		}
		boolean used = jdbc.sql("""
				UPDATE second_factor_recovery SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL""")
			.params(OffsetDateTime.now(clock), userId, recoveryHash(code)).update() == 1;
		if (used) {
			audit.recordAs(username, "SECOND_FACTOR_RECOVERY", "user", username, AuditTrail.SUCCESS,
					recoveryCodesLeft(userId) + " recovery codes left");
		}
		return used;
	}

	/**
	 * The user switches their second factor off, confirming with a current code (or a recovery code); refused when
	 * their roles require it. Audited ({@code SECOND_FACTOR_DISABLE}).
	 */
	@Transactional(noRollbackFor = InvalidInputException.class) // a wrong code still counts in the throttle
	public void disable(CurrentUser user, String code, String address) {
		if (required(user.roles())) {
			throw new InvalidInputException("secondFactor.required");
		}
		if (state(user.id()) == State.ON && check(user.id(), user.username(), code, address) != Check.ACCEPTED) {
			throw new InvalidInputException("secondFactor.code.wrong");
		}
		remove(user.id());
		audit.record("SECOND_FACTOR_DISABLE", "user", user.username(), AuditTrail.SUCCESS, null);
	}

	/**
	 * An admin resets a user's second factor (a lost phone): secret and recovery codes are deleted, the account's
	 * sessions end, and at the next login the user enrols again if their roles require it. Audited
	 * ({@code SECOND_FACTOR_RESET}).
	 */
	@Transactional
	public void reset(String username) {
		long userId = accounts.find(username).orElseThrow(() -> new org.gridlink.platform.NotFoundException(
				"account.not.found", username)).id();
		accounts.refuseChangeOf(username);
		remove(userId);
		accounts.endAccess(username);
		audit.record("SECOND_FACTOR_RESET", "user", username, AuditTrail.SUCCESS, null);
	}

	private void remove(long userId) {
		jdbc.sql("DELETE FROM second_factor_recovery WHERE user_id = ?").param(userId).update();
		jdbc.sql("DELETE FROM second_factor WHERE user_id = ?").param(userId).update();
	}

	/**
	 * Why HTTP Basic is refused for this account, as a message key: its second factor is on or required (it goes
	 * through API tokens created after a full login), or it must change its password first. Empty when Basic may go.
	 */
	Optional<String> basicRefusal(AccountPrincipal principal) {
		if (required(principal.toCurrentUser().roles()) || state(principal.id()) == State.ON) {
			return Optional.of("error.basic.secondFactor");
		}
		if (accounts.mustChangePassword(principal.getUsername())) {
			return Optional.of("error.basic.passwordChange");
		}
		return Optional.empty();
	}
}
