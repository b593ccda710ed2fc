package org.gridlink.passes;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A signing key as administrators see it (never its private part): PASS keys sign passes, the LIST key signs the
 * trust and revocation lists. {@code signing} is true for the key that signs new passes of its algorithm.
 */
public record PassKey(String kid, String purpose, String algorithm, String publicKey, OffsetDateTime createdAt,
		@Nullable OffsetDateTime retiredAt, @Nullable OffsetDateTime withdrawnAt, @Nullable String withdrawReason) {
}
