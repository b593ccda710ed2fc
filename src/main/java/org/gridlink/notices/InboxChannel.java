package org.gridlink.notices;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The staff inbox: a message is an {@code inbox_item} of the user, written once per outbox row (unique
 * {@code outbox_id}), so a batch written again after a restart adds nothing. Written means delivered; reading it
 * (签收) is recorded on the item.
 */
@Component
class InboxChannel implements Channel {

	private final JdbcTemplate jdbc;
	private final Clock clock;

	InboxChannel(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.INBOX;
	}

	@Override
	public int batchSize() {
		return 500;
	}

	@Override
	public double ratePerSecond() {
		return 5_000;
	}

	@Override
	public List<Result> send(String attemptId, List<Message> batch) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<Object[]> rows = new ArrayList<>();
		for (Message m : batch) {
			rows.add(new Object[] { m.userId(), m.noticeId(), m.outboxId(), m.title(), m.text(), m.link(), now });
		}
		jdbc.batchUpdate("""
				INSERT INTO inbox_item (user_id, notice_id, outbox_id, title, body, link, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", rows);
		return batch.stream().map(m -> new Result(m.outboxId(), Outcome.DELIVERED, null, null)).toList();
	}
}
