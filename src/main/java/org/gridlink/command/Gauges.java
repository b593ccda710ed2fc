package org.gridlink.command;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridlink.passes.PassFacts;
import org.gridlink.quarantine.QuarantineFacts;
import org.gridlink.screening.ScreeningFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures other modules count and this module mirrors as gauges ({@code command_gauge}): screening progress of
 * the running campaigns per grid, free beds per site, valid passes per zone, scans per checkpoint and day. A resync
 * reads the module's public facts and adds the difference to the stored value to the day's counts (so history is
 * kept as the changes were seen, and a resync finding nothing new writes nothing). Triggered by the modules' events
 * ({@link CommandListeners}), every few minutes ({@link GaugeSync}: passes expire without an event) and by a rebuild.
 */
@Component
class Gauges {

	private final JdbcClient jdbc;
	private final ReadModel model;
	private final ScreeningFacts screening;
	private final QuarantineFacts quarantine;
	private final PassFacts passes;

	Gauges(JdbcClient jdbc, ReadModel model, ScreeningFacts screening, QuarantineFacts quarantine, PassFacts passes) {
		this.jdbc = jdbc;
		this.model = model;
		this.screening = screening;
		this.quarantine = quarantine;
		this.passes = passes;
	}

	private static final String LOCK = "~lock";

	record Value(String code, long amount) {
	}

	@Transactional
	public void screening() {
		Map<String, Value> screened = new HashMap<>();
		Map<String, Value> total = new HashMap<>();
		screening.running().forEach((grid, p) -> {
			screened.put(grid, new Value(grid, p.screened()));
			total.put(grid, new Value(grid, p.total()));
		});
		sync(Measure.SCREENED, screened, model.today(), null);
		sync(Measure.SCREENING_TOTAL, total, model.today(), null);
	}

	@Transactional
	public void beds() {
		Map<String, Value> beds = new HashMap<>();
		quarantine.bedsFree().forEach(s -> beds.put(String.valueOf(s.siteId()), new Value(s.jurisdictionCode(), s.free())));
		sync(Measure.BEDS_FREE, beds, model.today(), null);
	}

	@Transactional
	public void passes() {
		Map<String, Value> valid = new HashMap<>();
		passes.validNow().forEach((zone, n) -> valid.put(zone, new Value(zone, n)));
		sync(Measure.PASSES_VALID, valid, model.today(), null);
	}

	/** The scans of today (and of yesterday, which a late upload may still add to). */
	@Transactional
	public void scans() {
		for (LocalDate day : List.of(model.today().minusDays(1), model.today())) {
			Map<String, Value> scans = new HashMap<>();
			passes.scansOn(day).forEach(s -> scans.put(s.checkpointId() + "@" + day, new Value(s.jurisdictionCode(), s.scans())));
			sync(Measure.SCANS, scans, day, day + "");
		}
	}

	@Transactional
	public void all() {
		screening();
		beds();
		passes();
		scans();
	}

	/**
	 * Sets the gauges of a measure to {@code now}; gauges of the measure not in {@code now} go to 0 (only those whose
	 * item ends with {@code suffix} when given: the scans of one day). The differences are added on {@code day}.
	 */
	private void sync(Measure measure, Map<String, Value> now, LocalDate day, String suffix) {
		// one resync at a time per measure, on any instance (a lock row per measure): each change is applied once
		jdbc.sql("INSERT INTO command_gauge (measure, item, code, amount) VALUES (?, ?, '', 0) ON CONFLICT DO NOTHING")
				.params(measure.name(), LOCK).update();
		jdbc.sql("SELECT amount FROM command_gauge WHERE measure = ? AND item = ? FOR UPDATE").params(measure.name(), LOCK)
				.query(Long.class).single();
		Map<String, Value> stored = new HashMap<>();
		jdbc.sql("SELECT item, code, amount FROM command_gauge WHERE measure = ? AND item <> ?").params(measure.name(), LOCK)
				.query(rs -> {
					stored.put(rs.getString(1), new Value(rs.getString(2), rs.getLong(3)));
				});
		Set<String> items = new HashSet<>(now.keySet());
		stored.keySet().stream().filter(i -> suffix == null || i.endsWith("@" + suffix)).forEach(items::add);
		for (String item : items) {
			Value was = stored.get(item);
			Value is = now.get(item);
			long before = was == null ? 0 : was.amount();
			long after = is == null ? 0 : is.amount();
			if (was != null && is != null && !was.code().equals(is.code())) { // the thing moved to another place
				model.add(was.code(), day, measure, -before);
				model.add(is.code(), day, measure, after);
			}
			else if (after != before) {
				model.add((is != null ? is : was).code(), day, measure, after - before);
			}
			else {
				continue;
			}
			if (was == null) {
				jdbc.sql("INSERT INTO command_gauge (measure, item, code, amount) VALUES (?, ?, ?, ?)")
						.params(measure.name(), item, is.code(), after).update();
			}
			else {
				jdbc.sql("UPDATE command_gauge SET code = ?, amount = ? WHERE measure = ? AND item = ?")
						.params((is != null ? is : was).code(), after, measure.name(), item).update();
			}
		}
	}
}
