package org.gridlink.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The version of everything an authenticated API request depends on (tokens, accounts' enabled flag, roles, scope),
 * shared by all instances through one row. A change calls {@link #bump()} in its transaction; the in-memory
 * principal cache of each instance compares {@link #current()} with the version its entries were read at. This
 * instance sees its own change at once (the next request re-reads the row after the commit); another instance within
 * {@code gridlink.security.epoch-check} (half a second), since it re-reads the row at most that often — one query per
 * instance and interval instead of one per request.
 */
@Component
public class SecurityEpoch {

	private final JdbcClient jdbc;
	private final long checkEveryNanos;
	private final AtomicBoolean reading = new AtomicBoolean();
	private volatile long version = -1;
	private volatile long readAtNanos;
	private volatile boolean stale = true;

	SecurityEpoch(JdbcClient jdbc, @Value("${gridlink.security.epoch-check:PT0.5S}") Duration checkEvery) {
		this.jdbc = jdbc;
		this.checkEveryNanos = checkEvery.toNanos();
	}

	/** Records a change; call inside the transaction that makes it. */
	public void bump() {
		jdbc.sql("UPDATE security_epoch SET version = version + 1 WHERE id = 1").update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					stale = true;
				}
			});
		}
		stale = true;
	}

	/**
	 * The version as this instance knows it: re-read at once after this instance changed something, otherwise when
	 * the last read is older than the interval (by one caller; the others meanwhile use the version they knew).
	 */
	public long current() {
		if (stale || version < 0) {
			return read();
		}
		if (System.nanoTime() - readAtNanos > checkEveryNanos && reading.compareAndSet(false, true)) {
			try {
				return read();
			}
			finally {
				reading.set(false);
			}
		}
		return version;
	}

	private long read() {
		stale = false; // a commit during the query sets it again, so the next caller reads once more
		long read;
		try {
			read = jdbc.sql("SELECT version FROM security_epoch WHERE id = 1").query(Long.class).single();
		}
		catch (RuntimeException ex) {
			stale = true;
			throw ex;
		}
		synchronized (this) { // reads that finish out of order never move the version back
			if (read > version) {
				version = read;
			}
			readAtNanos = System.nanoTime();
			return version;
		}
	}
}
