package org.gridlink.passes;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ids of revoked passes, held in memory so that verification (the checkpoints' hot path) needs no query. A
 * revocation made here enters the set when its transaction commits. Revocations made by another instance are found
 * by a version check: at most once per {@code gridlink.passes.revocation-refresh} (1 s) one verifying thread reads
 * the number of revoked passes and the latest revocation time (index {@code pass_revoked}) and reloads the set when
 * they changed. Revocations are never undone, so the pair only grows.
 */
@Component
class RevokedPasses {

	private record State(long count, @Nullable OffsetDateTime latest, Set<UUID> ids) {
	}

	private final JdbcClient jdbc;
	private final long refreshNanos;
	private final ReentrantLock checking = new ReentrantLock();
	private volatile @Nullable State state;
	private volatile long checkedAt;

	RevokedPasses(JdbcClient jdbc, @Value("${gridlink.passes.revocation-refresh:PT1S}") Duration refresh) {
		this.jdbc = jdbc;
		this.refreshNanos = refresh.toNanos();
	}

	boolean contains(UUID id) {
		State current = state;
		long now = System.nanoTime();
		if (current == null) {
			current = first();
		}
		else if (now - checkedAt > refreshNanos && checking.tryLock()) {
			try {
				current = check(current);
			}
			finally {
				checking.unlock();
			}
		}
		return current.ids().contains(id);
	}

	/** Called inside the revoking transaction: the id joins the set once the transaction commits. */
	void revokedInThisTransaction(UUID id) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					add(id);
				}
			});
		}
		else {
			add(id);
		}
	}

	private synchronized void add(UUID id) {
		State current = state;
		if (current != null) {
			Set<UUID> ids = new HashSet<>(current.ids());
			ids.add(id);
			// the version stays: the next check sees a higher count and reloads, which is correct if wasteful
			state = new State(current.count(), current.latest(), Set.copyOf(ids));
		}
	}

	private State check(State current) {
		checkedAt = System.nanoTime();
		Version version = version();
		if (version.count() == current.count() && java.util.Objects.equals(version.latest(), current.latest())) {
			return current;
		}
		return load();
	}

	private record Version(long count, @Nullable OffsetDateTime latest) {
	}

	private Version version() {
		return jdbc.sql("SELECT COUNT(*) AS n, MAX(revoked_at) AS latest FROM pass WHERE revoked_at IS NOT NULL")
				.query((rs, n) -> new Version(rs.getLong("n"), rs.getObject("latest", OffsetDateTime.class)))
				.single();
	}

	/** The first load; threads that waited for it take its result instead of loading again. */
	private synchronized State first() {
		State current = state;
		return current != null ? current : load();
	}

	private synchronized State load() {
		checkedAt = System.nanoTime();
		Version version = version();
		// all of them, also those whose window has ended (a replay at an earlier time must still see them): 16 bytes
		// and a set entry each, a few MB for a hundred thousand revocations
		Set<UUID> ids = Set.copyOf(jdbc.sql("SELECT id FROM pass WHERE revoked_at IS NOT NULL").query(UUID.class).list());
		State loaded = new State(version.count(), version.latest(), ids);
		state = loaded;
		return loaded;
	}
}
