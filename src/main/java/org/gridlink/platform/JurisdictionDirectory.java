package org.gridlink.platform;

/**
 * What the platform needs to know about jurisdictions to validate a user's scope. Implemented by the
 * jurisdiction module, so the platform does not depend on it.
 */
@org.springframework.modulith.NamedInterface("api")
public interface JurisdictionDirectory {

	/** True when a jurisdiction with this code exists. */
	boolean exists(String code);

	/**
	 * The names of the places these codes name (jurisdictions and police grids), by code, for pages that show a name
	 * with its code beside it; a code that names nothing is left out.
	 */
	java.util.Map<String, String> names(java.util.Collection<String> codes);

	/** The codes of the districts in the tree (one per installation, several for a city). */
	java.util.List<String> districtCodes();
}
