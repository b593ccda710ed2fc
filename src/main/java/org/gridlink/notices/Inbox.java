package org.gridlink.notices;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A staff member's inbox: their own items, unread first; reading one confirms it (签收). For a notice, the writer
 * and approvers see who has not yet confirmed.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class Inbox {

	/** One item of the inbox. */
	@org.springframework.modulith.NamedInterface("api")
	public record Item(long id, @Nullable Long noticeId, String title, String body, @Nullable String link,
			OffsetDateTime createdAt, @Nullable OffsetDateTime readAt) {

		public boolean unread() {
			return readAt == null;
		}
	}

	/** A recipient who has not confirmed a notice yet. */
	@org.springframework.modulith.NamedInterface("api")
	public record Unread(long userId, String name, String place, OffsetDateTime since) {
	}

	private final JdbcClient jdbc;
	private final Notices notices;
	private final AuditTrail audit;
	private final Clock clock;

	Inbox(JdbcClient jdbc, Notices notices, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	public Page<Item> items(CurrentUser user, Pageable pageable) {
		long total = jdbc.sql("SELECT COUNT(*) FROM inbox_item WHERE user_id = ?").param(user.id()).query(Long.class)
				.single();
		List<Item> items = jdbc.sql("SELECT id, notice_id, title, body, link, created_at, read_at FROM inbox_item"
				+ " WHERE user_id = ? ORDER BY CASE WHEN read_at IS NULL THEN 0 ELSE 1 END, id DESC LIMIT ? OFFSET ?")
				.params(user.id(), pageable.getPageSize(), pageable.getOffset())
				.query((rs, i) -> new Item(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class),
						rs.getObject(7, OffsetDateTime.class)))
				.list();
		return new PageImpl<>(items, pageable, total);
	}

	public long unreadCount(CurrentUser user) {
		return jdbc.sql("SELECT COUNT(*) FROM inbox_item WHERE user_id = ? AND read_at IS NULL").param(user.id())
				.query(Long.class).single();
	}

	/** Confirms one of the user's own items (签收); confirming again changes nothing. */
	public Item read(CurrentUser user, long id) {
		Long owner = jdbc.sql("SELECT user_id FROM inbox_item WHERE id = ?").param(id).query(Long.class).optional()
				.orElseThrow(() -> new NotFoundException("inbox.not.found", String.valueOf(id)));
		if (owner != user.id()) {
			throw new OutOfScopeException("inbox", String.valueOf(id));
		}
		int n = jdbc.sql("UPDATE inbox_item SET read_at = ? WHERE id = ? AND read_at IS NULL")
				.params(OffsetDateTime.now(clock), id).update();
		if (n == 1) {
			audit.record("INBOX_READ", "inbox", String.valueOf(id), AuditTrail.SUCCESS, null);
		}
		return jdbc.sql("SELECT id, notice_id, title, body, link, created_at, read_at FROM inbox_item WHERE id = ?")
				.param(id).query((rs, i) -> new Item(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class),
						rs.getObject(7, OffsetDateTime.class)))
				.single();
	}

	/** Who has not yet confirmed a notice, for its writer and approvers. */
	public List<Unread> notRead(CurrentUser user, long noticeId) {
		notices.get(user, noticeId);
		return jdbc.sql("SELECT i.user_id, o.name, o.jurisdiction_code, i.created_at FROM inbox_item i"
				+ " JOIN notice_outbox o ON o.id = i.outbox_id WHERE i.notice_id = ? AND i.read_at IS NULL"
				+ " ORDER BY o.jurisdiction_code, i.user_id LIMIT 1000").param(noticeId)
				.query((rs, i) -> new Unread(rs.getLong(1), rs.getString(2) == null ? "" : rs.getString(2),
						rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
				.list();
	}
}
