package org.gridlink.passes;

import org.jspecify.annotations.Nullable;

/**
 * A checkpoint to create or change: a road checkpoint in a community or grid, or the gate of a compound (whose grid
 * is then its place). {@code active} defaults to true.
 */
public record NewCheckpoint(@Nullable String name, @Nullable CheckpointKind kind, @Nullable String jurisdictionCode,
		@Nullable Long compoundId, @Nullable Boolean active) {
}
