package org.gridlink.notices;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.PublicUrls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opt-out links (退订链接) in non-urgent SMS: {@code {public base}/td/{token}}, public, no login. The token is the
 * keyed lookup hash of "optout:" and the phone's own lookup hash, shortened to 96 bits (16 characters, Base64url): not
 * guessable without the lookup key, the same in every SMS to that phone, so no token has to be kept before a message
 * goes out. When a batch is sent the token's SHA-256 is recorded with the phone's hash ({@code notice_optout_link});
 * the page finds the phone by it, asks to confirm, and records the opt-out exactly like a "TD" reply
 * ({@link SmsReports#optOut}, source LINK). A used link keeps saying that it is done.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class OptOutLinks {

	static final String PATH = "/td/";
	private static final int TOKEN_BYTES = 12;

	private final JdbcClient jdbc;
	private final PersonalDataCipher cipher;
	private final PublicUrls urls;
	private final SmsReports reports;
	private final AuditTrail audit;
	private final Clock clock;

	OptOutLinks(JdbcClient jdbc, PersonalDataCipher cipher, PublicUrls urls, SmsReports reports, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.urls = urls;
		this.reports = reports;
		this.audit = audit;
		this.clock = clock;
	}

	/** The state of a link as its page shows it. */
	public enum State {
		/** Not used yet: the page asks to confirm. */
		OPEN,
		/** The phone is opted out (by this link, an earlier one or a reply). */
		DONE
	}

	/** The token of the phone with this lookup hash. */
	String token(String phoneHash) {
		byte[] mac = HexFormat.of().parseHex(cipher.lookupHash("optout:" + phoneHash));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(mac, TOKEN_BYTES));
	}

	/** The absolute link of the phone with this lookup hash. */
	String link(String phoneHash) {
		return urls.absolute(PATH + token(phoneHash));
	}

	/** Records the tokens of phones about to get a message with their link (each phone once, kept). */
	void remember(Collection<String> phoneHashes) {
		Map<String, String> byToken = new LinkedHashMap<>();
		phoneHashes.forEach(h -> byToken.put(digest(token(h)), h));
		if (byToken.isEmpty()) {
			return;
		}
		List<Object> params = new ArrayList<>();
		OffsetDateTime now = OffsetDateTime.now(clock);
		byToken.forEach((token, phone) -> {
			params.add(token);
			params.add(phone);
			params.add(now);
		});
		jdbc.sql("INSERT INTO notice_optout_link (token_hash, phone_hash, created_at) VALUES "
				+ String.join(", ", java.util.Collections.nCopies(byToken.size(), "(?, ?, ?)"))
				+ " ON CONFLICT DO NOTHING").params(params).update();
	}

	/** The state of the link with this token; empty for an unknown or malformed one. */
	public Optional<State> find(String token) {
		return phoneOf(token).map(phone -> optedOut(phone) ? State.DONE : State.OPEN);
	}

	/** Confirms the opt-out of the link's phone; empty for an unknown or malformed token. */
	@Transactional
	public Optional<State> confirm(String token) {
		Optional<String> phone = phoneOf(token);
		if (phone.isEmpty()) {
			audit.record("SMS_OPT_OUT", "link", "unknown", AuditTrail.DENIED, "unknown token");
			return Optional.empty();
		}
		reports.optOut(phone.get(), "LINK");
		jdbc.sql("UPDATE notice_optout_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
				.params(OffsetDateTime.now(clock), digest(token)).update();
		return Optional.of(State.DONE);
	}

	private Optional<String> phoneOf(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{16}")) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT phone_hash FROM notice_optout_link WHERE token_hash = ?").param(digest(token))
				.query(String.class).optional();
	}

	private boolean optedOut(String phoneHash) {
		return jdbc.sql("SELECT COUNT(*) FROM notice_optout WHERE phone_hash = ?").param(phoneHash).query(Long.class)
				.single() > 0;
	}

	private static String digest(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
