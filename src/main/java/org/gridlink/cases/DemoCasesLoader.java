package org.gridlink.cases;

import java.sql.Types;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.UnitView;
import org.gridlink.jurisdiction.ResidentialGrid;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.DemoData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;

import org.springframework.jdbc.core.JdbcTemplate;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo cases: {@code gridlink.demo.cases} (2,000) cases over the last 60 days across the district's grids and minor
 * classes, each taken through the loop as far as its simulated times have passed — most closed and evaluated, some
 * in progress, some overdue, a few reworked, extended, returned, not filed or void — with a consistent history,
 * units and working-time deadlines; and this week's duty roster with {@code center} on duty now. Loaded in bulk once
 * into an empty case table, with a fixed seed. Demo mode only ({@code @DemoData}).
 */
@DemoData
@Order(30)
class DemoCasesLoader implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoCasesLoader.class);
	private static final long SEED = 30428L;
	private static final int DAYS = 60;
	private static final int ROWS_PER_STATEMENT = 100;
	// explicit parameter types: no metadata look-up per null value in the batches
	private static final int V = Types.VARCHAR;
	private static final int TZ = Types.TIMESTAMP_WITH_TIMEZONE;
	private static final int BIG = Types.BIGINT;
	private static final int INT = Types.INTEGER;
	private static final int BOOL = Types.BOOLEAN;
	private static final DateTimeFormatter NUMBER_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
	private static final String[] ROADS = { "金桥路", "人民路", "建设路", "淮海路", "解放路", "新华路", "健康路", "文化路",
			"工业园路", "翔宇大道", "北京路", "上海路" };
	private static final String[] PHRASES = { "，影响居民出行，请尽快处理。", "，已持续多日。", "，群众反映强烈。", "，存在安全隐患。",
			"，网格员巡查发现。", "，请相关部门核实处置。" };
	private static final String[] FEEDBACK = { "已现场处置完毕。", "已清理整改，恢复原状。", "已约谈当事人并整改到位。", "已安排维修，恢复正常。" };

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Jurisdictions jurisdictions;
	private final Organization organization;
	private final Accounts accounts;
	private final CaseCategories categories;
	private final RoutingRules routing;
	private final WorkingCalendars calendars;
	private final int count;
	private final Clock clock;
	private final ZoneId zone;

	DemoCasesLoader(JdbcTemplate jdbc, TransactionTemplate transactions, Jurisdictions jurisdictions,
			Organization organization, Accounts accounts, CaseCategories categories, RoutingRules routing,
			WorkingCalendars calendars,
			@Value("${gridlink.demo.cases:2000}") int count, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.jurisdictions = jurisdictions;
		this.organization = organization;
		this.accounts = accounts;
		this.categories = categories;
		this.routing = routing;
		this.calendars = calendars;
		this.count = count;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (count <= 0) {
			return;
		}
		Long cases = jdbc.queryForObject("SELECT COUNT(*) FROM case_file", Long.class);
		Long rules = jdbc.queryForObject("SELECT COUNT(*) FROM case_routing_rule", Long.class);
		if (cases == null || cases > 0 || rules == null || rules == 0) {
			return;
		}
		long started = System.nanoTime();
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
		List<Demo> demo = generate(now);
		long generated = System.nanoTime();
		transactions.executeWithoutResult(tx -> {
			insert(jdbc, calendars.current(), demo);
			roster(now);
		});
		LOG.info("Demo cases: {} cases with their history loaded in {} ms (generated in {} ms)", demo.size(),
				(System.nanoTime() - started) / 1_000_000, (generated - started) / 1_000_000);
	}

	/** One demo case: the case_file values, its units and its history. */
	static final class Demo {
		String district = "";
		String number = "";
		CaseStatus status = CaseStatus.REPORTED;
		CaseSource source = CaseSource.GRID_WORKER;
		String category = "";
		String description = "";
		String grid = "";
		String address = "";
		String reporter = "";
		OffsetDateTime reportedAt = OffsetDateTime.MIN;
		@Nullable OffsetDateTime filedAt;
		@Nullable OffsetDateTime dispatchedAt;
		@Nullable OffsetDateTime handledAt;
		@Nullable OffsetDateTime closedAt;
		@Nullable Long lead;
		List<Long> assisting = List.of();
		@Nullable CaseClock clock;
		@Nullable String pending;
		@Nullable Integer requested;
		boolean warned;
		boolean overdue;
		@Nullable Boolean closedOnTime;
		int reworks;
		int extensions;
		@Nullable Integer satisfaction;
		/** An idempotency key (caller: the reporter), for the hand-offs of other modules' demo data. */
		@Nullable String key;
		final List<Object[]> events = new ArrayList<>();

		void event(String action, @Nullable CaseStatus from, CaseStatus to, String actor, @Nullable Long unit,
				String note, OffsetDateTime at) {
			events.add(new Object[] { action, from == null ? null : from.name(), to.name(), actor, unit, note, at });
		}

		/** The status the case had at {@code at}: where the last step before it led. */
		CaseStatus statusAt(OffsetDateTime at) {
			CaseStatus status = CaseStatus.REPORTED;
			for (Object[] e : events) {
				if (!((OffsetDateTime) e[6]).isAfter(at)) {
					status = CaseStatus.valueOf((String) e[2]);
				}
			}
			return status;
		}
	}

	private List<Demo> generate(OffsetDateTime now) {
		Random random = new Random(SEED);
		WorkingCalendar calendar = calendars.current();
		List<String> grids = jurisdictions.residentialGrids().stream().map(ResidentialGrid::code).toList();
		List<CaseCategory> minors = categories.minorClasses();
		Map<Long, String> handlers = new HashMap<>();
		List<Long> unitIds = new ArrayList<>();
		for (UnitView unit : organization.allUnits()) {
			unitIds.add(unit.id());
			handlers.put(unit.id(), "U02".equals(unit.code()) ? "dept1" : "U09".equals(unit.code()) ? "police1"
					: "handler-" + unit.code());
		}
		Map<String, Optional<RoutingRules.RoutingRule>> rules = new HashMap<>();
		List<OffsetDateTime> times = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int day = random.nextInt(DAYS);
			int hour = random.nextInt(10) < 8 ? 7 + random.nextInt(15) : random.nextInt(24);
			OffsetDateTime at = now.minusDays(day).withHour(hour).withMinute(random.nextInt(60));
			times.add(at.isAfter(now) ? now.minusMinutes(1 + random.nextInt(180)) : at);
		}
		times.sort(Comparator.naturalOrder());
		List<Demo> all = new ArrayList<>();
		for (OffsetDateTime reportedAt : times) {
			Demo d = new Demo();
			CaseCategory category = minors.get(random.nextInt(minors.size()));
			d.grid = grids.get(random.nextInt(grids.size()));
			d.district = d.grid.substring(0, 6);
			d.category = category.code();
			d.reportedAt = reportedAt;
			double s = random.nextDouble();
			d.source = s < 0.55 ? CaseSource.GRID_WORKER : s < 0.8 ? CaseSource.HOTLINE
					: s < 0.92 ? CaseSource.RESIDENT : CaseSource.CENTER;
			d.reporter = switch (d.source) {
				case GRID_WORKER -> "320819001001001".equals(d.grid) ? "grid1"
						: "320819002001001".equals(d.grid) ? "grid2" : "gw-" + d.grid.substring(6);
				case RESIDENT -> "public";
				default -> "center";
			};
			d.description = category.nameZh() + PHRASES[random.nextInt(PHRASES.length)];
			d.address = ROADS[random.nextInt(ROADS.length)] + " " + (1 + random.nextInt(300)) + " 号";
			Optional<RoutingRules.RoutingRule> rule = rules.computeIfAbsent(d.category,
					c -> routing.route(c, d.grid.substring(0, 6)));
			simulate(d, category, rule, random, calendar, now, unitIds, handlers);
			all.add(d);
		}
		return all;
	}

	/** Takes the case through the loop as far as now, as the center and the units would have. */
	private static void simulate(Demo d, CaseCategory category, Optional<RoutingRules.RoutingRule> rule,
			Random random, WorkingCalendar calendar, OffsetDateTime now, List<Long> unitIds,
			Map<Long, String> handlers) {
		d.event("report", null, CaseStatus.REPORTED, d.reporter, null, d.source.name(), d.reportedAt);
		OffsetDateTime t = d.reportedAt.plusMinutes(5 + random.nextInt(175));
		if (t.isAfter(now)) {
			return;
		}
		if (random.nextDouble() < 0.05) {
			step(d, "reject", CaseStatus.REJECTED, "center", null, "不属于受理范围", t);
			return;
		}
		step(d, "file", CaseStatus.FILED, "center", null, "符合立案条件", t);
		d.filedAt = t;
		t = t.plusMinutes(5 + random.nextInt(115));
		if (t.isAfter(now) || rule.isEmpty()) {
			return;
		}
		if (random.nextDouble() < 0.015) {
			step(d, "void", CaseStatus.VOIDED, "center", null, "重复上报，作废", t);
			return;
		}
		long lead = rule.get().leadUnitId();
		if (random.nextDouble() < 0.03) {
			long wrong = unitIds.get(random.nextInt(unitIds.size()));
			if (wrong != lead) {
				step(d, "dispatch", CaseStatus.DISPATCHED, "center", null, " [unit=" + wrong + "]", t);
				OffsetDateTime sent = t;
				t = t.plusMinutes(30 + random.nextInt(210));
				if (t.isAfter(now)) {
					dispatched(d, wrong, List.of(), sent, category, calendar);
					finish(d, calendar, now, now);
					return;
				}
				step(d, "return", CaseStatus.FILED, handlers.get(wrong), wrong, "非本单位职责，请重新派遣", t);
				t = t.plusMinutes(30 + random.nextInt(60));
				if (t.isAfter(now)) {
					return;
				}
			}
		}
		step(d, "dispatch", CaseStatus.DISPATCHED, "center", null, " [unit=" + lead + "]", t);
		dispatched(d, lead, rule.get().assistingUnitIds(), t, category, calendar);
		String handler = handlers.getOrDefault(lead, "handler");
		CaseClock clock = d.clock;
		long limit = clock.limitMinutes();
		t = t.plusMinutes(10 + random.nextInt(230));
		if (t.isAfter(now)) {
			finish(d, calendar, now, now);
			return;
		}
		step(d, "accept", CaseStatus.ACCEPTED, handler, lead, "", t);
		if (random.nextDouble() < 0.05) {
			int hours = 8 * (1 + random.nextInt(3));
			OffsetDateTime asked = later(calendar.plus(d.dispatchedAt, Math.round(limit * 0.5)), t);
			if (asked.isAfter(now)) {
				finish(d, calendar, now, now);
				return;
			}
			step(d, "extend", CaseStatus.ACCEPTED, handler, lead, "需协调多部门，申请延期 [hours=" + hours + "]", asked);
			clock = clock.pause(asked);
			d.clock = clock;
			t = asked.plusMinutes(30 + random.nextInt(210));
			if (t.isAfter(now)) {
				d.pending = CaseLoop.EXTENSION;
				d.requested = hours * 60;
				finish(d, calendar, now, asked);
				return;
			}
			step(d, "approve-extension", CaseStatus.ACCEPTED, "center", null, " [approved]", t);
			clock = clock.resume(t, calendar).extend(hours * 60L);
			d.clock = clock;
			d.extensions = 1;
		}
		double fate = random.nextDouble();
		if (fate < 0.03) {
			finish(d, calendar, now, now); // never handled: overdue once its deadline passes
			return;
		}
		double share = fate < 0.15 ? 1.05 + random.nextDouble() * 0.6 : 0.1 + random.nextDouble() * 0.8;
		OffsetDateTime handled = later(calendar.plus(d.dispatchedAt,
				Math.round(clock.limitMinutes() * share) + clock.pausedMinutes()), t);
		if (handled.isAfter(now)) {
			finish(d, calendar, now, now);
			return;
		}
		OffsetDateTime running = handled;
		step(d, "feedback", CaseStatus.HANDLED, handler, lead, FEEDBACK[random.nextInt(FEEDBACK.length)], handled);
		d.handledAt = handled;
		d.clock = d.clock.pause(handled);
		t = handled.plusMinutes(30 + random.nextInt(450));
		if (t.isAfter(now)) {
			finish(d, calendar, now, running);
			return;
		}
		String verifier = d.source == CaseSource.GRID_WORKER ? d.reporter : "center";
		if (random.nextDouble() < 0.06) {
			step(d, "verify", CaseStatus.ACCEPTED, verifier, null, "现场仍未整改到位 [rework]", t);
			d.reworks = 1;
			d.clock = d.clock.resume(t, calendar);
			OffsetDateTime again = later(calendar.plus(t, Math.round(d.clock.limitMinutes() * (0.1 + random.nextDouble() * 0.2))), t);
			if (again.isAfter(now)) {
				finish(d, calendar, now, now);
				return;
			}
			running = again;
			step(d, "feedback", CaseStatus.HANDLED, handler, lead, "已返工整改完毕。", again);
			d.handledAt = again;
			d.clock = d.clock.pause(again);
			t = again.plusMinutes(30 + random.nextInt(450));
			if (t.isAfter(now)) {
				finish(d, calendar, now, running);
				return;
			}
		}
		step(d, "verify", CaseStatus.VERIFIED, verifier, null, " [passed]", t);
		t = t.plusMinutes(10 + random.nextInt(230));
		if (t.isAfter(now)) {
			finish(d, calendar, now, running);
			return;
		}
		OffsetDateTime deadline = d.clock.deadline(calendar);
		step(d, "close", CaseStatus.CLOSED, "center", null, "", t);
		d.closedAt = t;
		d.closedOnTime = !d.handledAt.isAfter(deadline);
		t = t.plusMinutes(60 + random.nextInt(47 * 60));
		if (!t.isAfter(now) && random.nextDouble() < 0.85) {
			double v = random.nextDouble();
			int satisfaction = v < 0.8 ? 3 : v < 0.94 ? 2 : 1;
			step(d, "evaluate", CaseStatus.EVALUATED, d.reporter, null, " [satisfaction=" + satisfaction + "]", t);
			d.satisfaction = satisfaction;
		}
		finish(d, calendar, now, running);
	}

	private static void dispatched(Demo d, long unit, List<Long> assisting, OffsetDateTime at, CaseCategory category,
			WorkingCalendar calendar) {
		Integer limit = category.limitMinutes(calendar.minutesPerDay());
		d.lead = unit;
		d.assisting = assisting;
		d.dispatchedAt = at;
		d.clock = new CaseClock(at, limit == null ? calendar.minutesPerDay() : limit, 0, null);
	}

	/**
	 * The time-limit marks the SLA watcher would have made while the clock ran (until {@code runningUntil}): a
	 * warning at 80 % and an escalation at the deadline.
	 */
	static void finish(Demo d, WorkingCalendar calendar, OffsetDateTime now, OffsetDateTime runningUntil) {
		if (d.clock == null) {
			return;
		}
		OffsetDateTime warn = d.clock.warning(calendar);
		OffsetDateTime deadline = d.clock.deadline(calendar);
		if (!warn.isAfter(runningUntil) && !warn.isAfter(now)) {
			d.warned = true;
			d.event("warn", d.statusAt(warn), d.statusAt(warn), "system", d.lead, "80 %", warn);
		}
		if (!deadline.isAfter(runningUntil) && !deadline.isAfter(now)) {
			d.overdue = true;
			d.event("escalate", d.statusAt(deadline), d.statusAt(deadline), "system", d.lead,
					"overdue: escalated to the unit's leader and the center", deadline);
		}
		d.events.sort(Comparator.comparing(e -> (OffsetDateTime) e[6]));
	}

	static void step(Demo d, String action, CaseStatus to, String actor, @Nullable Long unit, String note,
			OffsetDateTime at) {
		d.event(action, d.status, to, actor, unit, note, at);
		d.status = to;
	}

	private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
		return a.isAfter(b) ? a : b.plusMinutes(10);
	}

	/** Writes the demo cases in bulk (numbers, history, units, keys); returns their ids in the order given. */
	static List<Long> insert(JdbcTemplate jdbc, WorkingCalendar calendar, List<Demo> demo) {
		Long first = jdbc.queryForObject("SELECT nextval('case_number_seq')", Long.class);
		long seq = first == null ? 1 : first;
		List<Object[]> files = new ArrayList<>();
		for (Demo d : demo) {
			d.number = d.reportedAt.format(NUMBER_DATE) + String.format("%06d", seq++ % 1_000_000);
			CaseClock clock = d.clock;
			files.add(new Object[] { d.district, d.number, d.status.name(), d.source.name(), d.category, d.description,
					d.grid, d.address, d.reporter, d.reportedAt, d.filedAt, d.dispatchedAt, d.handledAt, d.closedAt,
					d.lead, clock == null ? null : (int) clock.limitMinutes(), clock == null ? null : clock.startedAt(),
					clock == null ? 0 : (int) clock.pausedMinutes(),
					clock == null ? null : clock.deadline(calendar),
					clock == null ? null : clock.warning(calendar), clock == null ? null : clock.pausedSince(),
					d.pending, d.requested, d.warned, d.overdue, d.closedOnTime, d.reworks, d.extensions,
					d.satisfaction });
		}
		jdbc.execute("ALTER SEQUENCE case_number_seq RESTART WITH " + seq);
		rows(jdbc, """
				INSERT INTO case_file (district_code, number, status, source, category_code, description,
				jurisdiction_code, address, reporter, reported_at, filed_at, dispatched_at, handled_at, closed_at,
				lead_unit_id, time_limit_minutes, clock_started_at, paused_minutes, deadline_at, warn_at, paused_since,
				pending_request, requested_minutes, warned, overdue, closed_on_time, rework_count, extension_count,
				satisfaction) VALUES""",
				files, new int[] { V, V, V, V, V, V, V, V, V, TZ, TZ, TZ, TZ, TZ, BIG, INT, TZ, INT, TZ, TZ, TZ, V, INT,
						BOOL, BOOL, BOOL, INT, INT, INT });
		Map<String, Long> ids = new HashMap<>();
		jdbc.query("SELECT id, number FROM case_file", rs -> {
			ids.put(rs.getString(2), rs.getLong(1));
		});
		List<Object[]> events = new ArrayList<>();
		List<Object[]> units = new ArrayList<>();
		List<Object[]> keys = new ArrayList<>();
		List<Long> written = new ArrayList<>();
		for (Demo d : demo) {
			long id = ids.get(d.number);
			written.add(id);
			if (d.key != null) {
				keys.add(new Object[] { d.reporter, d.key, id, d.reportedAt });
			}
			for (Object[] e : d.events) {
				events.add(new Object[] { id, d.district, e[0], e[1], e[2], e[3], e[4], e[5], e[6] });
			}
			if (d.lead != null && d.status != CaseStatus.FILED) {
				units.add(new Object[] { id, d.lead, "LEAD", d.district });
				d.assisting.stream().filter(u -> !u.equals(d.lead)).distinct()
						.forEach(u -> units.add(new Object[] { id, u, "ASSIST", d.district }));
			}
		}
		rows(jdbc, """
				INSERT INTO case_event (case_id, district_code, action, from_status, to_status, actor, unit_id, note,
				occurred_at) VALUES""", events, new int[] { BIG, V, V, V, V, V, BIG, V, TZ });
		rows(jdbc, "INSERT INTO case_unit (case_id, unit_id, role, district_code) VALUES", units,
				new int[] { BIG, BIG, V, V });
		if (!keys.isEmpty()) {
			rows(jdbc, "INSERT INTO case_idempotency (caller, idem_key, case_id, created_at) VALUES", keys,
					new int[] { V, V, BIG, TZ });
		}
		return written;
	}

	/**
	 * Inserts rows with multi-row {@code INSERT … VALUES (…), (…)} statements of {@value #ROWS_PER_STATEMENT} rows,
	 * sent as one JDBC batch: far fewer statement executions than one per row.
	 */
	private static void rows(JdbcTemplate jdbc, String insert, List<Object[]> rows, int[] types) {
		String one = "(" + String.join(", ", java.util.Collections.nCopies(types.length, "?")) + ")";
		int full = rows.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
		if (full > 0) {
			List<Object[]> chunks = new ArrayList<>();
			for (int i = 0; i < full; i += ROWS_PER_STATEMENT) {
				chunks.add(flatten(rows.subList(i, i + ROWS_PER_STATEMENT), types.length));
			}
			jdbc.batchUpdate(insert + " " + String.join(", ", java.util.Collections.nCopies(ROWS_PER_STATEMENT, one)),
					chunks, repeat(types, ROWS_PER_STATEMENT));
		}
		int rest = rows.size() - full;
		if (rest > 0) {
			jdbc.update(insert + " " + String.join(", ", java.util.Collections.nCopies(rest, one)),
					flatten(rows.subList(full, rows.size()), types.length), repeat(types, rest));
		}
	}

	private static Object[] flatten(List<Object[]> rows, int width) {
		Object[] all = new Object[rows.size() * width];
		for (int i = 0; i < rows.size(); i++) {
			System.arraycopy(rows.get(i), 0, all, i * width, width);
		}
		return all;
	}

	private static int[] repeat(int[] types, int times) {
		int[] all = new int[types.length * times];
		for (int i = 0; i < times; i++) {
			System.arraycopy(types, 0, all, i * types.length, types.length);
		}
		return all;
	}

	/** This week's roster in 12-hour shifts (08:00–20:00, 20:00–08:00), {@code center} on the shift of now. */
	private void roster(OffsetDateTime now) {
		Long shifts = jdbc.queryForObject("SELECT COUNT(*) FROM duty_shift", Long.class);
		if (shifts == null || shifts > 0 || accounts.find("center").isEmpty() || accounts.find("leader").isEmpty()) {
			return;
		}
		LocalDate monday = now.atZoneSameInstant(zone).toLocalDate()
				.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		OffsetDateTime start = monday.minusDays(1).atTime(20, 0).atZone(zone).toOffsetDateTime();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 15; i++) {
			OffsetDateTime from = start.plusHours(12L * i);
			OffsetDateTime to = from.plusHours(12);
			boolean current = !from.isAfter(now) && to.isAfter(now);
			String who = current || i % 2 == 0 ? "center" : "leader";
			rows.add(new Object[] { "320819", from, to, who, from.getHour() == 8 ? "白班" : "夜班" });
		}
		jdbc.batchUpdate("INSERT INTO duty_shift (district_code, starts_at, ends_at, username, note) VALUES (?, ?, ?, ?, ?)",
				rows);
	}
}
