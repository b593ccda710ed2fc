package org.gridlink.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridlink.cases.CaseFacts;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.quarantine.QuarantineFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the read model from the modules' own facts ({@link CaseFacts}, {@link QuarantineFacts}): counts are
 * summed in memory and written in batches, all in one transaction, so readers see the old or the new model.
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

	private record Key(String code, Measure measure, LocalDate day) {
	}

	/** The system's rebuild (the daily job, the first start). */
	@Transactional
	public Result rebuild() {
		long started = System.nanoTime();
		Map<Key, Long> counts = new HashMap<>();
		List<Object[]> items = new ArrayList<>();
		long[] n = new long[2];
		Map<Long, LocalDate> ended = new HashMap<>(); // cases no longer open: the day they ended (alerts end with them)
		cases.forEach(c -> {
			n[0]++;
			String code = c.jurisdictionCode();
			LocalDate reported = model.day(c.reportedAt());
			add(counts, code, Measure.REPORTED, reported, 1);
			if (c.closedAt() != null) {
				LocalDate closed = model.day(c.closedAt());
				add(counts, code, Measure.CLOSED, closed, 1);
				if (Boolean.TRUE.equals(c.onTime())) {
					add(counts, code, Measure.CLOSED_ON_TIME, closed, 1);
				}
			}
			boolean overdue = c.open() && c.overdue();
			add(counts, code, Measure.OPEN, reported, 1);
			if (!c.open()) {
				LocalDate end = c.closedAt() == null ? reported : model.day(c.closedAt());
				add(counts, code, Measure.OPEN, end, -1);
				ended.put(c.id(), end);
			}
			else if (overdue) {
				add(counts, code, Measure.OVERDUE, model.today(), 1);
			}
			items.add(new Object[] { ReadModel.CASE, c.id(), code, overdue, !c.open(), c.lat(), c.lng() });
		});
		orders.forEach(o -> {
			n[1]++;
			add(counts, o.gridCode(), Measure.QUARANTINED, model.day(o.orderedAt()), 1);
			if (o.releasedAt() != null) {
				add(counts, o.gridCode(), Measure.QUARANTINED, model.day(o.releasedAt()), -1);
			}
			items.add(new Object[] { ReadModel.ORDER, o.id(), o.gridCode(), false, o.releasedAt() != null, null, null });
		});
		orders.forEachAlert(a -> {
			LocalDate raised = model.day(a.raisedAt());
			LocalDate end = a.caseId() == null ? null : ended.get(a.caseId());
			add(counts, a.gridCode(), Measure.ALERTS_OPEN, raised, 1);
			if (end != null) {
				add(counts, a.gridCode(), Measure.ALERTS_OPEN, end.isBefore(raised) ? raised : end, -1);
			}
			items.add(new Object[] { ReadModel.ALERT, a.id(), a.gridCode(), false, end != null, null, null });
		});
		// the gauges' history is kept (their modules keep no history to recompute it from); they are resynced below
		jdbc.update("DELETE FROM command_count WHERE measure NOT IN ('SCREENED', 'SCREENING_TOTAL', 'BEDS_FREE', "
				+ "'PASSES_VALID', 'SCANS')");
		jdbc.update("DELETE FROM command_item");
		List<Object[]> rows = new ArrayList<>(counts.size());
		counts.forEach((k, v) -> rows.add(new Object[] { k.code(), k.day(), k.measure().name(), v }));
		for (int i = 0; i < rows.size(); i += 1000) {
			jdbc.batchUpdate("INSERT INTO command_count (code, on_day, measure, amount) VALUES (?, ?, ?, ?)",
					rows.subList(i, Math.min(rows.size(), i + 1000)));
		}
		for (int i = 0; i < items.size(); i += 1000) {
			jdbc.batchUpdate("INSERT INTO command_item (kind, item_id, code, overdue, ended, lat, lng) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)", items.subList(i, Math.min(items.size(), i + 1000)));
		}
		gauges.all();
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info("Command read model rebuilt: {} cases, {} orders, {} rows in {} ms", n[0], n[1], rows.size(), millis);
		return new Result(n[0], n[1], rows.size(), millis);
	}

	private static void add(Map<Key, Long> counts, String code, Measure measure, LocalDate day, long delta) {
		for (String place : Places.upward(code)) {
			counts.merge(new Key(place, measure, day), delta, Long::sum);
		}
	}
}
