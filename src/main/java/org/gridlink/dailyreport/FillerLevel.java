package org.gridlink.dailyreport;

import org.gridlink.shared.JurisdictionLevel;

/**
 * Which level fills a report form in; its reviewer is the level above (a community's street, a street's center, a
 * unit's center). A unit form's places are the district's departments (their unit codes), not jurisdictions.
 */
@org.springframework.modulith.NamedInterface("api")
public enum FillerLevel {
	COMMUNITY, STREET, UNIT;

	JurisdictionLevel jurisdictionLevel() {
		return this == STREET ? JurisdictionLevel.STREET : JurisdictionLevel.COMMUNITY;
	}
}
