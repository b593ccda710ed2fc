package org.gridlink.notices;

import java.time.OffsetDateTime;
import java.util.List;

import org.gridlink.shared.JurisdictionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures of what notices reached people, for the command center's daily summary: per notice and channel the
 * messages sent (or delivered) in a period to recipients under a jurisdiction. Figures only (a notice's id, title
 * and counts, no recipient). A system reader without a user: the caller scopes what it shows.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class NoticeFacts {

	/** One notice's messages over one channel in the period. */
	@org.springframework.modulith.NamedInterface("api")
	public record Sent(long noticeId, String title, ChannelKind channel, long count) {
	}

	private final JdbcClient jdbc;

	NoticeFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The messages of notices sent in {@code [from, to)} to recipients whose place lies under {@code jurisdiction}
	 * (a recipient's grid; staff by the place the notice reached them at), per notice and channel, by notice id.
	 */
	@Transactional(readOnly = true)
	public List<Sent> sentBetween(String jurisdiction, OffsetDateTime from, OffsetDateTime to) {
		String prefix = JurisdictionCode.of(jurisdiction).prefix();
		return jdbc.sql("""
				SELECT o.notice_id, n.title, o.channel, COUNT(*) FROM notice_outbox o JOIN notice n ON n.id = o.notice_id
				WHERE o.state IN ('SENT', 'DELIVERED') AND o.sent_at >= ? AND o.sent_at < ? AND o.jurisdiction_code LIKE ?
				GROUP BY o.notice_id, n.title, o.channel ORDER BY o.notice_id, o.channel""")
				.params(from, to, prefix + "%")
				.query((rs, i) -> new Sent(rs.getLong(1), rs.getString(2), ChannelKind.valueOf(rs.getString(3)),
						rs.getLong(4)))
				.list();
	}
}
