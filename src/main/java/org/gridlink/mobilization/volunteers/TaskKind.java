package org.gridlink.mobilization.volunteers;

/** What a volunteer task is: gate duty, deliveries, visits to elderly people living alone, screening help, other. */
public enum TaskKind {
	GATE_DUTY, DELIVERY, ELDERLY_VISIT, SCREENING_HELP, OTHER
}
