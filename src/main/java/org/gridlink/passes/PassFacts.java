package org.gridlink.passes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures of passes and scans without persons, for the command center's read model. A pass is counted at its first
 * zone (the lowest code of its zones); a scan at its checkpoint's jurisdiction. A system reader without a user.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class PassFacts {

	/** Scans of one checkpoint on one day. */
	@org.springframework.modulith.NamedInterface("api")
	public record CheckpointScans(long checkpointId, String jurisdictionCode, LocalDate day, long scans) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	PassFacts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Valid passes now (not revoked, within their validity) per first zone. */
	@Transactional(readOnly = true)
	public Map<String, Long> validNow() {
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		Map<String, Long> out = new TreeMap<>();
		jdbc.sql("""
				SELECT z.zone, COUNT(*) FROM pass p
				JOIN (SELECT pass_id, MIN(zone_code) AS zone FROM pass_zone GROUP BY pass_id) z ON z.pass_id = p.id
				WHERE p.revoked_at IS NULL AND p.valid_from <= ? AND p.valid_to > ? GROUP BY z.zone""").params(now, now)
				.query(rs -> {
					out.put(rs.getString(1), rs.getLong(2));
				});
		return out;
	}

	/** The scans of each checkpoint with scans on {@code day} (the checkpoint's local scan day). */
	@Transactional(readOnly = true)
	public List<CheckpointScans> scansOn(LocalDate day) {
		return jdbc.sql("""
				SELECT c.id, c.jurisdiction_code, COUNT(*) FROM checkpoint_scan s JOIN checkpoint c ON c.id = s.checkpoint_id
				WHERE s.scan_day = ? GROUP BY c.id, c.jurisdiction_code ORDER BY c.id""").param(day)
				.query((rs, i) -> new CheckpointScans(rs.getLong(1), rs.getString(2), day, rs.getLong(3))).list();
	}
}
