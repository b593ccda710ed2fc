package org.gridlink.quarantine;

/** Quarantine kinds of a quarantine order (集中隔离 / 居家隔离). */
public enum OrderType {
	HOME, CENTRALIZED
}
