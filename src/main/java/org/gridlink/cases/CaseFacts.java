package org.gridlink.cases;

import java.time.OffsetDateTime;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts of every case, figures only (no text, no person): for the command center's rebuild of its read model,
 * which otherwise follows {@link CaseEvents}. A system reader without a user: the caller scopes what it shows.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class CaseFacts {

	/**
	 * One case: where ({@code jurisdictionCode}, the grid when known), when reported, when closed by the center
	 * ({@code closedAt}, with {@code onTime}), whether it is still open (not closed, evaluated, rejected, voided or
	 * merged) and whether its time limit ran out ({@code overdue}).
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record CaseFact(long id, String jurisdictionCode, OffsetDateTime reportedAt,
			@Nullable OffsetDateTime closedAt, @Nullable Boolean onTime, boolean open, boolean overdue,
			@Nullable Double lat, @Nullable Double lng) {
	}

	static final String OPEN = "status NOT IN ('CLOSED', 'EVALUATED', 'REJECTED', 'VOIDED', 'MERGED')";

	private final JdbcClient jdbc;

	CaseFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every case in id order, streamed to {@code sink}. */
	@Transactional(readOnly = true)
	public void forEach(Consumer<CaseFact> sink) {
		try (var rows = jdbc.sql("SELECT id, jurisdiction_code, reported_at, closed_at, closed_on_time, "
				+ "CASE WHEN " + OPEN + " THEN 1 ELSE 0 END, overdue, lat, lng FROM case_file ORDER BY id")
				.query((rs, i) -> new CaseFact(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
						rs.getObject(4, OffsetDateTime.class), (Boolean) rs.getObject(5), rs.getInt(6) == 1,
						rs.getBoolean(7), (Double) rs.getObject(8), (Double) rs.getObject(9)))
				.stream()) {
			rows.forEach(sink);
		}
	}

	/** One case's facts, if it exists. */
	@Transactional(readOnly = true)
	public java.util.Optional<CaseFact> find(long id) {
		return jdbc.sql("SELECT id, jurisdiction_code, reported_at, closed_at, closed_on_time, "
				+ "CASE WHEN " + OPEN + " THEN 1 ELSE 0 END, overdue, lat, lng FROM case_file WHERE id = ?").param(id)
				.query((rs, i) -> new CaseFact(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
						rs.getObject(4, OffsetDateTime.class), (Boolean) rs.getObject(5), rs.getInt(6) == 1,
						rs.getBoolean(7), (Double) rs.getObject(8), (Double) rs.getObject(9)))
				.optional();
	}

	/** Open cases of one lead unit: how many and how many of them are past their time limit. */
	@org.springframework.modulith.NamedInterface("api")
	public record UnitLoad(long unitId, long open, long overdue) {
	}

	/**
	 * The open cases (not closed, evaluated, rejected, voided or merged) under the jurisdiction {@code code} (its
	 * subtree) per lead unit, the cases that have one (dispatched at least once), most open first. The open statuses
	 * are listed, so the status index finds the few open cases among a year's.
	 */
	@Transactional(readOnly = true)
	public java.util.List<UnitLoad> openByUnit(String code) {
		java.util.List<String> open = java.util.Arrays.stream(CaseStatus.values())
				.filter(s -> !java.util.Set.of(CaseStatus.CLOSED, CaseStatus.EVALUATED, CaseStatus.REJECTED,
						CaseStatus.VOIDED, CaseStatus.MERGED).contains(s))
				.map(Enum::name).toList();
		return jdbc.sql("""
				SELECT lead_unit_id, COUNT(*), SUM(CASE WHEN overdue THEN 1 ELSE 0 END) FROM case_file
				WHERE status IN (:open) AND lead_unit_id IS NOT NULL AND jurisdiction_code LIKE :prefix
				GROUP BY lead_unit_id ORDER BY COUNT(*) DESC, lead_unit_id""")
				.param("open", open).param("prefix", org.gridlink.shared.JurisdictionCode.of(code).prefix() + "%")
				.query((rs, i) -> new UnitLoad(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
	}
}
