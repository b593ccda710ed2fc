/**
 * Residents registry (PRODUCT.md capability 2): households at compound/building/entrance/room or a village address,
 * residents with encrypted, masked ID numbers and phones, care tags, and bulk import. Public API:
 * {@link org.gridlink.residents.Residents}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Residents", allowedDependencies = { "platform :: api", "jurisdiction :: api" })
@org.jspecify.annotations.NullMarked
package org.gridlink.residents;
