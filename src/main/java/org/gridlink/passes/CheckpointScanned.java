package org.gridlink.passes;

/** Scans of a checkpoint were stored (one event per upload): the command center resyncs its scans of the day. */
@org.springframework.modulith.NamedInterface("api")
public record CheckpointScanned(long checkpointId) {
}
