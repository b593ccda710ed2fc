package org.gridlink.platform;

import java.net.InetAddress;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Runs the {@link RetentionRule}s of all modules (issue 12): once a day after {@code gridlink.retention.run-at}
 * (district time, default 03:30), checked every {@code gridlink.retention.check-every}; and on an admin's "run
 * now". Several instances may share the database: the day's run is claimed by inserting its {@code retention_run}
 * row (unique day), so exactly one instance purges. Each rule's purge is audited ({@code RETENTION_PURGE}, the rule
 * key as subject, the count and cutoff as detail) and kept with the run for the retention page.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	/** A rule as the page shows it: name, period and its property, the cutoff and what is due now. */
	public record RuleStatus(String key, String nameKey, String periodProperty, Period period, OffsetDateTime cutoff,
			int due) {
	}

	/** One run with its counts per rule key. */
	public record Run(long id, @Nullable LocalDate runDay, String trigger, String claimedBy,
			@Nullable String startedBy, OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt,
			@Nullable String outcome, Map<String, Integer> purged) {
	}

	private final List<RetentionRule> rules;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final AuditTrail audit;
	private final ZoneId zone;
	private final LocalTime runAt;
	final String instanceId;

	@org.springframework.beans.factory.annotation.Autowired
	Retention(List<RetentionRule> rules, JdbcClient jdbc, Clock clock, AuditTrail audit,
			@Value("${gridlink.time-zone:Asia/Shanghai}") ZoneId zone,
			@Value("${gridlink.retention.run-at:03:30}") LocalTime runAt) {
		this(rules, jdbc, clock, audit, zone, runAt, defaultInstanceId());
	}

	/** A scheduler claiming runs as {@code instanceId}: another instance in tests. */
	public Retention(List<RetentionRule> rules, JdbcClient jdbc, Clock clock, AuditTrail audit, ZoneId zone,
			LocalTime runAt, String instanceId) {
		this.rules = rules.stream().sorted(Comparator.comparing(RetentionRule::key)).toList();
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.zone = zone;
		this.runAt = runAt;
		this.instanceId = instanceId;
	}

	static String defaultInstanceId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			host = "unknown";
		}
		String id = host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID();
		return id.length() > 100 ? id.substring(id.length() - 100) : id;
	}

	/** The rules with their periods and what is due now (admin and auditor). */
	public List<RuleStatus> rules(CurrentUser user) {
		requireAdminOrAuditor(user);
		OffsetDateTime now = OffsetDateTime.now(clock);
		return rules.stream().map(r -> {
			OffsetDateTime cutoff = cutoff(r, now);
			return new RuleStatus(r.key(), r.nameKey(), r.periodProperty(), r.period(), cutoff, r.countDue(cutoff));
		}).toList();
	}

	/** The latest runs, newest first, with their counts (admin and auditor). */
	public List<Run> runs(CurrentUser user, int limit) {
		requireAdminOrAuditor(user);
		List<Run> runs = jdbc.sql("""
				SELECT id, run_day, trigger_kind, claimed_by, started_by, started_at, finished_at, outcome
				FROM retention_run ORDER BY started_at DESC, id DESC LIMIT ?""").param(Math.max(1, limit))
				.query((rs, i) -> new Run(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class),
						rs.getObject(7, OffsetDateTime.class), rs.getString(8), new LinkedHashMap<>()))
				.list(); // not .stream(): an unclosed stream keeps its connection
		for (Run run : runs) {
			jdbc.sql("SELECT rule_key, purged FROM retention_purge WHERE run_id = ? ORDER BY rule_key").param(run.id())
					.query((rs, i) -> run.purged().put(rs.getString(1), rs.getInt(2))).list();
		}
		return runs;
	}

	/** "Run now": the admin purges what is due at once (in addition to the daily run). */
	public Run runNow(CurrentUser user) {
		if (!user.has(Role.ADMIN)) {
			throw new AccessDeniedException("retention: admin only");
		}
		long id = insertRun(null, "MANUAL", user.username());
		purge(id);
		return runs(user, 50).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
	}

	/** The scheduler's check: runs the day's purge once the time of day has come, on the instance that claims it. */
	@Scheduled(initialDelayString = "${gridlink.retention.check-every:PT5M}",
			fixedDelayString = "${gridlink.retention.check-every:PT5M}")
	public void tick() {
		runIfDue();
	}

	/** Runs today's purge if it is time and no instance has claimed it; answers whether this instance ran it. */
	public boolean runIfDue() {
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
		if (now.toLocalTime().isBefore(runAt)) {
			return false;
		}
		long id;
		try {
			id = insertRun(now.toLocalDate(), "SCHEDULE", null);
		}
		catch (DuplicateKeyException ex) {
			return false; // another instance (or an earlier check) has today's run
		}
		purge(id);
		return true;
	}

	private long insertRun(@Nullable LocalDate day, String trigger, @Nullable String startedBy) {
		jdbc.sql("""
				INSERT INTO retention_run (run_day, trigger_kind, claimed_by, started_by, started_at)
				VALUES (?, ?, ?, ?, ?)""").params(day, trigger, instanceId, startedBy, OffsetDateTime.now(clock))
				.update();
		return jdbc.sql("SELECT MAX(id) FROM retention_run WHERE claimed_by = ? AND trigger_kind = ?")
				.params(instanceId, trigger).query(Long.class).single();
	}

	private void purge(long runId) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		boolean failed = false;
		for (RetentionRule rule : rules) {
			OffsetDateTime cutoff = cutoff(rule, now);
			try {
				int purged = rule.purge(cutoff);
				jdbc.sql("INSERT INTO retention_purge (run_id, rule_key, cutoff, purged) VALUES (?, ?, ?, ?)")
						.params(runId, rule.key(), cutoff, purged).update();
				audit.recordAs("system", "RETENTION_PURGE", "retention", rule.key(), AuditTrail.SUCCESS,
						"purged=" + purged + " cutoff=" + cutoff + " run=" + runId);
			}
			catch (RuntimeException ex) {
				failed = true;
				log.error("Retention rule {} failed", rule.key(), ex);
				String reason = String.valueOf(ex.getClass().getSimpleName());
				jdbc.sql("INSERT INTO retention_purge (run_id, rule_key, cutoff, purged, failure) VALUES (?, ?, ?, 0, ?)")
						.params(runId, rule.key(), cutoff, reason).update();
				audit.recordAs("system", "RETENTION_PURGE", "retention", rule.key(), AuditTrail.FAILURE,
						"run=" + runId + " " + reason);
			}
		}
		jdbc.sql("UPDATE retention_run SET finished_at = ?, outcome = ? WHERE id = ?")
				.params(OffsetDateTime.now(clock), failed ? AuditTrail.FAILURE : AuditTrail.SUCCESS, runId).update();
	}

	/** The rule's cutoff: now minus its period, in district time (a period of days counts calendar days). */
	OffsetDateTime cutoff(RetentionRule rule, OffsetDateTime now) {
		return now.atZoneSameInstant(zone).minus(rule.period()).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS);
	}

	private static void requireAdminOrAuditor(CurrentUser user) {
		if (!user.has(Role.ADMIN) && !user.has(Role.AUDITOR)) {
			throw new AccessDeniedException("retention: admin or auditor only");
		}
	}

	/** The number of rules (for tests and the page). */
	public List<String> keys() {
		return new ArrayList<>(rules.stream().map(RetentionRule::key).toList());
	}
}
