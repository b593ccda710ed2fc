package org.gridlink.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Role;
import org.gridlink.shared.JurisdictionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key performance indicators of case handling per lead unit, jurisdiction and period (docs/cases.md, "KPIs"), each
 * figure one SQL count over the case files, so that {@link #cases} lists exactly the cases behind a figure.
 * <p>
 * A period is a range of calendar days in the district's time zone, both ends included. Intake figures (reports,
 * filed, not filed, dispatched) count the cases whose step happened in the period; handling figures count the cases
 * <em>due</em> in the period (应结案: the deadline falls in it) and, of those, the closed, closed on time, reworked,
 * extended and evaluated ones. Handling figures belong to the case's lead unit.
 * <p>
 * Scope: the center and leaders see the cases located in their jurisdiction scope; a department handler only the
 * cases of their own unit; everybody else is refused.
 */
@Service
public class CaseKpis {

	/** Longest period one report may span. */
	static final long MAX_DAYS = 731;

	private static final String DUE_SQL = "c.deadline_at >= ? AND c.deadline_at < ? AND c.lead_unit_id IS NOT NULL"
			+ " AND c.status NOT IN ('VOIDED', 'MERGED', 'DEFERRED', 'PARKED')";
	private static final String CLOSED_SQL = "c.status IN ('CLOSED', 'EVALUATED')";
	private static final String ON_TIME_SQL = CLOSED_SQL + " AND c.closed_on_time = TRUE";
	private static final String REWORKED_SQL = "c.rework_count > 0";
	private static final String EXTENDED_SQL = "c.extension_count > 0";
	private static final String EVALUATED_SQL = "c.satisfaction IS NOT NULL";
	private static final String SATISFIED_SQL = "c.satisfaction = 3";
	/** Rated "not satisfied" by the reporter at least once (the case was reopened for the center's review). */
	private static final String DISSATISFIED_SQL = "c.dissatisfied_count > 0";

	/** The figures a drill-down can list; {@link #path()} is its name in URLs. */
	public enum Metric {
		/** Reports received in the period. */
		REPORTS("reports", "c.reported_at >= ? AND c.reported_at < ?", 1, false),
		/** Reports decided in the period: filed or not filed. */
		DECIDED("decided", "(c.filed_at >= ? AND c.filed_at < ? OR c.id IN (SELECT e.case_id FROM case_event e"
				+ " WHERE e.action = 'reject' AND e.occurred_at >= ? AND e.occurred_at < ?))", 2, false),
		/** Reports filed in the period. */
		FILED("filed", "c.filed_at >= ? AND c.filed_at < ?", 1, false),
		/** Reports not filed (rejected) in the period. */
		REJECTED("rejected", "c.id IN (SELECT e.case_id FROM case_event e WHERE e.action = 'reject'"
				+ " AND e.occurred_at >= ? AND e.occurred_at < ?)", 1, false),
		/** Cases dispatched in the period (the last dispatch, to the current lead unit). */
		DISPATCHED("dispatched", "c.dispatched_at >= ? AND c.dispatched_at < ?", 1, true),
		/** Cases due in the period (应结案). */
		DUE("due", DUE_SQL, 1, true),
		CLOSED("closed", DUE_SQL + " AND " + CLOSED_SQL, 1, true),
		CLOSED_ON_TIME("closedOnTime", DUE_SQL + " AND " + ON_TIME_SQL, 1, true),
		REWORK("rework", DUE_SQL + " AND " + REWORKED_SQL, 1, true),
		EXTENSION("extension", DUE_SQL + " AND " + EXTENDED_SQL, 1, true),
		EVALUATED("evaluated", DUE_SQL + " AND " + EVALUATED_SQL, 1, true),
		SATISFIED("satisfied", DUE_SQL + " AND " + SATISFIED_SQL, 1, true),
		/** Due cases the reporter rated "not satisfied" at least once. */
		DISSATISFIED("dissatisfied", DUE_SQL + " AND " + DISSATISFIED_SQL, 1, true);

		private final String path;
		private final String condition;
		private final int periods;
		private final boolean perUnit;

		Metric(String path, String condition, int periods, boolean perUnit) {
			this.path = path;
			this.condition = condition;
			this.periods = periods;
			this.perUnit = perUnit;
		}

		public String path() {
			return path;
		}

		/** False for the intake figures, which belong to the jurisdiction, not to a unit. */
		public boolean perUnit() {
			return perUnit;
		}

		public static Optional<Metric> fromPath(@Nullable String path) {
			for (Metric metric : values()) {
				if (metric.path.equals(path)) {
					return Optional.of(metric);
				}
			}
			return Optional.empty();
		}
	}

	/**
	 * One row of the table: a lead unit ({@code unitId} set) or the total of the selection ({@code unitId} null).
	 * The intake figures ({@code reports}, {@code decided}, {@code filed}, {@code rejected}) are null on unit rows
	 * and for department handlers. Rates are null when their denominator is 0.
	 */
	public record KpiRow(@Nullable Long unitId, String unitName, @Nullable Long reports, @Nullable Long decided,
			@Nullable Long filed, @Nullable Long rejected, long dispatched, long due, long closed, long closedOnTime,
			long reworks, long extensions, long evaluations, long satisfied, @Nullable Double satisfactionAverage,
			@Nullable Double filingRate, @Nullable Double dispatchRate, @Nullable Double closureRate,
			@Nullable Double onTimeRate, @Nullable Double reworkRate, @Nullable Double extensionRate,
			@Nullable Double satisfactionRate, long dissatisfied, @Nullable Double dissatisfiedRate) {

		static KpiRow of(@Nullable Long unitId, String unitName, @Nullable Long reports, @Nullable Long filed,
				@Nullable Long rejected, long dispatched, Handling h) {
			Long decided = filed == null || rejected == null ? null : filed + rejected;
			return new KpiRow(unitId, unitName, reports, decided, filed, rejected, dispatched, h.due, h.closed,
					h.onTime, h.reworks, h.extensions, h.evaluations, h.satisfied,
					h.evaluations == 0 ? null : (double) h.satisfactionSum / h.evaluations,
					decided == null ? null : rate(filed, decided), filed == null ? null : rate(dispatched, filed),
					rate(h.closed, h.due), rate(h.onTime, h.due), rate(h.reworks, h.due), rate(h.extensions, h.due),
					rate(h.satisfied, h.evaluations), h.dissatisfied, rate(h.dissatisfied, h.evaluations));
		}

		private static @Nullable Double rate(long part, long whole) {
			return whole == 0 ? null : (double) part / whole;
		}
	}

	/** The KPIs of a period: the total of the selection and the lead units ranked by on-time closure rate. */
	public record KpiReport(LocalDate from, LocalDate to, @Nullable String jurisdiction, @Nullable Long unit,
			KpiRow total, List<KpiRow> units) {
	}

	/** The handling figures of one unit (or the total). */
	static final class Handling {
		long due;
		long closed;
		long onTime;
		long reworks;
		long extensions;
		long evaluations;
		long satisfied;
		long satisfactionSum;
		long dissatisfied;

		void add(Handling o) {
			due += o.due;
			closed += o.closed;
			onTime += o.onTime;
			reworks += o.reworks;
			extensions += o.extensions;
			evaluations += o.evaluations;
			satisfied += o.satisfied;
			satisfactionSum += o.satisfactionSum;
			dissatisfied += o.dissatisfied;
		}
	}

	/** The selection: a SQL condition over alias {@code c} with its parameters. */
	private record Selection(String condition, List<Object> params, boolean intake, boolean area) {
	}

	private final JdbcClient jdbc;
	private final UnitNames units;
	private final CaseLines lines;
	private final Clock clock;
	private final ZoneId zone;

	CaseKpis(JdbcClient jdbc, UnitNames units, CaseLines lines,
			Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.lines = lines;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	/** True when the user may see KPIs at all (center, leader, a department handler with a unit). */
	public static boolean canRead(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.LEADER) || user.has(Role.DEPT) && user.unitId() != null;
	}

	/** Today in the district's time zone (for default periods). */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * The KPIs of the days {@code from} … {@code to} (both included), optionally only for the cases located under
	 * {@code jurisdiction} and/or led by {@code unit}.
	 */
	@Transactional(readOnly = true)
	public KpiReport report(CurrentUser user, LocalDate from, LocalDate to, @Nullable String jurisdiction,
			@Nullable Long unit) {
		Selection s = select(user, jurisdiction, unit);
		OffsetDateTime start = start(from, to);
		OffsetDateTime end = end(to);
		Map<Long, String> names = units.names();

		Map<Long, Long> dispatched = new HashMap<>();
		jdbc.sql("SELECT c.lead_unit_id, COUNT(*) FROM case_file c WHERE " + s.condition() + " AND "
				+ Metric.DISPATCHED.condition + " AND c.lead_unit_id IS NOT NULL GROUP BY c.lead_unit_id")
				.params(params(s, Metric.DISPATCHED, start, end))
				.query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
				.forEach(e -> dispatched.put(e.getKey(), e.getValue()));

		Map<Long, Handling> handling = new HashMap<>();
		jdbc.sql("SELECT c.lead_unit_id, COUNT(*), " + sum(CLOSED_SQL) + ", " + sum(ON_TIME_SQL) + ", " + sum(REWORKED_SQL) + ", "
				+ sum(EXTENDED_SQL) + ", " + sum(EVALUATED_SQL) + ", " + sum(SATISFIED_SQL) + ", SUM(COALESCE(c.satisfaction, 0)), " + sum(DISSATISFIED_SQL)
				+ " FROM case_file c WHERE " + s.condition() + " AND " + DUE_SQL + " GROUP BY c.lead_unit_id")
				.params(params(s, Metric.DUE, start, end))
				.query((rs, i) -> {
					Handling h = new Handling();
					h.due = rs.getLong(2);
					h.closed = rs.getLong(3);
					h.onTime = rs.getLong(4);
					h.reworks = rs.getLong(5);
					h.extensions = rs.getLong(6);
					h.evaluations = rs.getLong(7);
					h.satisfied = rs.getLong(8);
					h.satisfactionSum = rs.getLong(9);
					h.dissatisfied = rs.getLong(10);
					return Map.entry(rs.getLong(1), h);
				}).list().forEach(e -> handling.put(e.getKey(), e.getValue()));

		List<KpiRow> rows = new ArrayList<>();
		Handling all = new Handling();
		for (Long id : new TreeSet<>(union(dispatched.keySet(), handling.keySet()))) {
			Handling h = handling.getOrDefault(id, new Handling());
			all.add(h);
			rows.add(KpiRow.of(id, names.getOrDefault(id, "#" + id), null, null, null,
					dispatched.getOrDefault(id, 0L), h));
		}
		rows.sort(Comparator.comparing((KpiRow r) -> r.onTimeRate() == null ? -1 : r.onTimeRate()).reversed()
				.thenComparing(Comparator.comparingLong(KpiRow::due).reversed())
				.thenComparing(KpiRow::unitName));
		KpiRow total;
		if (s.intake()) {
			total = KpiRow.of(null, "", count(s, Metric.REPORTS, start, end), count(s, Metric.FILED, start, end),
					count(s, Metric.REJECTED, start, end), count(s, Metric.DISPATCHED, start, end), all);
		}
		else {
			total = KpiRow.of(null, "", null, null, null,
					dispatched.values().stream().mapToLong(Long::longValue).sum(), all);
		}
		return new KpiReport(from, to, blankToNull(jurisdiction), unit, total, rows);
	}

	/** The cases behind one figure of {@link #report} (same selection), deadline or report time first. */
	@Transactional(readOnly = true)
	public Page<CaseLine> cases(CurrentUser user, Metric metric, LocalDate from, LocalDate to,
			@Nullable String jurisdiction, @Nullable Long unit, Pageable pageable) {
		Selection s = select(user, jurisdiction, unit);
		if (!metric.perUnit && !s.intake()) {
			throw new InvalidInputException("cases.kpi.metric.unit", metric.path());
		}
		OffsetDateTime start = start(from, to);
		OffsetDateTime end = end(to);
		// the figures count every case of the area; the list behind one names only the cases the reader may see
		// (a leader sees no health alert case)
		CaseAccess.AreaClasses seen = CaseAccess.areaClasses(user);
		String classes = s.area() && seen != null ? " AND " + seen.sql() : "";
		String where = " FROM case_file c WHERE " + s.condition() + classes + " AND " + metric.condition;
		List<Object> params = params(s, metric, start, end);
		long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(pageable.getPageSize());
		pageParams.add(pageable.getOffset());
		String order = metric.perUnit && metric != Metric.DISPATCHED ? "c.deadline_at, c.id" : "c.reported_at, c.id";
		List<CaseLine> content = jdbc.sql("SELECT " + CaseLine.COLUMNS + where + " ORDER BY " + order
				+ " LIMIT ? OFFSET ?").params(pageParams).query(lines.mapper()).list();
		return new PageImpl<>(content, pageable, total);
	}

	private long count(Selection s, Metric metric, OffsetDateTime start, OffsetDateTime end) {
		return jdbc.sql("SELECT COUNT(*) FROM case_file c WHERE " + s.condition() + " AND " + metric.condition)
				.params(params(s, metric, start, end)).query(Long.class).single();
	}

	private static String sum(String condition) {
		return "SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END)";
	}

	private static List<Object> params(Selection s, Metric metric, OffsetDateTime start, OffsetDateTime end) {
		List<Object> params = new ArrayList<>(s.params());
		for (int i = 0; i < metric.periods; i++) {
			params.add(start);
			params.add(end);
		}
		return params;
	}

	private Selection select(CurrentUser user, @Nullable String jurisdiction, @Nullable Long unit) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder();
		boolean area = user.hasAny(Role.CENTER, Role.LEADER);
		if (area) {
			where.append(user.scope().sqlCondition("c.jurisdiction_code"));
		}
		else if (user.has(Role.DEPT) && user.unitId() != null) {
			if (unit != null && !unit.equals(user.unitId())) {
				throw new OutOfScopeException("unit", String.valueOf(unit));
			}
			where.append("c.lead_unit_id = ?");
			params.add(user.unitId());
		}
		else {
			throw new AccessDeniedException("KPIs are for the center, leaders and department handlers");
		}
		String code = blankToNull(jurisdiction);
		if (code != null) {
			if (!JurisdictionCode.isValid(code)) {
				throw new InvalidInputException("cases.jurisdiction.invalid", code);
			}
			if (area && !user.scope().covers(code)) {
				throw new OutOfScopeException("jurisdiction", code);
			}
			where.append(" AND c.jurisdiction_code LIKE ?");
			params.add(JurisdictionCode.of(code).prefix() + "%");
		}
		if (unit != null && area) {
			if (!units.exists(unit)) {
				throw new InvalidInputException("cases.unit.invalid", unit);
			}
			where.append(" AND c.lead_unit_id = ?");
			params.add(unit);
		}
		return new Selection(where.toString(), params, area && unit == null, area);
	}

	private OffsetDateTime start(LocalDate from, LocalDate to) {
		if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw new InvalidInputException("cases.kpi.period.invalid", MAX_DAYS);
		}
		return from.atStartOfDay(zone).toOffsetDateTime();
	}

	private OffsetDateTime end(LocalDate to) {
		return to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
	}

	private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
		java.util.Set<T> all = new java.util.HashSet<>(a);
		all.addAll(b);
		return all;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
