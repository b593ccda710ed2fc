package org.gridlink.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.Role;
import org.gridlink.shared.JurisdictionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The command center's facade: the figures of a jurisdiction and its children on a day, their 30-day trend, the open
 * cases as points, all from this module's read model and kept to the caller's scope (a street sees its subtree).
 */
@Service
public class CommandCenter {

	static final int TREND_DAYS = 30;

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final ReadModel model;

	CommandCenter(JdbcClient jdbc, Jurisdictions jurisdictions, ReadModel model) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.model = model;
	}

	/** Center, leaders, street and community staff (within their scope) and the administrator may open it. */
	public boolean mayOpen(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY, Role.ADMIN) && !user.scope().isEmpty();
	}

	void require(CurrentUser user) {
		if (!mayOpen(user)) {
			throw new AccessDeniedException("command: not for this role");
		}
	}

	/** The widest place of the caller's scope (the default of the page and the API). */
	public String home(CurrentUser user) {
		require(user);
		return user.scope().codes().stream().filter(JurisdictionCode::isValid)
				.min((a, b) -> Integer.compare(JurisdictionCode.of(a).prefix().length(),
						JurisdictionCode.of(b).prefix().length()) != 0
								? Integer.compare(JurisdictionCode.of(a).prefix().length(),
										JurisdictionCode.of(b).prefix().length())
								: a.compareTo(b))
				.orElseThrow(() -> new AccessDeniedException("command: no scope"));
	}

	public LocalDate today() {
		return model.today();
	}

	/** The figures of {@code code} (default: the caller's widest place) on {@code day} (default today), with children. */
	@Transactional(readOnly = true)
	public CommandView figures(CurrentUser user, @Nullable String code, @Nullable LocalDate day) {
		require(user);
		String where = code == null || code.isBlank() ? home(user) : code.trim();
		JurisdictionNode node = jurisdictions.node(user, where); // 404 unknown, 403 outside the scope
		LocalDate asOf = day == null ? model.today() : day;
		if (asOf.isAfter(model.today())) {
			throw new InvalidInputException("command.date.future");
		}
		List<JurisdictionNode> children = node.level() == org.gridlink.shared.JurisdictionLevel.GRID ? List.of()
				: jurisdictions.list(user, null, node.code(), PageRequest.of(0, 1000)).getContent();
		List<String> codes = new ArrayList<>();
		codes.add(node.code());
		children.forEach(c -> codes.add(c.code()));
		Map<String, Figures[]> all = figures(codes, asOf);
		Figures[] own = all.get(node.code());
		List<CommandView.Child> lines = children.stream()
				.map(c -> new CommandView.Child(c.code(), c.name(), all.get(c.code())[0])).toList();
		return new CommandView(node.code(), node.name(), node.level().name(), asOf, own[0], own[0].minus(own[1]),
				lines);
	}

	/** For each code: the figures on {@code day} and on the day before. */
	Map<String, Figures[]> figures(List<String> codes, LocalDate day) {
		Map<String, Map<Measure, long[]>> rows = new HashMap<>();
		jdbc.sql("""
				SELECT code, measure, SUM(CASE WHEN on_day = :day THEN amount ELSE 0 END),
				  SUM(CASE WHEN on_day = :before THEN amount ELSE 0 END), SUM(amount)
				FROM command_count WHERE code IN (:codes) AND on_day <= :day GROUP BY code, measure""")
				.param("day", day).param("before", day.minusDays(1)).param("codes", codes)
				.query(rs -> {
					rows.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(Measure.class)).put(
							Measure.valueOf(rs.getString(2)), new long[] { rs.getLong(3), rs.getLong(4), rs.getLong(5) });
				});
		Map<String, Figures[]> out = new LinkedHashMap<>();
		for (String code : codes) {
			Map<Measure, Long> flows = new EnumMap<>(Measure.class);
			Map<Measure, Long> stocks = new EnumMap<>(Measure.class);
			Map<Measure, Long> flowsBefore = new EnumMap<>(Measure.class);
			Map<Measure, Long> stocksBefore = new EnumMap<>(Measure.class);
			rows.getOrDefault(code, Map.of()).forEach((measure, v) -> {
				if (measure.stock) {
					stocks.put(measure, v[2]);
					stocksBefore.put(measure, v[2] - v[0]);
				}
				else {
					flows.put(measure, v[0]);
					flowsBefore.put(measure, v[1]);
				}
			});
			out.put(code, new Figures[] { Figures.of(flows, stocks), Figures.of(flowsBefore, stocksBefore) });
		}
		return out;
	}

	/** The last 30 days up to {@code day}: reported, closed, open and overdue cases and people in quarantine. */
	@Transactional(readOnly = true)
	public Trend trend(CurrentUser user, @Nullable String code, @Nullable LocalDate day) {
		require(user);
		String where = code == null || code.isBlank() ? home(user) : code.trim();
		jurisdictions.node(user, where);
		LocalDate end = day == null ? model.today() : day;
		LocalDate start = end.minusDays(TREND_DAYS - 1);
		Map<Measure, long[]> series = new EnumMap<>(Measure.class);
		for (Measure m : Measure.values()) {
			series.put(m, new long[TREND_DAYS]);
		}
		jdbc.sql("""
				SELECT measure, on_day, amount FROM command_count WHERE code = ? AND on_day <= ?""").params(where, end)
				.query(rs -> {
					Measure m = Measure.valueOf(rs.getString(1));
					LocalDate d = rs.getObject(2, LocalDate.class);
					long v = rs.getLong(3);
					long[] s = series.get(m);
					if (m.stock) {
						int from = d.isBefore(start) ? 0 : (int) (d.toEpochDay() - start.toEpochDay());
						for (int i = from; i < TREND_DAYS; i++) {
							s[i] += v;
						}
					}
					else if (!d.isBefore(start)) {
						s[(int) (d.toEpochDay() - start.toEpochDay())] += v;
					}
				});
		List<LocalDate> days = new ArrayList<>();
		for (int i = 0; i < TREND_DAYS; i++) {
			days.add(start.plusDays(i));
		}
		return new Trend(where, days, list(series.get(Measure.REPORTED)), list(series.get(Measure.CLOSED)),
				list(series.get(Measure.OPEN)), list(series.get(Measure.OVERDUE)), list(series.get(Measure.QUARANTINED)));
	}

	private static List<Long> list(long[] values) {
		List<Long> out = new ArrayList<>(values.length);
		for (long v : values) {
			out.add(v);
		}
		return out;
	}

	/** A 30-day series per figure. */
	public record Trend(String jurisdiction, List<LocalDate> days, List<Long> reported, List<Long> closed,
			List<Long> open, List<Long> overdue, List<Long> inQuarantine) {
	}

	/** An open case as a point of the map (no text: a click opens the case page, which checks access itself). */
	public record Point(long caseId, double lat, double lng, boolean overdue) {
	}

	/** The open cases with a location under {@code code}, at most 5,000 (the map clusters them). */
	@Transactional(readOnly = true)
	public List<Point> openCases(CurrentUser user, @Nullable String code) {
		require(user);
		String where = code == null || code.isBlank() ? home(user) : code.trim();
		jurisdictions.node(user, where);
		return jdbc.sql("""
				SELECT item_id, lat, lng, overdue FROM command_item
				WHERE kind = 'CASE' AND NOT ended AND lat IS NOT NULL AND code LIKE ? ORDER BY item_id DESC LIMIT 5000""")
				.param(JurisdictionCode.of(where).prefix() + "%")
				.query((rs, i) -> new Point(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getBoolean(4))).list();
	}
}
