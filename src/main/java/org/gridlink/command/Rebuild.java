package org.gridlink.command;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridlink.cases.CaseFacts;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.quarantine.QuarantineFacts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the read model from the modules' own facts ({@link CaseFacts}, {@link QuarantineFacts}): one staging row
 * per case, order and alert is written with multi-row inserts, then the counts, the items and the running totals with
 * grouped {@code INSERT ... SELECT} statements, all in one transaction, so readers see the old or the new model.
 */
@Service
public class Rebuild {

	private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

	public record Result(long cases, long orders, long rows, long millis) {
	}

	private final JdbcTemplate jdbc;
	private final CaseFacts cases;
	private final QuarantineFacts orders;
	private final ReadModel model;
	private final AuditTrail audit;
	private final Gauges gauges;

	Rebuild(JdbcTemplate jdbc, CaseFacts cases, QuarantineFacts orders, ReadModel model, AuditTrail audit,
			Gauges gauges) {
		this.gauges = gauges;
		this.jdbc = jdbc;
		this.cases = cases;
		this.orders = orders;
		this.model = model;
		this.audit = audit;
	}

	/** The administrator's or the center's rebuild (audited). */
	@Transactional
	public Result rebuild(CurrentUser user) {
		if (!user.hasAny(Role.ADMIN, Role.CENTER)) {
			throw new AccessDeniedException("command rebuild: admin or center only");
		}
		Result result = rebuild();
		audit.record("COMMAND_REBUILD", "commandReadModel", "all", AuditTrail.SUCCESS,
				"cases=" + result.cases() + " orders=" + result.orders() + " rows=" + result.rows());
		return result;
	}

	/** The system's rebuild (the daily job, the first start). */
	@Transactional
	public Result rebuild() {
		long started = System.nanoTime();
		// one rebuild at a time on any instance (a lock row): the staging tables and the counts are rewritten whole
		jdbc.update("INSERT INTO command_gauge (measure, item, code, amount) VALUES ('REBUILD', '~lock', '', 0) "
				+ "ON CONFLICT DO NOTHING");
		jdbc.queryForObject("SELECT amount FROM command_gauge WHERE measure = 'REBUILD' AND item = '~lock' FOR UPDATE",
				Long.class);
		jdbc.update("DELETE FROM command_rebuild_item");
		jdbc.update("DELETE FROM command_rebuild_place");
		List<Object[]> items = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		long[] n = new long[2];
		Map<Long, LocalDate> ended = new HashMap<>(); // cases no longer open: the day they ended (alerts end with them)
		cases.forEach(c -> {
			n[0]++;
			LocalDate reported = model.day(c.reportedAt());
			LocalDate closed = c.closedAt() == null ? null : model.day(c.closedAt());
			LocalDate end = null;
			if (!c.open()) {
				end = closed == null ? reported : closed;
				ended.put(c.id(), end);
			}
			items.add(item(ReadModel.CASE, c.id(), c.jurisdictionCode(), reported, end, closed,
					closed != null && Boolean.TRUE.equals(c.onTime()), c.open() && c.overdue(), c.lat(), c.lng()));
			codes.add(c.jurisdictionCode());
			flush(items, false);
		});
		orders.forEach(o -> {
			n[1]++;
			items.add(item(ReadModel.ORDER, o.id(), o.gridCode(), model.day(o.orderedAt()),
					o.releasedAt() == null ? null : model.day(o.releasedAt()), null, false, false, null, null));
			codes.add(o.gridCode());
			flush(items, false);
		});
		orders.forEachAlert(a -> {
			LocalDate raised = model.day(a.raisedAt());
			LocalDate end = a.caseId() == null ? null : ended.get(a.caseId());
			items.add(item(ReadModel.ALERT, a.id(), a.gridCode(), raised,
					end == null ? null : end.isBefore(raised) ? raised : end, null, false, false, null, null));
			codes.add(a.gridCode());
			flush(items, false);
		});
		flush(items, true);
		List<Object[]> places = new ArrayList<>();
		for (String code : codes) {
			for (String place : Places.upward(code)) { // none for an invalid code: it counts nowhere
				places.add(new Object[] { code, place });
			}
		}
		for (int i = 0; i < places.size(); i += CHUNK) {
			jdbc.batchUpdate("INSERT INTO command_rebuild_place (code, place) VALUES (?, ?)",
					places.subList(i, Math.min(places.size(), i + CHUNK)));
		}
		long staged = System.nanoTime();
		// the gauges' history is kept (their modules keep no history to recompute it from); they are resynced below
		jdbc.update("DELETE FROM command_count WHERE measure NOT IN (" + GAUGES + ")");
		jdbc.update("DELETE FROM command_item");
		// every change of every item, at its place and each ancestor, summed per place, day and measure
		int rows = jdbc.update("""
				INSERT INTO command_count (code, on_day, measure, amount)
				SELECT p.place, c.on_day, c.measure, SUM(c.delta) FROM (
				  SELECT code, begun_on AS on_day, 'REPORTED' AS measure, 1 AS delta FROM command_rebuild_item WHERE kind = 'CASE'
				  UNION ALL SELECT code, begun_on, 'OPEN', 1 FROM command_rebuild_item WHERE kind = 'CASE'
				  UNION ALL SELECT code, ended_on, 'OPEN', -1 FROM command_rebuild_item WHERE kind = 'CASE' AND ended_on IS NOT NULL
				  UNION ALL SELECT code, closed_on, 'CLOSED', 1 FROM command_rebuild_item WHERE kind = 'CASE' AND closed_on IS NOT NULL
				  UNION ALL SELECT code, closed_on, 'CLOSED_ON_TIME', 1 FROM command_rebuild_item
				    WHERE kind = 'CASE' AND closed_on IS NOT NULL AND on_time
				  UNION ALL SELECT code, CAST(? AS DATE), 'OVERDUE', 1 FROM command_rebuild_item WHERE kind = 'CASE' AND overdue
				  UNION ALL SELECT code, begun_on, 'QUARANTINED', 1 FROM command_rebuild_item WHERE kind = 'ORDER'
				  UNION ALL SELECT code, ended_on, 'QUARANTINED', -1 FROM command_rebuild_item
				    WHERE kind = 'ORDER' AND ended_on IS NOT NULL
				  UNION ALL SELECT code, begun_on, 'ALERTS_OPEN', 1 FROM command_rebuild_item WHERE kind = 'ALERT'
				  UNION ALL SELECT code, ended_on, 'ALERTS_OPEN', -1 FROM command_rebuild_item
				    WHERE kind = 'ALERT' AND ended_on IS NOT NULL
				) c JOIN command_rebuild_place p ON p.code = c.code
				GROUP BY p.place, c.on_day, c.measure HAVING SUM(c.delta) <> 0""", java.sql.Date.valueOf(model.today()));
		long counted = System.nanoTime();
		jdbc.update("""
				INSERT INTO command_item (kind, item_id, code, overdue, ended, lat, lng)
				SELECT kind, item_id, code, overdue, ended_on IS NOT NULL, lat, lng FROM command_rebuild_item""");
		// the running totals of the stocks (the gauges' too), from the counts just written
		jdbc.update("DELETE FROM command_total");
		jdbc.update("INSERT INTO command_total (code, measure, amount) SELECT code, measure, SUM(amount) FROM command_count "
				+ "WHERE measure IN (" + STOCKS + ") GROUP BY code, measure");
		jdbc.update("DELETE FROM command_rebuild_item");
		jdbc.update("DELETE FROM command_rebuild_place");
		long totalled = System.nanoTime();
		gauges.all();
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info("Command read model rebuilt: {} cases, {} orders, {} rows in {} ms (facts read and staged {} ms, "
				+ "counts deleted and written {} ms, items and totals {} ms, gauges {} ms)", n[0], n[1], rows, millis,
				(staged - started) / 1_000_000, (counted - staged) / 1_000_000, (totalled - counted) / 1_000_000,
				(System.nanoTime() - totalled) / 1_000_000);
		return new Result(n[0], n[1], rows, millis);
	}

	/** Rows per multi-row insert of the staging items (10 parameters each). */
	private static final int CHUNK = 1000;

	private static final String GAUGES = quoted(m -> m.gauge);

	private static final String STOCKS = quoted(m -> m.stock);

	private static String quoted(java.util.function.Predicate<Measure> which) {
		return java.util.Arrays.stream(Measure.values()).filter(which).map(m -> "'" + m.name() + "'")
				.collect(java.util.stream.Collectors.joining(", "));
	}

	private static final int[] TYPES = { Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.DATE, Types.DATE, Types.DATE,
			Types.BOOLEAN, Types.BOOLEAN, Types.DOUBLE, Types.DOUBLE };

	private static Object[] item(String kind, long id, String code, LocalDate begun, @Nullable LocalDate ended,
			@Nullable LocalDate closed, boolean onTime, boolean overdue, @Nullable Double lat, @Nullable Double lng) {
		return new Object[] { kind, id, code, Date.valueOf(begun), ended == null ? null : Date.valueOf(ended),
				closed == null ? null : Date.valueOf(closed), onTime, overdue, lat, lng };
	}

	/** Writes the collected staging items with multi-row inserts, a full chunk at a time (all of them at the end). */
	private void flush(List<Object[]> items, boolean all) {
		if (items.size() < CHUNK && !(all && !items.isEmpty())) {
			return;
		}
		StringBuilder sql = new StringBuilder("INSERT INTO command_rebuild_item (kind, item_id, code, begun_on, ended_on, "
				+ "closed_on, on_time, overdue, lat, lng) VALUES ");
		Object[] args = new Object[items.size() * TYPES.length];
		int[] types = new int[args.length];
		for (int i = 0; i < items.size(); i++) {
			sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
			System.arraycopy(items.get(i), 0, args, i * TYPES.length, TYPES.length);
			System.arraycopy(TYPES, 0, types, i * TYPES.length, TYPES.length);
		}
		jdbc.update(sql.toString(), args, types);
		items.clear();
	}
}
