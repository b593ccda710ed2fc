package org.gridlink.notices;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.PersonalDataCipher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the outbox in the background, channel by channel. A batch is claimed in the database first (state CLAIMED,
 * a new attempt id, the claim time) by a conditional update, so two instances never take the same row; then handed
 * to the channel; then each result recorded (SENT/DELIVERED, FAILED; a batch to try again stays claimed, its claim
 * time moved so that it falls due after the back-off). A claim older than
 * {@code gridlink.notices.claim-timeout} belongs to a stopped process: its rows are sent again under the same attempt
 * id, which the SMS provider receives as {@code OutId} and the inbox as the row id, so nothing is lost and nothing
 * arrives twice. Non-urgent SMS wait during quiet hours (22:00–07:00 district time) and skip opted-out phones. Each
 * channel is paced to its rate across all instances ({@link ChannelPaces}); a notice whose rows are all done is marked SENT.
 */
@Component
class OutboxSender {

	private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
	static final String ROW = "id, notice_id, channel, jurisdiction_code, recipient_id, name, phone_enc, attempts,"
			+ " title, body, link, urgent, phone_hash";

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Map<ChannelKind, Channel> channels = new EnumMap<>(ChannelKind.class);
	private final ChannelPaces paces;
	private final PersonalDataCipher cipher;
	private final JurisdictionDirectory places;
	private final Notices notices;
	private final OutboxBuilder builder;
	private final Clock clock;
	private final ZoneId zone;
	private final Duration claimTimeout;
	private final Duration backoff;
	private final int maxAttempts;
	private final String noticeTemplate;
	private final String optOutTemplate;
	private final OptOutLinks optOutLinks;
	private final JsonMapper json = JsonMapper.builder().build();
	private final Duration sendDelay;
	private final Duration sendInterval;
	private final java.util.concurrent.ScheduledExecutorService thread = java.util.concurrent.Executors
			.newSingleThreadScheduledExecutor(r -> {
				Thread t = new Thread(r, "notice-sender");
				t.setDaemon(true);
				return t;
			});

	OutboxSender(JdbcClient jdbc, TransactionTemplate transactions, List<Channel> channels, PersonalDataCipher cipher,
			JurisdictionDirectory places, Notices notices, OutboxBuilder builder, Clock clock,
			@Value("${gridlink.time-zone:Asia/Shanghai}") String zone,
			@Value("${gridlink.notices.claim-timeout:PT2M}") Duration claimTimeout,
			@Value("${gridlink.notices.retry-backoff:PT30S}") Duration backoff,
			@Value("${gridlink.notices.max-attempts:5}") int maxAttempts,
			@Value("${gridlink.notices.sms.notice-template}") String noticeTemplate,
			@Value("${gridlink.notices.send-delay:10000}") long sendDelayMillis,
			@Value("${gridlink.notices.send-interval:2000}") long sendIntervalMillis,
			@Value("${gridlink.notices.sms.notice-optout-template}") String optOutTemplate, OptOutLinks optOutLinks, ChannelPaces paces) {
		this.paces = paces;
		this.optOutTemplate = optOutTemplate;
		this.optOutLinks = optOutLinks;
		this.sendDelay = Duration.ofMillis(sendDelayMillis);
		this.sendInterval = Duration.ofMillis(sendIntervalMillis);
		this.jdbc = jdbc;
		this.transactions = transactions;
		channels.forEach(c -> this.channels.put(c.kind(), c));
		this.cipher = cipher;
		this.places = places;
		this.notices = notices;
		this.builder = builder;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
		this.claimTimeout = claimTimeout;
		this.backoff = backoff;
		this.maxAttempts = maxAttempts;
		this.noticeTemplate = noticeTemplate;
	}

	/**
	 * Starts the sender on a thread of its own (not the application's one scheduler thread, which a long drain would
	 * hold up): every {@code send-interval} after {@code send-delay}; a delay of a day or more (tests) starts nothing.
	 */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	void start() {
		if (sendDelay.compareTo(Duration.ofDays(1)) < 0) {
			thread.scheduleWithFixedDelay(this::poll, sendDelay.toMillis(), sendInterval.toMillis(),
					java.util.concurrent.TimeUnit.MILLISECONDS);
		}
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		thread.shutdownNow();
	}

	void poll() {
		try {
			builder.resumeAll();
			while (drain(50) > 0) {
				// more is due
			}
		}
		catch (RuntimeException ex) {
			LOG.warn("Outbox: sending failed, trying again in the next round", ex);
		}
	}

	/** Sends what is due now, at most {@code maxBatches} batches per channel; returns the rows handled. */
	int drain(int maxBatches) {
		int handled = 0;
		for (Channel channel : channels.values()) {
			handled += takeOverStale(channel);
			for (int i = 0; i < maxBatches; i++) {
				String attempt = UUID.randomUUID().toString();
				List<Row> rows = claim(channel, attempt);
				if (rows.isEmpty()) {
					break;
				}
				deliver(channel, attempt, rows);
				handled += rows.size();
			}
		}
		finishDone();
		return handled;
	}

	/** True in the hours non-urgent SMS wait for (22:00 to 07:00 district time). */
	boolean quiet(OffsetDateTime now) {
		return quiet(now, zone);
	}

	static boolean quiet(OffsetDateTime now, ZoneId zone) {
		int hour = now.atZoneSameInstant(zone).getHour();
		return hour >= 22 || hour < 7;
	}

	/** {@code at}, or 07:00 district time after it when it falls in the quiet hours. */
	static OffsetDateTime afterQuiet(OffsetDateTime at, ZoneId zone) {
		if (!quiet(at, zone)) {
			return at;
		}
		java.time.ZonedDateTime local = at.atZoneSameInstant(zone);
		java.time.ZonedDateTime seven = local.toLocalDate().atTime(7, 0).atZone(zone);
		if (local.getHour() >= 22) {
			seven = local.toLocalDate().plusDays(1).atTime(7, 0).atZone(zone);
		}
		return seven.toOffsetDateTime().withOffsetSameInstant(at.getOffset());
	}

	List<Row> claim(Channel channel, String attempt) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		boolean urgentOnly = channel.kind() == ChannelKind.SMS && quiet(now);
		List<Object[]> due = jdbc.sql("SELECT id, urgent FROM notice_outbox WHERE state = 'QUEUED' AND channel = :channel"
				+ " AND not_before <= :now" + (urgentOnly ? " AND urgent = TRUE" : "")
				+ " AND (notice_id IS NULL OR notice_id IN (SELECT id FROM notice WHERE status = 'SENDING'"
				+ " AND outbox_built = TRUE)) ORDER BY id LIMIT :n")
				.param("channel", channel.kind().name()).param("now", now).param("n", channel.batchSize())
				.query((rs, i) -> new Object[] { rs.getLong(1), rs.getBoolean(2) }).list();
		// an SMS batch is all urgent or all not, so that a retry of a non-urgent one may wait for the morning alone
		List<Long> ids = due.stream().filter(d -> channel.kind() != ChannelKind.SMS || d[1].equals(due.get(0)[1]))
				.map(d -> (Long) d[0]).toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		if (channel.kind() == ChannelKind.SMS) {
			jdbc.sql("UPDATE notice_outbox SET state = 'OPTED_OUT', phone_enc = NULL WHERE id IN (:ids)"
					+ " AND state = 'QUEUED' AND urgent = FALSE AND phone_hash IN (SELECT phone_hash FROM notice_optout)")
					.param("ids", ids).update();
		}
		jdbc.sql("UPDATE notice_outbox SET state = 'CLAIMED', attempt_id = :attempt, claimed_at = :now,"
				+ " attempts = attempts + 1 WHERE id IN (:ids) AND state = 'QUEUED'")
				.param("attempt", attempt).param("now", now).param("ids", ids).update();
		return claimed(attempt);
	}

	private List<Row> claimed(String attempt) {
		return jdbc.sql("SELECT " + ROW + " FROM notice_outbox WHERE attempt_id = :attempt AND state = 'CLAIMED'"
				+ " ORDER BY id").param("attempt", attempt)
				.query((rs, i) -> new Row(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
						rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9),
						rs.getString(10), rs.getString(11), rs.getBoolean(12), rs.getString(13)))
				.list();
	}

	/** Sends again, under their own attempt id, the batches a stopped process had claimed. */
	int takeOverStale(Channel channel) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		OffsetDateTime cutoff = now.minus(claimTimeout);
		// in the quiet hours a non-urgent SMS batch (a retry, or one a stopped process left) waits for 07:00 too
		boolean urgentOnly = channel.kind() == ChannelKind.SMS && quiet(now);
		List<String> attempts = jdbc.sql("SELECT DISTINCT attempt_id FROM notice_outbox WHERE state = 'CLAIMED'"
				+ " AND channel = :channel AND claimed_at < :cutoff" + (urgentOnly ? " AND urgent = TRUE" : ""))
				.param("channel", channel.kind().name()).param("cutoff", cutoff).query(String.class).list();
		int handled = 0;
		for (String attempt : attempts) {
			int taken = jdbc.sql("UPDATE notice_outbox SET claimed_at = :now, attempts = attempts + 1"
					+ " WHERE attempt_id = :attempt AND state = 'CLAIMED' AND claimed_at < :cutoff").param("now", now)
					.param("attempt", attempt).param("cutoff", cutoff).update();
			if (taken > 0) {
				List<Row> rows = claimed(attempt);
				handled += rows.size();
				// the outcome of this batch is unknown (a stopped process, a lost answer, a retry): ask the provider
				// first, and send again only what it never got
				List<Channel.Result> known = reconcile(channel, attempt, rows);
				if (!known.isEmpty()) {
					record(attempt, rows, known);
					Set<Long> done = new HashSet<>();
					known.forEach(k -> done.add(k.outboxId()));
					rows = rows.stream().filter(r -> !done.contains(r.id())).toList();
				}
				LOG.warn("Outbox: sending again {} of the {} rows of attempt {}", rows.size(), taken, attempt);
				deliver(channel, attempt, rows);
			}
		}
		return handled;
	}

	private List<Channel.Result> reconcile(Channel channel, String attempt, List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		try {
			return channel.reconcile(attempt, messages(channel, rows));
		}
		catch (RuntimeException ex) {
			LOG.warn("Outbox: channel {} could not reconcile attempt {}", channel.kind(), attempt, ex);
			return rows.stream().map(r -> new Channel.Result(r.id(), Channel.Outcome.RETRY, null,
					ex.getClass().getSimpleName())).toList();
		}
	}

	private List<Channel.Message> messages(Channel channel, List<Row> rows) {
		Map<Long, String[]> texts = noticeTexts(rows);
		Map<String, String> communities = places.names(rows.stream()
				.map(r -> r.place().length() >= 12 ? r.place().substring(0, 12) : r.place()).distinct().toList());
		List<Channel.Message> messages = new ArrayList<>();
		for (Row r : rows) {
			messages.add(message(channel.kind(), r, texts, communities));
		}
		return messages;
	}

	void deliver(Channel channel, String attempt, List<Row> rows) {
		if (rows.isEmpty()) {
			return;
		}
		List<Channel.Message> messages = messages(channel, rows);
		// the opt-out links of this batch are recorded before they can reach anyone
		optOutLinks.remember(rows.stream().filter(Row::withOptOutLink).map(Row::phoneHash).distinct().toList());
		paces.acquire(channel.kind(), channel.ratePerSecond(), messages.size());
		List<Channel.Result> results;
		try {
			results = channel.send(attempt, messages);
		}
		catch (RuntimeException ex) {
			LOG.warn("Outbox: channel {} failed on attempt {}", channel.kind(), attempt, ex);
			results = rows.stream().map(r -> new Channel.Result(r.id(), Channel.Outcome.RETRY, null,
					ex.getClass().getSimpleName())).toList();
		}
		record(attempt, rows, results);
	}

	private Channel.Message message(ChannelKind kind, Row r, Map<Long, String[]> texts,
			Map<String, String> communities) {
		String community = communities.getOrDefault(r.place().length() >= 12 ? r.place().substring(0, 12) : r.place(),
				"");
		String phone = r.phoneSealed() == null ? null : cipher.decrypt(r.phoneSealed());
		if (r.noticeId() != null) {
			String[] t = texts.get(r.noticeId());
			String text = NoticeTexts.render(t[1], r.name() == null ? "" : r.name(), community);
			if (r.withOptOutLink()) {
				// the provider's registered template has the link as a parameter: "${title}：${text} 退订${link}"
				return new Channel.Message(r.id(), r.noticeId(), r.recipientId(), phone, t[0], text,
						"/notices/" + r.noticeId(), optOutTemplate,
						Map.of("title", t[0], "text", text, "link", optOutLinks.link(r.phoneHash())));
			}
			return new Channel.Message(r.id(), r.noticeId(), r.recipientId(), phone, t[0], text,
					"/notices/" + r.noticeId(), noticeTemplate, Map.of("title", t[0], "text", text));
		}
		if (kind == ChannelKind.SMS) {
			Map<String, String> params = r.body() == null || r.body().isBlank() ? Map.of()
					: json.readValue(r.body(), new TypeReference<Map<String, String>>() {
					});
			return new Channel.Message(r.id(), null, r.recipientId(), phone, "", "", null,
					r.title() == null ? "" : r.title(), params);
		}
		return new Channel.Message(r.id(), null, r.recipientId(), phone, r.title() == null ? "" : r.title(),
				r.body() == null ? "" : r.body(), r.link(), "", Map.of());
	}

	private Map<Long, String[]> noticeTexts(List<Row> rows) {
		Set<Long> ids = new HashSet<>();
		rows.forEach(r -> {
			if (r.noticeId() != null) {
				ids.add(r.noticeId());
			}
		});
		Map<Long, String[]> texts = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, title, body FROM notice WHERE id IN (:ids)").param("ids", ids)
					.query((rs, i) -> texts.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) }))
					.list();
		}
		return texts;
	}

	/** Records the results of one batch in one transaction; only rows still claimed by this attempt change. */
	private void record(String attempt, List<Row> rows, List<Channel.Result> results) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		Map<Long, Row> byId = new HashMap<>();
		rows.forEach(r -> byId.put(r.id(), r));
		Map<String, List<Long>> sent = new HashMap<>();
		List<Long> delivered = new ArrayList<>();
		List<Channel.Result> others = new ArrayList<>();
		for (Channel.Result result : results) {
			switch (result.outcome()) {
				case SENT -> sent.computeIfAbsent(result.providerId() == null ? "" : result.providerId(),
						k -> new ArrayList<>()).add(result.outboxId());
				case DELIVERED -> delivered.add(result.outboxId());
				default -> others.add(result);
			}
		}
		transactions.executeWithoutResult(tx -> {
			sent.forEach((provider, ids) -> jdbc.sql("UPDATE notice_outbox SET state = 'SENT', provider_id = :provider,"
					+ " sent_at = :now, phone_enc = NULL, error = NULL WHERE id IN (:ids) AND state = 'CLAIMED'"
					+ " AND attempt_id = :attempt").param("provider", provider.isEmpty() ? null : provider)
					.param("now", now).param("ids", ids).param("attempt", attempt).update());
			if (!delivered.isEmpty()) {
				jdbc.sql("UPDATE notice_outbox SET state = 'DELIVERED', sent_at = :now, delivered_at = :now,"
						+ " phone_enc = NULL, error = NULL WHERE id IN (:ids) AND state = 'CLAIMED' AND attempt_id = :attempt")
						.param("now", now).param("ids", delivered).param("attempt", attempt).update();
			}
			for (Channel.Result result : others) {
				Row row = byId.get(result.outboxId());
				int attempts = row == null ? maxAttempts : row.attempts();
				boolean retry = result.outcome() == Channel.Outcome.RETRY && attempts < maxAttempts;
				String error = result.error() == null ? "" : result.error();
				if (retry) {
					// kept claimed under the same attempt id: the stale-claim takeover sends the same batch again
					// after the back-off, so a provider that did accept it (a lost answer) sees the same OutId
					OffsetDateTime retryAt = now.plus(backoff.multipliedBy(1L << Math.min(attempts - 1, 10)));
					if (row != null && !row.urgent() && "SMS".equals(row.channel())) {
						retryAt = afterQuiet(retryAt, zone); // no non-urgent SMS between 22:00 and 07:00, retries too
					}
					jdbc.sql("UPDATE notice_outbox SET claimed_at = :claimed, error = :error WHERE id = :id"
							+ " AND state = 'CLAIMED' AND attempt_id = :attempt")
							.param("claimed", retryAt.minus(claimTimeout)).param("error", error)
							.param("id", result.outboxId()).param("attempt", attempt).update();
				}
				else {
					jdbc.sql("UPDATE notice_outbox SET state = 'FAILED', phone_enc = NULL, error = :error"
							+ " WHERE id = :id AND state = 'CLAIMED' AND attempt_id = :attempt").param("error", error)
							.param("id", result.outboxId()).param("attempt", attempt).update();
				}
			}
		});
	}

	/** Marks SENT the sending notices whose rows are all done. */
	void finishDone() {
		List<Long> done = jdbc.sql("SELECT n.id FROM notice n WHERE n.status = 'SENDING' AND n.outbox_built = TRUE"
				+ " AND NOT EXISTS (SELECT 1 FROM notice_outbox o WHERE o.notice_id = n.id AND o.state = 'QUEUED')"
				+ " AND NOT EXISTS (SELECT 1 FROM notice_outbox o WHERE o.notice_id = n.id AND o.state = 'CLAIMED')")
				.query(Long.class).list();
		for (Long id : done) {
			try {
				transactions.executeWithoutResult(tx -> notices.write(notices.load(id).finish(OffsetDateTime.now(clock))));
			}
			catch (ConflictException ex) {
				// another instance finished it
			}
		}
	}

	record Row(long id, @Nullable Long noticeId, String channel, String place, long recipientId, @Nullable String name,
			@Nullable String phoneSealed, int attempts, @Nullable String title, @Nullable String body,
			@Nullable String link, boolean urgent, @Nullable String phoneHash) {

		/** A notice's non-urgent SMS to a resident: it carries the phone's opt-out link. */
		boolean withOptOutLink() {
			return noticeId != null && !urgent && phoneHash != null && "SMS".equals(channel);
		}
	}
}
