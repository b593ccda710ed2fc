package org.gridlink.notices;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Single messages for other modules (a case dispatched to a unit, an update to a person who reported): one outbox
 * row each, sent by {@link OutboxSender} like a notice's rows. Each call carries an idempotency key; a second call
 * with the same key adds nothing, so event listeners may run twice.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class Notifications {

	private final JdbcClient jdbc;
	private final PersonalDataCipher cipher;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();
	private final org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender> mail;
	private final org.gridlink.platform.AccountEmails emails;

	Notifications(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock,
			org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender> mail,
			org.gridlink.platform.AccountEmails emails) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
		this.mail = mail;
		this.emails = emails;
	}

	/** True when e-mail can be sent: an SMTP server is configured ({@code spring.mail.host}). */
	public boolean emailConfigured() {
		return mail.getIfAvailable() != null;
	}

	/**
	 * An e-mail to one user (plain text, sent by the EMAIL channel like a notice's rows). Nothing is added when no
	 * SMTP server is configured or the user has no address; false then, and when the key was used before.
	 */
	@Transactional
	public boolean toUserByEmail(long userId, String subject, String text, String idempotencyKey) {
		if (subject == null || subject.isBlank() || text == null) {
			throw new InvalidInputException("notices.title.invalid", NoticeTexts.MAX_TITLE);
		}
		if (!emailConfigured() || !emails.has(userId)) {
			return false;
		}
		return add(idempotencyKey, "EMAIL", false, userId, null, null, cut(subject, 100), cut(text, 1000), null);
	}

	/**
	 * An SMS to one phone with a provider template ({@code template}: its code, e.g. {@code SMS_123456789}) and its
	 * parameters. Non-urgent messages honour opt-outs and quiet hours. Returns false when the key was used before.
	 */
	@Transactional
	public boolean toPhone(String phone, String template, Map<String, String> params, boolean urgent,
			String idempotencyKey) {
		String normalised = phone == null ? "" : PhoneNumber.normalise(phone);
		if (!PhoneNumber.isValid(normalised)) {
			throw new InvalidInputException("phone.invalid", org.gridlink.shared.Masked.phone(normalised));
		}
		if (template == null || template.isBlank() || template.length() > 100) {
			throw new InvalidInputException("notices.template.invalid");
		}
		return add(idempotencyKey, "SMS", urgent, null, cipher.lookupHash(normalised), cipher.encrypt(normalised),
				template, json.writeValueAsString(params), null);
	}

	/** An inbox item for one user. Returns false when the key was used before. */
	@Transactional
	public boolean toUser(long userId, String title, String body, @Nullable String linkPath, String idempotencyKey) {
		if (title == null || title.isBlank() || body == null) {
			throw new InvalidInputException("notices.title.invalid", NoticeTexts.MAX_TITLE);
		}
		if (linkPath != null && (!linkPath.startsWith("/") || linkPath.startsWith("//") || linkPath.contains("\\"))) {
			throw new InvalidInputException("notices.link.invalid");
		}
		return add(idempotencyKey, "INBOX", false, userId, null, null, cut(title, 100), cut(body, 1000), linkPath);
	}

	private boolean add(String key, String channel, boolean urgent, @Nullable Long userId, @Nullable String phoneHash,
			@Nullable String phoneSealed, String title, String body, @Nullable String link) {
		if (key == null || key.isBlank() || key.length() > 120) {
			throw new InvalidInputException("notices.key.invalid");
		}
		if (jdbc.sql("SELECT COUNT(*) FROM notice_message_key WHERE idem_key = ?").param(key).query(Long.class)
				.single() > 0) {
			return false;
		}
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO notice_outbox (channel, state, urgent, jurisdiction_code, recipient_id, phone_hash,"
				+ " phone_enc, not_before, title, body, link) VALUES (?, 'QUEUED', ?, '', ?, ?, ?, ?, ?, ?, ?)")
				.params(channel, urgent, userId, phoneHash, phoneSealed, OffsetDateTime.now(clock), title, body, link)
				.update(keys, "id");
		// a concurrent call with the same key fails here on the primary key and rolls its row back
		jdbc.sql("INSERT INTO notice_message_key (idem_key, outbox_id) VALUES (?, ?)")
				.params(key, java.util.Objects.requireNonNull(keys.getKey()).longValue()).update();
		return true;
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

	/** True when a message with this idempotency key was added before (so a listener need not prepare another). */
	boolean used(String idempotencyKey) {
		return jdbc.sql("SELECT COUNT(*) FROM notice_message_key WHERE idem_key = ?").param(idempotencyKey)
				.query(Long.class).single() > 0;
	}
}
