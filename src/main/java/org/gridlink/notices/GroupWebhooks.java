package org.gridlink.notices;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.shared.JurisdictionCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The work-chat groups (企业微信群机器人) notices reach: a community, grid or building group is a jurisdiction code
 * with a name and the robot's webhook address. Kept by the notice writers of the place (scope-checked). The address
 * holds the robot's key: sealed at rest, shown masked, and it must start with
 * {@code gridlink.notices.group.allowed-url-prefix} (the WeCom webhook address), so a notice cannot be made to post
 * elsewhere.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class GroupWebhooks {

	/** One group as shown: the address masked. */
	@org.springframework.modulith.NamedInterface("api")
	public record Group(long id, String jurisdictionCode, String name, String webhookMasked, String createdBy,
			OffsetDateTime createdAt) {
	}

	private final JdbcClient jdbc;
	private final PersonalDataCipher cipher;
	private final JurisdictionDirectory places;
	private final AuditTrail audit;
	private final Clock clock;
	private final String allowedPrefix;

	GroupWebhooks(JdbcClient jdbc, PersonalDataCipher cipher, JurisdictionDirectory places, AuditTrail audit,
			Clock clock,
			@Value("${gridlink.notices.group.allowed-url-prefix:https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=}")
			String allowedPrefix) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.places = places;
		this.audit = audit;
		this.clock = clock;
		this.allowedPrefix = allowedPrefix;
	}

	/** The groups inside the user's scope. */
	public List<Group> list(CurrentUser user) {
		requireWriter(user);
		return jdbc.sql("SELECT id, jurisdiction_code, name, webhook_masked, created_by, created_at"
				+ " FROM notice_group_webhook WHERE " + user.scope().sqlCondition("jurisdiction_code")
				+ " ORDER BY jurisdiction_code, name")
				.query((rs, i) -> new Group(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
				.list();
	}

	/** Adds a group of a place in the user's scope. */
	public Group add(CurrentUser user, @org.jspecify.annotations.Nullable String jurisdictionCode,
			@org.jspecify.annotations.Nullable String name, @org.jspecify.annotations.Nullable String webhookUrl) {
		requireWriter(user);
		String code = jurisdictionCode == null ? "" : jurisdictionCode.strip();
		if (!JurisdictionCode.isValid(code) || !places.exists(code)) {
			throw new InvalidInputException("notices.groups.jurisdiction.unknown", code);
		}
		if (!user.scope().covers(code)) {
			audit.record("NOTICE_GROUP_ADD", "jurisdiction", code, AuditTrail.DENIED, "out of scope");
			throw new OutOfScopeException("jurisdiction", code);
		}
		String label = name == null ? "" : name.strip();
		if (label.isEmpty() || label.length() > 100) {
			throw new InvalidInputException("notices.groups.name.invalid");
		}
		String url = webhookUrl == null ? "" : webhookUrl.strip();
		if (!url.startsWith(allowedPrefix) || url.length() <= allowedPrefix.length() || url.length() > 400
				|| url.chars().anyMatch(c -> c <= ' ')) {
			throw new InvalidInputException("notices.groups.webhook.invalid", allowedPrefix);
		}
		URI.create(url);
		boolean taken = jdbc.sql("SELECT COUNT(*) FROM notice_group_webhook WHERE jurisdiction_code = ? AND name = ?")
				.params(code, label).query(Long.class).single() > 0;
		if (taken) {
			throw new InvalidInputException("notices.groups.name.taken", label);
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO notice_group_webhook (jurisdiction_code, name, webhook_enc, webhook_masked, created_by,"
				+ " created_at) VALUES (?, ?, ?, ?, ?, ?)")
				.params(code, label, cipher.encrypt(url), masked(url), user.username(), now).update(keys, "id");
		long id = java.util.Objects.requireNonNull(keys.getKey()).longValue();
		audit.record("NOTICE_GROUP_ADD", "notice_group", String.valueOf(id), AuditTrail.SUCCESS, code);
		return new Group(id, code, label, masked(url), user.username(), now);
	}

	/** Removes a group of a place in the user's scope. */
	public void remove(CurrentUser user, long id) {
		requireWriter(user);
		String code = jdbc.sql("SELECT jurisdiction_code FROM notice_group_webhook WHERE id = ?").param(id)
				.query(String.class).optional()
				.orElseThrow(() -> new NotFoundException("notices.groups.not.found", String.valueOf(id)));
		if (!user.scope().covers(code)) {
			throw new OutOfScopeException("notice_group", String.valueOf(id));
		}
		jdbc.sql("DELETE FROM notice_group_webhook WHERE id = ?").param(id).update();
		audit.record("NOTICE_GROUP_REMOVE", "notice_group", String.valueOf(id), AuditTrail.SUCCESS, code);
	}

	/** The webhook address of a group, for the channel (empty when the group was removed). */
	Optional<String> webhook(long id) {
		return jdbc.sql("SELECT webhook_enc FROM notice_group_webhook WHERE id = ?").param(id).query(String.class)
				.optional().map(cipher::decrypt);
	}

	/** The address with the robot's key hidden but its last four characters. */
	static String masked(String url) {
		int key = url.indexOf("key=");
		String head = key >= 0 ? url.substring(0, key + 4) : url.substring(0, Math.min(url.length(), 40));
		String tail = url.length() > 4 ? url.substring(url.length() - 4) : "";
		String out = head + "****" + tail;
		return out.length() > 120 ? out.substring(0, 120) : out;
	}

	private static void requireWriter(CurrentUser user) {
		if (!NoticeAccess.may(user, NoticeAccess.Action.WRITE)) {
			throw new OutOfScopeException("notice_groups", "role");
		}
	}
}
