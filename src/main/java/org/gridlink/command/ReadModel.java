package org.gridlink.command;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the read model: adds to the counts of a code and all its ancestors, keeps the per-item state that makes a
 * redelivered event a no-op, and appends to the live feed. Only this module's tables.
 */
@Component
class ReadModel {

	static final String CASE = "CASE";
	static final String ORDER = "ORDER";
	static final String ALERT = "ALERT";

	private final JdbcClient jdbc;
	private final Clock clock;
	final ZoneId zone;

	ReadModel(JdbcClient jdbc, Clock clock, @Value("${gridlink.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = zone;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

	LocalDate day(OffsetDateTime at) {
		return at.atZoneSameInstant(zone).toLocalDate();
	}

	/**
	 * Adds {@code delta} to the measure of the day for the code and each of its ancestors, and for a stock to its
	 * running total ({@code command_total}) in the same transaction. Rows are locked from the grid up to the district,
	 * the day's row before the total, so concurrent listeners take the locks in one order.
	 */
	void add(String code, LocalDate day, Measure measure, long delta) {
		for (String place : Places.upward(code)) {
			jdbc.sql("INSERT INTO command_count (code, on_day, measure, amount) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING")
					.params(place, day, measure.name()).update();
			jdbc.sql("UPDATE command_count SET amount = amount + ? WHERE code = ? AND measure = ? AND on_day = ?")
					.params(delta, place, measure.name(), day).update();
			if (measure.stock) {
				jdbc.sql("INSERT INTO command_total (code, measure, amount) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")
						.params(place, measure.name()).update();
				jdbc.sql("UPDATE command_total SET amount = amount + ? WHERE code = ? AND measure = ?")
						.params(delta, place, measure.name()).update();
			}
		}
	}

	/** Records a new item; false when it is known already (the event came twice). */
	boolean begin(String kind, long id, String code, @Nullable Double lat, @Nullable Double lng) {
		return jdbc.sql("""
				INSERT INTO command_item (kind, item_id, code, overdue, ended, lat, lng) VALUES (?, ?, ?, FALSE, FALSE, ?, ?)
				ON CONFLICT DO NOTHING""").params(kind, id, code, lat, lng).update() == 1;
	}

	/** Marks an open item overdue; false when it is not open or overdue already. */
	boolean markOverdue(String kind, long id) {
		return jdbc.sql("UPDATE command_item SET overdue = TRUE WHERE kind = ? AND item_id = ? AND NOT ended AND NOT overdue")
				.params(kind, id).update() == 1;
	}

	record Item(String code, boolean overdue, boolean ended) {
	}

	@Nullable
	Item item(String kind, long id) {
		return jdbc.sql("SELECT code, overdue, ended FROM command_item WHERE kind = ? AND item_id = ?").params(kind, id)
				.query((rs, i) -> new Item(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3))).optional().orElse(null);
	}

	/** Ends an open item; false when it has ended already. */
	boolean end(String kind, long id) {
		return jdbc.sql("UPDATE command_item SET ended = TRUE WHERE kind = ? AND item_id = ? AND NOT ended")
				.params(kind, id).update() == 1;
	}

	/** Opens an ended item again, not overdue; false when it is open already. */
	boolean reopen(String kind, long id) {
		return jdbc.sql("UPDATE command_item SET ended = FALSE, overdue = FALSE WHERE kind = ? AND item_id = ? AND ended")
				.params(kind, id).update() == 1;
	}

	/** Appends a line to the live feed (the place is the item's most precise code). */
	void feed(String code, String kind, String ref) {
		jdbc.sql("INSERT INTO command_feed (code, kind, ref, occurred_at) VALUES (?, ?, ?, ?)")
				.params(code, kind, ref, now()).update();
	}
}
