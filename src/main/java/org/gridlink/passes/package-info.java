/**
 * Passes and checkpoints (通行证 / 卡口, PRODUCT.md capability 5): person and vehicle passes issued by community,
 * street and center staff inside their scope, revoked with a reason, and verified offline from a signed compact token
 * ({@code GL1:} + Base45 of a COSE_Sign1 structure, see docs/passes.md). Public API:
 * {@link org.gridlink.passes.Passes}. The Spring-free verifier core used by the server, the command-line verifier and
 * the tests lives in {@code org.gridlink.passes.token}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Passes and checkpoints",
		allowedDependencies = { "platform :: api", "jurisdiction :: api" })
@org.jspecify.annotations.NullMarked
package org.gridlink.passes;
