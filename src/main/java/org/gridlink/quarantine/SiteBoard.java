package org.gridlink.quarantine;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A site's occupancy board: rooms × beds, capacity, occupied and free beds, and admissions and discharges per day of
 * the last week (today last). An occupied bed shows the order and the person's masked name only when the caller
 * may see that order; otherwise just that it is occupied.
 */
public record SiteBoard(SiteView site, List<Room> rooms, List<Day> days) {

	public record Room(long id, String number, int floor, List<Bed> beds) {
	}

	public record Bed(long id, String label, boolean inService, boolean occupied, @Nullable Long orderId,
			@Nullable String personNameMasked, @Nullable LocalDate plannedEnd) {
	}

	public record Day(LocalDate date, int admissions, int discharges) {
	}
}
