/**
 * Contacts and quarantine (PRODUCT.md capability 4): close contacts recorded against a case, an exposure event or
 * another contact (contacts of contacts), one person per ID number or passport matched by keyed hash; quarantine
 * orders at home or in a centralized site's bed with a planned end from configurable rules, extension, early release,
 * transfer and release back to the person's grid; sites with rooms, beds and an occupancy board. Public API:
 * {@link org.gridlink.quarantine.Contacts}, {@link org.gridlink.quarantine.QuarantineOrders},
 * {@link org.gridlink.quarantine.QuarantineSites}, {@link org.gridlink.quarantine.QuarantineRules}; event
 * {@link org.gridlink.quarantine.QuarantineReleased}. Residents and cases are read through their facades.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contacts and quarantine",
		allowedDependencies = { "platform :: api", "jurisdiction :: api", "residents :: api", "cases :: api" })
@org.jspecify.annotations.NullMarked
package org.gridlink.quarantine;
