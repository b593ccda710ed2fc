/**
 * Enterprise services (PRODUCT.md capability 12): the enterprise registry with liaisons and advisory teams, appeals
 * through the case loop with a green channel, reception days, the relief ledger and legal check-ups. The root package
 * is the registry; sub-packages {@code appeals} (appeals, green channel, reception days) and {@code support} (relief,
 * advisory teams and contact cards, legal check-ups) build on {@link org.gridlink.enterprise.EnterpriseDirectory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enterprise services",
		allowedDependencies = { "platform :: api", "jurisdiction :: api", "cases :: api", "notices :: api" })
@org.jspecify.annotations.NullMarked
package org.gridlink.enterprise;
