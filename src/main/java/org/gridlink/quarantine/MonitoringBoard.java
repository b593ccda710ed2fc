package org.gridlink.quarantine;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.shared.JurisdictionCode;
import org.gridlink.shared.JurisdictionLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home quarantine board of a district, street, community or grid for today (district time), with a row per
 * child jurisdiction: in quarantine (active home orders that have started), due today (of those, no counted
 * check-in yet today), missed (today's MISSED alerts) and released today; each figure drills down to its list. Within
 * the caller's scope (the person's grid); names masked.
 */
@Service
public class MonitoringBoard {

	public enum Figure {
		IN_QUARANTINE, DUE_TODAY, MISSED, RELEASED
	}

	/** The four figures of one jurisdiction. */
	public record Counts(long inQuarantine, long dueToday, long missed, long released) {
	}

	public record Row(String code, String name, Counts counts) {
	}

	public record Board(String code, String name, JurisdictionLevel level, LocalDate day, Counts total,
			List<Row> rows) {
	}

	/** One person in a drill-down list. */
	public record Line(long orderId, String maskedName, String gridCode, LocalDate startDate, LocalDate plannedEnd,
			@Nullable OffsetDateTime lastCheckIn, @Nullable OffsetDateTime releasedAt) {
	}

	/** Per day (district dates, oldest first): counted check-ins (self-reports and visits that saw the person) and alerts. */
	public record Trend(List<LocalDate> days, List<Long> checkIns, List<Long> alerts) {
	}

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final Clock clock;
	private final ZoneId zone;

	MonitoringBoard(JdbcClient jdbc, Jurisdictions jurisdictions, Clock clock) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	/** The last {@code days} days up to today in the caller's scope: check-ins counted and alerts raised per day. */
	@Transactional(readOnly = true)
	public Trend trend(CurrentUser user, int days) {
		if (!MonitoringAccess.canRead(user)) {
			throw new AccessDeniedException("quarantine monitoring is not for this role");
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate first = today.minusDays(days - 1L);
		Map<LocalDate, Long> checkIns = perDay("SELECT checkin_date, COUNT(*) FROM quarantine_checkin WHERE counted = TRUE"
				+ " AND checkin_date BETWEEN ? AND ? AND " + user.scope().sqlCondition("grid_code")
				+ " GROUP BY checkin_date", first, today);
		Map<LocalDate, Long> alerts = perDay("SELECT alert_date, COUNT(*) FROM quarantine_alert"
				+ " WHERE alert_date BETWEEN ? AND ? AND " + user.scope().sqlCondition("grid_code")
				+ " GROUP BY alert_date", first, today);
		List<LocalDate> all = new ArrayList<>();
		for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
			all.add(d);
		}
		return new Trend(all, all.stream().map(d -> checkIns.getOrDefault(d, 0L)).toList(),
				all.stream().map(d -> alerts.getOrDefault(d, 0L)).toList());
	}

	private Map<LocalDate, Long> perDay(String sql, LocalDate first, LocalDate last) {
		Map<LocalDate, Long> counts = new HashMap<>();
		jdbc.sql(sql).param(first).param(last)
			.query((rs, i) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2)))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	/** The board of {@code code} (default: the caller's first scope root) for today. */
	@Transactional(readOnly = true)
	public Board board(CurrentUser user, @Nullable String code) {
		JurisdictionNode node = node(user, code);
		LocalDate day = LocalDate.now(clock);
		String prefix = JurisdictionCode.of(node.code()).prefix();
		JurisdictionLevel childLevel = node.level().child();
		List<Row> rows = new ArrayList<>();
		if (childLevel != null) {
			int length = switch (childLevel) {
				case STREET -> 9;
				case COMMUNITY -> 12;
				default -> 15;
			};
			Map<String, long[]> byChild = new HashMap<>();
			for (Figure figure : Figure.values()) {
				jdbc.sql("SELECT SUBSTRING(p.grid_code, 1, " + length + "), COUNT(*) " + from(figure)
						+ " AND p.grid_code LIKE ? AND " + user.scope().sqlCondition("p.grid_code")
						+ " GROUP BY SUBSTRING(p.grid_code, 1, " + length + ")")
						.params(params(figure, day, prefix + "%"))
						.query((rs, i) -> byChild.computeIfAbsent(rs.getString(1), k -> new long[4])[figure.ordinal()] = rs
								.getLong(2))
						.list();
			}
			for (var child : jurisdictions.children(user, node.code())) {
				String key = child.node().code().substring(0, length);
				long[] c = byChild.getOrDefault(key, new long[4]);
				rows.add(new Row(child.node().code(), child.node().name(), new Counts(c[0], c[1], c[2], c[3])));
			}
		}
		return new Board(node.code(), node.name(), node.level(), day, count(user, prefix, day), rows);
	}

	/** Today's four figures over the caller's whole scope (for the home page). */
	@Transactional(readOnly = true)
	public Counts today(CurrentUser user) {
		if (!MonitoringAccess.canRead(user)) {
			return new Counts(0, 0, 0, 0);
		}
		return count(user, "", LocalDate.now(clock));
	}

	private Counts count(CurrentUser user, String prefix, LocalDate day) {
		long[] c = new long[4];
		for (Figure figure : Figure.values()) {
			c[figure.ordinal()] = jdbc.sql("SELECT COUNT(*) " + from(figure) + " AND p.grid_code LIKE ? AND "
					+ user.scope().sqlCondition("p.grid_code")).params(params(figure, day, prefix + "%"))
					.query(Long.class).single();
		}
		return new Counts(c[0], c[1], c[2], c[3]);
	}

	/** The people behind one figure of the board of {@code code}, by grid and planned end. */
	@Transactional(readOnly = true)
	public Page<Line> list(CurrentUser user, @Nullable String code, Figure figure, Pageable pageable) {
		JurisdictionNode node = node(user, code);
		LocalDate day = LocalDate.now(clock);
		String prefix = JurisdictionCode.of(node.code()).prefix();
		String where = from(figure) + " AND p.grid_code LIKE ? AND " + user.scope().sqlCondition("p.grid_code");
		List<Object> params = params(figure, day, prefix + "%");
		long total = jdbc.sql("SELECT COUNT(*) " + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(pageable.getPageSize());
		pageParams.add(pageable.getOffset());
		List<Line> lines = jdbc.sql("SELECT o.id, p.name_masked, p.grid_code, o.start_date, o.planned_end,"
				+ " (SELECT MAX(c.recorded_at) FROM quarantine_checkin c WHERE c.order_id = o.id AND c.counted = TRUE),"
				+ " o.released_at " + where + " ORDER BY p.grid_code, o.planned_end, o.id LIMIT ? OFFSET ?")
				.params(pageParams)
				.query((rs, i) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
						rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class)))
				.list();
		return new PageImpl<>(lines, pageable, total);
	}

	/** FROM and WHERE (open for more conditions) of a figure; parameters by {@link #params}. */
	static String from(Figure figure) {
		String orders = "FROM quarantine_order o JOIN quarantine_person p ON p.id = o.person_id WHERE o.type = 'HOME'";
		String active = orders + " AND o.status = 'ACTIVE' AND o.start_date <= ?";
		return switch (figure) {
			case IN_QUARANTINE -> active;
			case DUE_TODAY -> active + " AND NOT EXISTS (SELECT 1 FROM quarantine_checkin c WHERE c.order_id = o.id"
					+ " AND c.checkin_date = ? AND c.counted = TRUE)";
			case MISSED -> orders + " AND EXISTS (SELECT 1 FROM quarantine_alert a WHERE a.order_id = o.id"
					+ " AND a.alert_date = ? AND a.kind = 'MISSED')";
			case RELEASED -> orders + " AND o.status = 'RELEASED' AND o.released_at >= ? AND o.released_at < ?";
		};
	}

	private List<Object> params(Figure figure, LocalDate day, String like) {
		List<Object> params = new ArrayList<>();
		switch (figure) {
			case IN_QUARANTINE, MISSED -> params.add(day);
			case DUE_TODAY -> {
				params.add(day);
				params.add(day);
			}
			case RELEASED -> {
				params.add(day.atStartOfDay(zone).toOffsetDateTime());
				params.add(day.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
			}
		}
		params.add(like);
		return params;
	}

	private JurisdictionNode node(CurrentUser user, @Nullable String code) {
		if (!MonitoringAccess.canRead(user)) {
			throw new AccessDeniedException("quarantine monitoring is not for this role");
		}
		String c = code == null || code.isBlank() ? user.scope().codes().stream().sorted().findFirst().orElseThrow()
				: code.strip();
		if (!JurisdictionCode.isValid(c)) {
			throw new InvalidInputException("checkins.jurisdiction.invalid", c);
		}
		if (!user.scope().covers(c)) {
			throw new OutOfScopeException("jurisdiction", c);
		}
		return jurisdictions.node(user, c);
	}
}
