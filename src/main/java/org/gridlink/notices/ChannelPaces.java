package org.gridlink.notices;

import java.util.concurrent.locks.LockSupport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Paces each channel to its provider's rate across all instances: the channel's next free moment is one row of
 * {@code notice_channel_pace}; a batch reserves its share of time there (the row lock orders the instances) and waits
 * until its start. With one instance per process the pace lived in memory and two instances sent twice the rate.
 */
@Component
class ChannelPaces {

	private final JdbcClient jdbc;
	private final TransactionTemplate ownTransaction;

	ChannelPaces(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		// committed at once: the row lock is held for two statements, not for the caller's work
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Waits until {@code messages} may go out on the channel at {@code perSecond}. */
	void acquire(ChannelKind channel, double perSecond, int messages) {
		long start = reserve(channel.name(), perSecond, messages, nowMicros());
		long wait = start - nowMicros();
		if (wait > 0) {
			LockSupport.parkNanos(wait * 1_000);
		}
	}

	/**
	 * Reserves the channel's time for {@code messages} from {@code now} on (or from the end of the last reservation,
	 * whichever is later) and answers the reservation's start, in microseconds since the epoch.
	 */
	long reserve(String channel, double perSecond, int messages, long now) {
		long share = (long) (messages * 1_000_000L / perSecond);
		Long start = ownTransaction.execute(status -> {
			jdbc.sql("UPDATE notice_channel_pace SET next_micros = GREATEST(next_micros, ?) + ? WHERE channel = ?")
					.params(now, share, channel).update();
			return jdbc.sql("SELECT next_micros FROM notice_channel_pace WHERE channel = ?").param(channel)
					.query(Long.class).single() - share;
		});
		return start == null ? now : start;
	}

	private static long nowMicros() {
		return System.currentTimeMillis() * 1_000;
	}
}
