package org.gridlink.quarantine;

import java.time.OffsetDateTime;
import java.util.function.Consumer;

import org.gridlink.jurisdiction.PlaceCentres;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts of every quarantine order, figures only (no person): for the command center's rebuild of its read model,
 * which otherwise follows {@link QuarantineOrdered} and {@link QuarantineReleased}. A system reader without a user.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class QuarantineFacts {

	/** One order: the person's grid, when it was ordered and (if so) released. */
	@org.springframework.modulith.NamedInterface("api")
	public record OrderFact(long id, String gridCode, OffsetDateTime orderedAt, @Nullable OffsetDateTime releasedAt) {
	}

	private final JdbcClient jdbc;
	private final PlaceCentres centres;

	QuarantineFacts(JdbcClient jdbc, PlaceCentres centres) {
		this.jdbc = jdbc;
		this.centres = centres;
	}

	/** Every order in id order, streamed to {@code sink}. */
	@Transactional(readOnly = true)
	public void forEach(Consumer<OrderFact> sink) {
		try (var rows = jdbc.sql("""
				SELECT o.id, p.grid_code, o.created_at, o.released_at
				FROM quarantine_order o JOIN quarantine_person p ON p.id = o.person_id ORDER BY o.id""")
				.query((rs, i) -> new OrderFact(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
						rs.getObject(4, OffsetDateTime.class)))
				.stream()) {
			rows.forEach(sink);
		}
	}

	/** An alert of quarantine monitoring: the grid, when it was raised and the case opened for it (if yet). */
	@org.springframework.modulith.NamedInterface("api")
	public record AlertFact(long id, String gridCode, OffsetDateTime raisedAt, @Nullable Long caseId) {
	}

	/** One alert, if it exists. */
	@Transactional(readOnly = true)
	public java.util.Optional<AlertFact> alert(long id) {
		return jdbc.sql("SELECT id, grid_code, raised_at, case_id FROM quarantine_alert WHERE id = ?").param(id)
				.query(QuarantineFacts::alertFact).optional();
	}

	/** The alert a case was opened for, if it was. */
	@Transactional(readOnly = true)
	public java.util.Optional<AlertFact> alertOfCase(long caseId) {
		return jdbc.sql("SELECT id, grid_code, raised_at, case_id FROM quarantine_alert WHERE case_id = ?").param(caseId)
				.query(QuarantineFacts::alertFact).optional();
	}

	/** Every alert in id order, streamed to {@code sink}. */
	@Transactional(readOnly = true)
	public void forEachAlert(Consumer<AlertFact> sink) {
		try (var rows = jdbc.sql("SELECT id, grid_code, raised_at, case_id FROM quarantine_alert ORDER BY id")
				.query(QuarantineFacts::alertFact).stream()) {
			rows.forEach(sink);
		}
	}

	private static AlertFact alertFact(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		long caseId = rs.getLong(4);
		return new AlertFact(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
				rs.wasNull() ? null : caseId);
	}

	/** A centralized site's jurisdiction and its free beds now (beds in service less the beds occupied). */
	@org.springframework.modulith.NamedInterface("api")
	public record SiteBeds(long siteId, String jurisdictionCode, long free) {
	}

	/** Every site's free beds now. */
	@Transactional(readOnly = true)
	public java.util.List<SiteBeds> bedsFree() {
		return jdbc.sql("""
				SELECT s.id, s.jurisdiction_code,
				  (SELECT COUNT(*) FROM quarantine_bed b WHERE b.site_id = s.id AND b.in_service = TRUE)
				  - (SELECT COUNT(*) FROM quarantine_order o WHERE o.site_id = s.id AND o.occupied_bed_id IS NOT NULL)
				FROM quarantine_site s ORDER BY s.id""")
				.query((rs, i) -> new SiteBeds(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
	}

	/**
	 * A centralized quarantine site as a point of a map, no person: sites carry no coordinates of their own, so a site
	 * is placed at the centre of its jurisdiction (null when that place has none).
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record SitePoint(long id, String name, String jurisdictionCode, @Nullable Double lat, @Nullable Double lng) {
	}

	/** The sites under the jurisdiction {@code code} (its subtree), by place and name, at most {@code limit}. */
	@Transactional(readOnly = true)
	public java.util.List<SitePoint> sites(String code, int limit) {
		java.util.List<String[]> rows = jdbc.sql("""
				SELECT id, name, jurisdiction_code FROM quarantine_site WHERE jurisdiction_code LIKE ?
				ORDER BY jurisdiction_code, name, id LIMIT ?""")
				.params(org.gridlink.shared.JurisdictionCode.of(code).prefix() + "%", limit)
				.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).list();
		java.util.Map<String, PlaceCentres.Centre> at = centres.of(rows.stream().map(r -> r[2]).distinct().toList());
		return rows.stream().map(r -> {
			PlaceCentres.Centre c = at.get(r[2]);
			return new SitePoint(Long.parseLong(r[0]), r[1], r[2], c == null ? null : c.lat(), c == null ? null : c.lng());
		}).toList();
	}

	/**
	 * People under home quarantine who have not checked in on {@code day} (district date), per grid of the person:
	 * the active home orders started by that day without a counted check-in (a self-report or a visit that saw the
	 * person) on it — the "due today" figure of the monitoring board ({@link MonitoringBoard}), the same query.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<String, Long> notCheckedIn(java.time.LocalDate day) {
		java.util.Map<String, Long> out = new java.util.TreeMap<>();
		jdbc.sql("SELECT p.grid_code, COUNT(*) " + MonitoringBoard.from(MonitoringBoard.Figure.DUE_TODAY)
				+ " GROUP BY p.grid_code").params(day, day)
				.query(rs -> {
					out.put(rs.getString(1), rs.getLong(2));
				});
		return out;
	}
}
