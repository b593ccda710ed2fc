package org.gridlink.dailyreport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A form's roll-up of one day under one jurisdiction: {@code children} one row per child jurisdiction (a street of
 * the district, a community of a street), {@code places} one row per place that fills the form in, {@code counts}
 * places per state, {@code late} how many are late (handed in after the deadline, or not handed in and the deadline
 * passed), {@code totals} the sums of the numeric fields over the handed-in reports.
 */
@org.springframework.modulith.NamedInterface("api")
public record Rollup(long formId, String formName, LocalDate date, String jurisdiction, LocalTime deadline,
		boolean pastDeadline, List<Row> children, List<Row> places, Map<ReportState, Long> counts, long late,
		Map<String, BigDecimal> totals) {

	/**
	 * One jurisdiction: code, name, parent, state (for a child above the filling level the least advanced state of
	 * its places), values (summed for such a child, over its handed-in places), late, places handed in and in all.
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record Row(String code, String name, @Nullable String parentCode, ReportState state,
			Map<String, Object> values, boolean late, int revision, long handedIn, long placesTotal,
			@Nullable String reviewNote) {
	}
}
