package org.gridlink.notices;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One way of delivering outbox rows, configured per installation (a bean per kind). {@link OutboxSender} claims a
 * batch, hands it over with the batch's attempt id (stable across a restart, the provider's idempotency key where it
 * has one) and records each result.
 */
public interface Channel {

	ChannelKind kind();

	/** Most rows per call. */
	int batchSize();

	/** Sends at most this many messages a second (the provider's rate limit). */
	double ratePerSecond();

	List<Result> send(String attemptId, List<Message> batch);

	/**
	 * Before a batch whose outcome is unknown (a stopped process, a lost answer) is sent again under the same attempt
	 * id: what the provider knows of it. A result for each message it has (SENT, DELIVERED, FAILED) or could not be
	 * asked about now (RETRY); messages it never got are left out and are sent again. By default nothing is known.
	 */
	default List<Result> reconcile(String attemptId, List<Message> batch) {
		return List.of();
	}

	/**
	 * One message: to a user id ({@code INBOX}) or a phone ({@code SMS}, plain only while being sent); SMS use
	 * {@code template} and {@code params}, the inbox {@code title}, {@code text} and {@code link}.
	 */
	record Message(long outboxId, @Nullable Long noticeId, long userId, @Nullable String phone, String title, String text,
			@Nullable String link, String template, java.util.Map<String, String> params) {
	}

	enum Outcome {
		/** Accepted by the provider (or written, for the inbox: then also delivered). */
		SENT, DELIVERED,
		/** Not accepted now; try again later. */
		RETRY,
		/** Refused for good (an invalid number). */
		FAILED
	}

	record Result(long outboxId, Outcome outcome, @Nullable String providerId, @Nullable String error) {
	}
}
