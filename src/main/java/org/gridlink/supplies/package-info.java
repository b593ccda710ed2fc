/**
 * Supplies and services (PRODUCT.md capability 10): emergency reserves by warehouse with lots and a stock ledger,
 * community requests approved by the street and allocated, shipped and received; necessities ordered for sealed and
 * quarantined households, grouped into pick lists per compound and supplier and handed over at the gate; produce
 * offers and needs matched. Sub-package: {@code necessities}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supplies",
		allowedDependencies = { "platform :: api", "jurisdiction :: api", "cases :: api", "notices :: api",
				"residents :: api", "quarantine :: api", "mobilization :: volunteers" })
@org.jspecify.annotations.NullMarked
package org.gridlink.supplies;
