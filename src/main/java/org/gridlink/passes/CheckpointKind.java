package org.gridlink.passes;

/** A checkpoint on a road or street (ROAD) or the gate of a residential compound (GATE, entry/exit log). */
public enum CheckpointKind {
	ROAD, GATE
}
