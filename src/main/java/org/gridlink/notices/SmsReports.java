package org.gridlink.notices;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the SMS provider reports back: delivery reports (matched by the BizId of the send and the phone's keyed hash:
 * DELIVERED or FAILED, once) and replies ("TD", "T", "退订", "N" opt the phone out of non-urgent SMS).
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class SmsReports {

	private static final List<String> OPT_OUT = List.of("TD", "T", "N", "退订", "UNSUBSCRIBE", "STOP");

	private final JdbcClient jdbc;
	private final PersonalDataCipher cipher;
	private final AuditTrail audit;
	private final Clock clock;

	SmsReports(JdbcClient jdbc, PersonalDataCipher cipher, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Applies delivery reports; returns the outbox rows changed. Reports of one send (BizId) and outcome are applied
	 * by one UPDATE each.
	 */
	@Transactional
	public int delivered(List<Map<String, Object>> reports) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		Map<String, List<String>> delivered = new java.util.HashMap<>();
		Map<String, Map<String, List<String>>> failed = new java.util.HashMap<>();
		for (Map<String, Object> report : reports) {
			String phone = PhoneNumber.normalise(String.valueOf(report.getOrDefault("phone_number", "")));
			String bizId = String.valueOf(report.getOrDefault("biz_id", ""));
			if (!PhoneNumber.isValid(phone) || bizId.isBlank()) {
				continue;
			}
			String hash = cipher.lookupHash(phone);
			if (Boolean.parseBoolean(String.valueOf(report.get("success")))) {
				delivered.computeIfAbsent(bizId, k -> new java.util.ArrayList<>()).add(hash);
			}
			else {
				String error = report.getOrDefault("err_code", "") + ": " + report.getOrDefault("err_msg", "");
				failed.computeIfAbsent(bizId, k -> new java.util.HashMap<>())
						.computeIfAbsent(error.substring(0, Math.min(200, error.length())), k -> new java.util.ArrayList<>())
						.add(hash);
			}
		}
		int changed = 0;
		for (Map.Entry<String, List<String>> e : delivered.entrySet()) {
			changed += jdbc.sql("UPDATE notice_outbox SET state = 'DELIVERED', delivered_at = :now"
					+ " WHERE provider_id = :biz AND phone_hash IN (:hashes) AND state = 'SENT'").param("now", now)
					.param("biz", e.getKey()).param("hashes", e.getValue()).update();
		}
		for (Map.Entry<String, Map<String, List<String>>> e : failed.entrySet()) {
			for (Map.Entry<String, List<String>> f : e.getValue().entrySet()) {
				changed += jdbc.sql("UPDATE notice_outbox SET state = 'FAILED', error = :error"
						+ " WHERE provider_id = :biz AND phone_hash IN (:hashes) AND state = 'SENT'")
						.param("error", f.getKey()).param("biz", e.getKey()).param("hashes", f.getValue()).update();
			}
		}
		return changed;
	}

	/** Applies replies: an opt-out word records the phone's hash. Returns the phones opted out. */
	@Transactional
	public int replies(List<Map<String, Object>> replies) {
		int optedOut = 0;
		for (Map<String, Object> reply : replies) {
			String phone = PhoneNumber.normalise(String.valueOf(reply.getOrDefault("phone_number", "")));
			String content = String.valueOf(reply.getOrDefault("content", "")).strip().toUpperCase(Locale.ROOT);
			if (PhoneNumber.isValid(phone) && OPT_OUT.contains(content)) {
				optedOut += optOut(cipher.lookupHash(phone), "REPLY");
			}
		}
		return optedOut;
	}

	int optOut(String phoneHash, String source) {
		int n = jdbc.sql("INSERT INTO notice_optout (phone_hash, source, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
				.params(phoneHash, source, OffsetDateTime.now(clock)).update();
		if (n > 0) {
			audit.record("SMS_OPT_OUT", "phone", phoneHash.substring(0, 12), AuditTrail.SUCCESS, source);
		}
		return n;
	}
}
