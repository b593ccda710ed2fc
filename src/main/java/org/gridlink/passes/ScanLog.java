package org.gridlink.passes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The scan log: each scan a checkpoint page records (checkpoint, time, direction, result) is uploaded in batches
 * when the page is online, each with a UUID the page made, so that uploading a batch again adds nothing. From it:
 * daily counts per checkpoint (persons and vehicles in and out, refusals, unknowns) and the entry/exit log of
 * compound gates.
 */
@Service
public class ScanLog {

	/** Most scans in one upload. */
	public static final int MAX_BATCH = 500;
	/** The oldest scan accepted (a device offline for a long time), and the furthest ahead (clock skew). */
	static final Duration MAX_AGE = Duration.ofDays(31);
	static final Duration MAX_AHEAD = Duration.ofMinutes(10);
	private static final Pattern HASH = Pattern.compile("[0-9a-f]{16}");

	public enum Direction {
		IN, OUT
	}

	/** One scan as the page recorded it. {@code verifiedBy}: DEVICE (in the page) or SERVER. */
	public record Scan(@Nullable UUID clientId, @Nullable Instant scannedAt, @Nullable Direction direction,
			@Nullable VerifyResult result, @Nullable VerifyReason reason, @Nullable PassType type,
			@Nullable String holder, @Nullable String passHash, @Nullable String verifiedBy) {
	}

	/** What an upload did: scans stored now, and scans already stored before (sent again). */
	public record Uploaded(int stored, int duplicates) {
	}

	/** One day at one checkpoint: crossings with a valid pass by type and direction, refusals and unknowns. */
	public record DailyCount(long checkpointId, String checkpointName, LocalDate day, long personsIn,
			long personsOut, long vehiclesIn, long vehiclesOut, long refused, long unknown) {
	}

	/** One line of a gate's entry/exit log. */
	public record GateEntry(UUID clientId, OffsetDateTime scannedAt, Direction direction, VerifyResult result,
			VerifyReason reason, @Nullable PassType type, @Nullable String holder, String uploadedBy) {
	}

	private final JdbcClient jdbc;
	private final Checkpoints checkpoints;
	private final Clock clock;
	private final ZoneId zone;

	private final org.springframework.context.ApplicationEventPublisher events;
	private final org.springframework.transaction.support.TransactionTemplate transactions;

	ScanLog(JdbcClient jdbc, Checkpoints checkpoints, Clock clock,
			org.springframework.context.ApplicationEventPublisher events,
			org.springframework.transaction.support.TransactionTemplate transactions) {
		this.events = events;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.checkpoints = checkpoints;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	/**
	 * Stores a batch of scans at a checkpoint the caller may see (in scope or on a shift there). Every scan is
	 * checked before any is stored; a scan whose client id is already stored is counted as a duplicate and skipped.
	 */
	public Uploaded upload(CurrentUser user, long checkpointId, @Nullable List<Scan> scans, Instant now) {
		Checkpoint checkpoint = checkpoints.get(user, checkpointId);
		if (scans == null || scans.isEmpty() || scans.size() > MAX_BATCH) {
			throw new InvalidInputException("checkpoints.scans.batch", MAX_BATCH);
		}
		for (int i = 0; i < scans.size(); i++) {
			check(scans.get(i), i, now);
		}
		int stored = 0;
		int duplicates = 0;
		OffsetDateTime uploadedAt = now.atOffset(ZoneOffset.UTC);
		for (Scan scan : scans) {
			// no surrounding transaction: a duplicate raced in by a second upload fails alone
			if (exists(scan.clientId())) {
				duplicates++;
				continue;
			}
			try {
				jdbc.sql("""
						INSERT INTO checkpoint_scan (client_id, checkpoint_id, scanned_at, scan_day, direction, result, reason,
						pass_type, holder, pass_hash, verified_by, uploaded_by, uploaded_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
						.params(scan.clientId(), checkpoint.id(), scan.scannedAt().atOffset(ZoneOffset.UTC),
								scan.scannedAt().atZone(zone).toLocalDate(), scan.direction().name(),
								scan.result().name(), scan.reason().name(), scan.type() == null ? null : scan.type().name(),
								blankToNull(scan.holder()), blankToNull(scan.passHash()),
								scan.verifiedBy() == null ? "DEVICE" : scan.verifiedBy(), user.username(), uploadedAt)
						.update();
				stored++;
			}
			catch (DuplicateKeyException ex) {
				duplicates++;
			}
		}
		if (stored > 0) { // in a transaction of its own: module listeners receive only events of a transaction
			transactions.executeWithoutResult(tx -> events.publishEvent(new CheckpointScanned(checkpoint.id())));
		}
		return new Uploaded(stored, duplicates);
	}

	private void check(Scan scan, int index, Instant now) {
		if (scan == null || scan.clientId() == null || scan.scannedAt() == null || scan.direction() == null
				|| scan.result() == null || scan.reason() == null) {
			throw new InvalidInputException("checkpoints.scan.incomplete", index + 1);
		}
		if (scan.reason().result() != scan.result()) {
			throw new InvalidInputException("checkpoints.scan.reason", index + 1);
		}
		if (scan.scannedAt().isBefore(now.minus(MAX_AGE)) || scan.scannedAt().isAfter(now.plus(MAX_AHEAD))) {
			throw new InvalidInputException("checkpoints.scan.time", index + 1);
		}
		if (scan.holder() != null && scan.holder().length() > 60
				|| scan.passHash() != null && !scan.passHash().isEmpty() && !HASH.matcher(scan.passHash()).matches()
				|| scan.verifiedBy() != null && !scan.verifiedBy().equals("DEVICE") && !scan.verifiedBy().equals("SERVER")) {
			throw new InvalidInputException("checkpoints.scan.invalid", index + 1);
		}
	}

	/** Daily counts per checkpoint in the caller's scope, for the days {@code from} to {@code to} (local dates). */
	public List<DailyCount> counts(CurrentUser user, @Nullable Long checkpointId, LocalDate from, LocalDate to) {
		CheckpointAccess.require(user, CheckpointAccess.READERS, "read");
		if (to.isBefore(from) || from.plusDays(92).isBefore(to)) {
			throw new InvalidInputException("checkpoints.period.invalid");
		}
		String filter;
		List<Object> params = new ArrayList<>(List.of(from, to));
		if (checkpointId != null) {
			checkpoints.get(user, checkpointId);
			filter = "c.id = ?";
			params.add(checkpointId);
		}
		else {
			filter = user.scope().sqlCondition("c.jurisdiction_code");
		}
		Map<String, DailyCount> out = new LinkedHashMap<>();
		jdbc.sql("SELECT c.id, c.name, s.scan_day, s.result, s.pass_type, s.direction, COUNT(*) AS n"
				+ " FROM checkpoint_scan s JOIN checkpoint c ON c.id = s.checkpoint_id"
				+ " WHERE s.scan_day >= ? AND s.scan_day <= ? AND " + filter
				+ " GROUP BY c.id, c.name, s.scan_day, s.result, s.pass_type, s.direction"
				+ " ORDER BY s.scan_day DESC, c.name, c.id").params(params).query((ResultSet rs) -> {
			long id = rs.getLong("id");
			LocalDate day = rs.getObject("scan_day", LocalDate.class);
			String key = id + "/" + day;
			DailyCount count = out.getOrDefault(key,
					new DailyCount(id, rs.getString("name"), day, 0, 0, 0, 0, 0, 0));
			out.put(key, add(count, VerifyResult.valueOf(rs.getString("result")), rs.getString("pass_type"),
					rs.getString("direction"), rs.getLong("n")));
		});
		return List.copyOf(out.values());
	}

	private static DailyCount add(DailyCount c, VerifyResult result, @Nullable String type, String direction, long n) {
		if (result == VerifyResult.UNKNOWN) {
			return new DailyCount(c.checkpointId(), c.checkpointName(), c.day(), c.personsIn(), c.personsOut(),
					c.vehiclesIn(), c.vehiclesOut(), c.refused(), c.unknown() + n);
		}
		if (result != VerifyResult.VALID) {
			return new DailyCount(c.checkpointId(), c.checkpointName(), c.day(), c.personsIn(), c.personsOut(),
					c.vehiclesIn(), c.vehiclesOut(), c.refused() + n, c.unknown());
		}
		boolean vehicle = "VEHICLE".equals(type);
		boolean in = "IN".equals(direction);
		return new DailyCount(c.checkpointId(), c.checkpointName(), c.day(),
				c.personsIn() + (!vehicle && in ? n : 0), c.personsOut() + (!vehicle && !in ? n : 0),
				c.vehiclesIn() + (vehicle && in ? n : 0), c.vehiclesOut() + (vehicle && !in ? n : 0), c.refused(),
				c.unknown());
	}

	/** The scans of one checkpoint on one local day, newest first, paged: a compound gate's entry/exit log. */
	public Page<GateEntry> log(CurrentUser user, long checkpointId, LocalDate day, Pageable page) {
		checkpoints.get(user, checkpointId);
		long total = jdbc.sql("SELECT COUNT(*) FROM checkpoint_scan WHERE checkpoint_id = ? AND scan_day = ?")
				.params(checkpointId, day).query(Long.class).single();
		List<GateEntry> rows = jdbc.sql("""
				SELECT * FROM checkpoint_scan WHERE checkpoint_id = ? AND scan_day = ?
				ORDER BY scanned_at DESC, id DESC LIMIT ? OFFSET ?""")
				.params(checkpointId, day, page.getPageSize(), page.getOffset()).query(ScanLog::entry).list();
		return new PageImpl<>(rows, page, total);
	}

	/** Today's local date in the district. */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	private boolean exists(UUID clientId) {
		return jdbc.sql("SELECT COUNT(*) FROM checkpoint_scan WHERE client_id = ?").param(clientId).query(Long.class)
				.single() > 0;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static GateEntry entry(ResultSet rs, int n) throws SQLException {
		String type = rs.getString("pass_type");
		return new GateEntry(rs.getObject("client_id", UUID.class), rs.getObject("scanned_at", OffsetDateTime.class),
				Direction.valueOf(rs.getString("direction")), VerifyResult.valueOf(rs.getString("result")),
				VerifyReason.valueOf(rs.getString("reason")), type == null ? null : PassType.valueOf(type),
				rs.getString("holder"), rs.getString("uploaded_by"));
	}
}
