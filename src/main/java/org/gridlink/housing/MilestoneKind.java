package org.gridlink.housing;

/** The construction milestones of a new home, in building order; the schedule runs them back from the hand-over. */
public enum MilestoneKind {
	FOUNDATION, STRUCTURE, ROOF, FINISHING, UTILITIES, ACCEPTANCE
}
