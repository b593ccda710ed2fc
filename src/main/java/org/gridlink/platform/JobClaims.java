package org.gridlink.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Claims a scheduled job's run once across all instances on one database: the run of job {@code job} for a time slot
 * (its interval counted from the epoch, e.g. the minute of a watcher that runs every minute) goes to the instance
 * whose insert of the {@code job_claim} row wins; the others skip that slot. An instance that dies in the middle
 * leaves the rest to the next slot, so the jobs claimed here must also be safe to run again (their row-level marks
 * make them so). Claims are kept a week and then deleted.
 */
@org.springframework.modulith.NamedInterface("api")
@Component
public class JobClaims {

	private static final Duration KEEP = Duration.ofDays(7);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final String instanceId;
	private final AtomicLong nextPurge = new AtomicLong();

	@Autowired
	JobClaims(JdbcClient jdbc, Clock clock) {
		this(jdbc, clock, Retention.defaultInstanceId());
	}

	/** Claims as {@code instanceId}: another instance in tests. */
	public JobClaims(JdbcClient jdbc, Clock clock, String instanceId) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.instanceId = instanceId;
	}

	/** This instance's name in the claims (host/pid/uuid). */
	public String instanceId() {
		return instanceId;
	}

	/** The start of the slot of {@code every} that holds {@code at}. */
	public static Instant slot(Instant at, Duration every) {
		long width = Math.max(1, every.toMillis());
		return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), width) * width);
	}

	/** Claims the run of {@code job} for the slot of {@code every} that holds {@code at}; true when this instance won. */
	public boolean claim(String job, Duration every, Instant at) {
		Instant slot = slot(at, every);
		Instant now = clock.instant();
		int inserted = jdbc.sql("""
				INSERT INTO job_claim (job, slot_start, claimed_by, claimed_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(job, slot.atOffset(ZoneOffset.UTC), instanceId, now.atOffset(ZoneOffset.UTC)).update();
		long next = nextPurge.get();
		if (inserted == 1 && now.toEpochMilli() >= next && nextPurge.compareAndSet(next, now.toEpochMilli() + 3_600_000)) {
			jdbc.sql("DELETE FROM job_claim WHERE claimed_at < ?").param(now.minus(KEEP).atOffset(ZoneOffset.UTC))
				.update();
		}
		return inserted == 1;
	}

	/** Claims the run of {@code job} for the current slot of {@code every}. */
	public boolean claim(String job, Duration every) {
		return claim(job, every, clock.instant());
	}

	/** Who claimed the slot of {@code every} holding {@code at}, if anyone (tests, checks). */
	public java.util.Optional<String> claimedBy(String job, Duration every, Instant at) {
		return jdbc.sql("SELECT claimed_by FROM job_claim WHERE job = ? AND slot_start = ?")
			.params(job, slot(at, every).atOffset(ZoneOffset.UTC)).query(String.class).optional();
	}
}
