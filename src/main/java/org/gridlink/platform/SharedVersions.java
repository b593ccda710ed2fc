package org.gridlink.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Version numbers of data that each instance keeps in memory (an index built from the database, say), one row per
 * name in {@code shared_version}: the instance that changes the data bumps the version; every instance
 * {@linkplain #watch watches} it and drops its copy when the version moved, at most one query per interval.
 */
@org.springframework.modulith.NamedInterface("api")
@Component
public class SharedVersions {

	private final JdbcClient jdbc;

	SharedVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Moves the version of {@code name} on (in the caller's transaction, if any). */
	public void bump(String name) {
		jdbc.sql("INSERT INTO shared_version (name, version) VALUES (?, 0) ON CONFLICT DO NOTHING").param(name).update();
		jdbc.sql("UPDATE shared_version SET version = version + 1 WHERE name = ?").param(name).update();
	}

	/** The version of {@code name} now (0 before the first bump). */
	public long read(String name) {
		return jdbc.sql("SELECT version FROM shared_version WHERE name = ?").param(name).query(Long.class).optional()
			.orElse(0L);
	}

	/** A watch of {@code name} that re-reads its version at most every {@code every}. */
	public Watch watch(String name, Duration every) {
		return new Watch(name, every.toNanos());
	}

	/** Tells whether a version moved since this instance last looked. */
	public final class Watch {

		private final String name;
		private final long everyNanos;
		private final AtomicBoolean checking = new AtomicBoolean();
		private volatile boolean seenAny;
		private volatile long seen;
		private volatile long checkedAt;

		private Watch(String name, long everyNanos) {
			this.name = name;
			this.everyNanos = everyNanos;
		}

		/**
		 * True when the version differs from the one read last time (never on the first read); read at most once
		 * per interval, by one caller at a time (the others meanwhile answer false). Call it before reading the
		 * data, so that what is read is at least as new as the version seen.
		 */
		public boolean changed() {
			if (seenAny && System.nanoTime() - checkedAt < everyNanos) {
				return false;
			}
			if (!checking.compareAndSet(false, true)) {
				return false;
			}
			try {
				long version = read(name);
				checkedAt = System.nanoTime();
				boolean moved = seenAny && version != seen;
				seen = version;
				seenAny = true;
				return moved;
			}
			finally {
				checking.set(false);
			}
		}
	}
}
