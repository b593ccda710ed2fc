package org.gridlink.command;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.shared.JurisdictionCode;
import org.gridlink.shared.JurisdictionLevel;
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

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CommandCenter.class);

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
		long t0 = System.nanoTime();
		String where = code == null || code.isBlank() ? home(user) : code.trim();
		Place place = place(user, where); // 404 unknown, 403 outside the scope
		JurisdictionNode node = place.node();
		LocalDate asOf = day == null ? model.today() : day;
		if (asOf.isAfter(model.today())) {
			throw new InvalidInputException("command.date.future");
		}
		// the children the caller may see (a street's staff see all of their street's communities)
		List<JurisdictionNode> children = place.children().stream().filter(c -> user.scope().covers(c.code())).toList();
		List<String> codes = new ArrayList<>();
		codes.add(node.code());
		children.forEach(c -> codes.add(c.code()));
		long t1 = System.nanoTime();
		Map<String, Figures[]> all = figures(codes, asOf);
		if (log.isDebugEnabled()) { // bench/command reads these: the place (cached tree) and the query, in microseconds
			log.debug("figures {} ({} places): place {} us, query {} us", node.code(), codes.size(), (t1 - t0) / 1000,
					(System.nanoTime() - t1) / 1000);
		}
		Figures[] own = all.get(node.code());
		List<CommandView.Child> lines = children.stream()
				.map(c -> new CommandView.Child(c.code(), c.name(), all.get(c.code())[0])).toList();
		return new CommandView(node.code(), node.name(), node.level().name(), asOf, own[0], own[0].minus(own[1]),
				lines);
	}

	/** How long the jurisdiction tree (a place's name and children) is kept: it changes only by an import. */
	static final Duration TREE_KEPT = Duration.ofSeconds(60);

	/** A place of the tree with its children (all of them: the caller's scope is applied per request). */
	record Place(JurisdictionNode node, List<JurisdictionNode> children, long loadedAt) {
	}

	private final Map<String, Place> tree = new ConcurrentHashMap<>();

	/** The place, scope-checked like {@link Jurisdictions#node}, its node and children cached for {@link #TREE_KEPT}. */
	Place place(CurrentUser user, String code) {
		if (!JurisdictionCode.isValid(code)) {
			throw new NotFoundException("jurisdiction.not.found", code);
		}
		if (!user.scope().covers(code)) {
			throw new OutOfScopeException("jurisdiction", code);
		}
		long now = System.nanoTime();
		Place cached = tree.get(code);
		if (cached != null && now - cached.loadedAt() < TREE_KEPT.toNanos()) {
			return cached;
		}
		JurisdictionNode node = jurisdictions.find(code)
				.orElseThrow(() -> new NotFoundException("jurisdiction.not.found", code));
		List<JurisdictionNode> children = node.level() == JurisdictionLevel.GRID ? List.of()
				: jurisdictions.list(new CurrentUser(0, "system", "GridLink", Set.of(Role.CENTER),
						Scope.of(Set.of(node.code())), null), null, node.code(), PageRequest.of(0, 1000)).getContent();
		Place place = new Place(node, List.copyOf(children), now);
		tree.put(code, place);
		return place;
	}

	/**
	 * For each code: the figures on {@code day} and on the day before, in one query. A stock is its running total
	 * ({@code command_total}, one row) less the changes after the day; the flows and the day's changes come from the
	 * rows of the day and the day before only (read through the index on code and day).
	 */
	Map<String, Figures[]> figures(List<String> codes, LocalDate day) {
		Map<String, Map<Measure, long[]>> rows = new HashMap<>();
		jdbc.sql("""
				SELECT code, measure, 0, 0, 0, amount FROM command_total WHERE code IN (:codes)
				UNION ALL
				SELECT code, measure, SUM(CASE WHEN on_day = :day THEN amount ELSE 0 END),
				  SUM(CASE WHEN on_day = :before THEN amount ELSE 0 END),
				  SUM(CASE WHEN on_day > :day THEN amount ELSE 0 END), 0
				FROM command_count WHERE code IN (:codes) AND on_day >= :before GROUP BY code, measure""")
				.param("day", day).param("before", day.minusDays(1)).param("codes", codes)
				.query(rs -> {
					long[] v = rows.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(Measure.class))
							.computeIfAbsent(Measure.valueOf(rs.getString(2)), k -> new long[4]);
					for (int i = 0; i < 4; i++) {
						v[i] += rs.getLong(3 + i);
					}
				});
		Map<String, Figures[]> out = new LinkedHashMap<>();
		for (String code : codes) {
			Map<Measure, Long> flows = new EnumMap<>(Measure.class);
			Map<Measure, Long> stocks = new EnumMap<>(Measure.class);
			Map<Measure, Long> flowsBefore = new EnumMap<>(Measure.class);
			Map<Measure, Long> stocksBefore = new EnumMap<>(Measure.class);
			rows.getOrDefault(code, Map.of()).forEach((measure, v) -> {
				if (measure.stock) {
					long atDay = v[3] - v[2];
					stocks.put(measure, atDay);
					stocksBefore.put(measure, atDay - v[0]);
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
		place(user, where);
		LocalDate end = day == null ? model.today() : day;
		LocalDate start = end.minusDays(TREND_DAYS - 1);
		Map<Measure, long[]> series = new EnumMap<>(Measure.class);
		Map<Measure, long[]> changes = new EnumMap<>(Measure.class);
		Map<Measure, Long> after = new EnumMap<>(Measure.class); // a stock's changes after the last day
		Map<Measure, Long> totals = new EnumMap<>(Measure.class);
		for (Measure m : Measure.values()) {
			series.put(m, new long[TREND_DAYS]);
			changes.put(m, new long[TREND_DAYS]);
		}
		jdbc.sql("SELECT measure, amount FROM command_total WHERE code = ?").param(where)
				.query(rs -> {
					totals.put(Measure.valueOf(rs.getString(1)), rs.getLong(2));
				});
		jdbc.sql("SELECT measure, on_day, amount FROM command_count WHERE code = ? AND on_day >= ?").params(where, start)
				.query(rs -> {
					Measure m = Measure.valueOf(rs.getString(1));
					LocalDate d = rs.getObject(2, LocalDate.class);
					long v = rs.getLong(3);
					if (d.isAfter(end)) {
						after.merge(m, v, Long::sum);
					}
					else {
						(m.stock ? changes : series).get(m)[(int) (d.toEpochDay() - start.toEpochDay())] += v;
					}
				});
		for (Measure m : Measure.values()) {
			if (m.stock) { // from the value at the last day back: the day before is the day less its change
				long[] s = series.get(m);
				long[] c = changes.get(m);
				s[TREND_DAYS - 1] = totals.getOrDefault(m, 0L) - after.getOrDefault(m, 0L);
				for (int i = TREND_DAYS - 1; i > 0; i--) {
					s[i - 1] = s[i] - c[i];
				}
			}
		}
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
		place(user, where);
		return jdbc.sql("""
				SELECT item_id, lat, lng, overdue FROM command_item
				WHERE kind = 'CASE' AND NOT ended AND lat IS NOT NULL AND code LIKE ? ORDER BY item_id DESC LIMIT 5000""")
				.param(JurisdictionCode.of(where).prefix() + "%")
				.query((rs, i) -> new Point(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getBoolean(4))).list();
	}
}
