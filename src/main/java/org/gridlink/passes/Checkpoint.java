package org.gridlink.passes;

import org.jspecify.annotations.Nullable;

/** A checkpoint as pages and the API show it; {@code compoundId} and {@code compoundName} for gates only. */
public record Checkpoint(long id, String name, CheckpointKind kind, String jurisdictionCode,
		@Nullable Long compoundId, @Nullable String compoundName, boolean active) {
}
