/**
 * Jurisdictions and people (PRODUCT.md capability 1): the district > street/town > community/village > grid tree
 * with grid boundaries, compounds and buildings, police grids, property companies, units, staff, and the
 * assignments of grid workers, officers and cadres. Public API: {@link org.gridlink.jurisdiction.Jurisdictions}
 * and {@link org.gridlink.jurisdiction.Organization}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jurisdictions and people",
		allowedDependencies = { "platform :: api" })
@org.jspecify.annotations.NullMarked
package org.gridlink.jurisdiction;
