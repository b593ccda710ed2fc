package org.gridlink.quarantine;

/** The risk level of an exposure; the quarantine rules give days per level. */
public enum RiskLevel {
	HIGH, MEDIUM, LOW
}
