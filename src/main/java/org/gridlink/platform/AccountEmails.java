package org.gridlink.platform;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The optional e-mail address of an account (for the notices EMAIL channel): set by an admin, sealed at rest with
 * {@link PersonalDataCipher}, every change audited. Kept apart from {@link AccountView} so that the account record
 * stays as it is.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class AccountEmails {

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,200}\\.[A-Za-z]{2,24}");

	private final JdbcClient jdbc;
	private final PersonalDataCipher cipher;
	private final AuditTrail audit;

	AccountEmails(JdbcClient jdbc, PersonalDataCipher cipher, AuditTrail audit) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
	}

	/** Sets (or, when blank, removes) the address of an account; admins only. */
	public void set(CurrentUser admin, long userId, @Nullable String email) {
		if (!admin.roles().contains(Role.ADMIN)) {
			throw new OutOfScopeException("account", String.valueOf(userId));
		}
		String value = email == null ? "" : email.strip();
		if (!value.isEmpty() && (value.length() > 254 || !EMAIL.matcher(value).matches())) {
			throw new InvalidInputException("admin.email.invalid");
		}
		int n = jdbc.sql("UPDATE app_user SET email_enc = ? WHERE id = ?")
				.params(value.isEmpty() ? null : cipher.encrypt(value.toLowerCase(Locale.ROOT)), userId).update();
		if (n != 1) {
			throw new NotFoundException("account.not.found", String.valueOf(userId));
		}
		audit.record("ACCOUNT_EMAIL", "user", String.valueOf(userId), AuditTrail.SUCCESS,
				value.isEmpty() ? "removed" : "set");
	}

	/** The address of an account, when it has one. */
	public Optional<String> of(long userId) {
		return jdbc.sql("SELECT email_enc FROM app_user WHERE id = ?").param(userId).query(String.class).optional()
				.filter(v -> v != null && !v.isBlank()).map(cipher::decrypt);
	}

	/** True when the account has an address. */
	public boolean has(long userId) {
		return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE id = ? AND email_enc IS NOT NULL").param(userId)
				.query(Long.class).single() > 0;
	}
}
