package org.gridlink.passes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.gridlink.jurisdiction.BuildingDirectory;
import org.gridlink.jurisdiction.PlaceCentres;
import org.gridlink.shared.JurisdictionCode;
import org.jspecify.annotations.Nullable;
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

	/**
	 * An active checkpoint as a point of a map, no person: its kind ({@code ROAD}, {@code GATE}), its jurisdiction
	 * and where it is drawn. Checkpoints carry no coordinates of their own: a gate is placed at the centre of its
	 * compound's grid, a road checkpoint at the centre of its jurisdiction (null when that place has none).
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record CheckpointPoint(long id, String name, String kind, String jurisdictionCode, @Nullable Double lat,
			@Nullable Double lng) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final PlaceCentres centres;
	private final BuildingDirectory buildings;

	PassFacts(JdbcClient jdbc, Clock clock, PlaceCentres centres, BuildingDirectory buildings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.centres = centres;
		this.buildings = buildings;
	}

	private record CheckpointRow(long id, String name, String kind, String code, @Nullable Long compoundId) {
	}

	/**
	 * The active checkpoints under the jurisdiction {@code code} (its subtree), by place and name, at most
	 * {@code limit}. The caller keeps them to its user's scope.
	 */
	@Transactional(readOnly = true)
	public List<CheckpointPoint> checkpoints(String code, int limit) {
		List<CheckpointRow> rows = jdbc.sql("""
				SELECT id, name, kind, jurisdiction_code, compound_id FROM checkpoint
				WHERE active = TRUE AND jurisdiction_code LIKE ? ORDER BY jurisdiction_code, name, id LIMIT ?""")
				.params(JurisdictionCode.of(code).prefix() + "%", limit)
				.query((rs, i) -> new CheckpointRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, Long.class)))
				.list();
		Map<Long, String> compoundGrid = new HashMap<>();
		buildings.compounds(rows.stream().map(CheckpointRow::compoundId).filter(Objects::nonNull).distinct().toList())
				.forEach(c -> compoundGrid.put(c.id(), c.gridCode()));
		Set<String> places = new HashSet<>(compoundGrid.values());
		rows.forEach(r -> places.add(r.code()));
		Map<String, PlaceCentres.Centre> at = centres.of(places);
		return rows.stream().map(r -> {
			PlaceCentres.Centre c = r.compoundId() == null ? null : at.get(compoundGrid.get(r.compoundId()));
			if (c == null) {
				c = at.get(r.code());
			}
			return new CheckpointPoint(r.id(), r.name(), r.kind(), r.code(), c == null ? null : c.lat(),
					c == null ? null : c.lng());
		}).toList();
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
