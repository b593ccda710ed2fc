package org.gridlink.platform.replica;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replica's state, checked at most every {@code checkEvery} and cached in between. The thread that finds the
 * cached state stale checks (the replica pool's connection timeout bounds how long that takes when it is down);
 * threads arriving meanwhile use the previous state. A failed connection to the replica marks it down at once, until
 * the next check.
 */
public class ReplicaMonitor {

	private static final Logger LOG = LoggerFactory.getLogger(ReplicaMonitor.class);

	private final ReplicaProbe probe;
	private final Clock clock;
	private final Duration checkEvery;
	private final ReentrantLock checking = new ReentrantLock();
	private volatile ReplicaStatus status;

	public ReplicaMonitor(ReplicaProbe probe, Clock clock, Duration checkEvery) {
		this.probe = probe;
		this.clock = clock;
		this.checkEvery = checkEvery;
		// never checked: counts as stale at once
		this.status = ReplicaStatus.down("not checked yet", Instant.EPOCH);
	}

	public ReplicaStatus status() {
		ReplicaStatus current = status;
		if (isStale(current) && checking.tryLock()) {
			try {
				if (isStale(status)) {
					ReplicaStatus previous = status;
					status = probe.check();
					logChange(previous, status);
				}
				return status;
			}
			finally {
				checking.unlock();
			}
		}
		return current;
	}

	/** The last state without checking (health details). */
	public ReplicaStatus lastStatus() {
		return status;
	}

	/** A connection to the replica failed: down until the next check. */
	public void failed(Throwable failure) {
		ReplicaStatus previous = status;
		status = ReplicaStatus.down(ReplicaProbe.message(failure), clock.instant());
		logChange(previous, status);
	}

	private static void logChange(ReplicaStatus previous, ReplicaStatus now) {
		boolean first = previous.checkedAt().equals(Instant.EPOCH);
		if (now.up() && (first || !previous.up())) {
			LOG.info("Replica up, lag {} ms", now.lag() == null ? "unknown" : now.lag().toMillis());
		}
		else if (!now.up() && (first || previous.up())) {
			LOG.warn("Replica not used, read-only pages read the primary: {}", now.problem());
		}
	}

	private boolean isStale(ReplicaStatus current) {
		return !clock.instant().isBefore(current.checkedAt().plus(checkEvery));
	}
}
