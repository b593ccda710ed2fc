package org.gridlink.quarantine;

/** How a contact was exposed. */
public enum ExposureType {
	HOUSEHOLD, SAME_SPACE, MEAL, TRANSPORT, WORK, OTHER
}
