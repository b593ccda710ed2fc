package org.gridlink.command;

import java.time.LocalDate;
import java.util.List;

/**
 * What the command page shows of one jurisdiction on one day: its figures, their change since the day before, and
 * the same figures for each child (streets of a district, communities of a street, grids of a community).
 */
public record CommandView(String jurisdiction, String name, String level, LocalDate asOf, Figures figures,
		Figures change, List<Child> children) {

	public record Child(String code, String name, Figures figures) {
	}
}
