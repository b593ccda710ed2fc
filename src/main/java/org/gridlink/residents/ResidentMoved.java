package org.gridlink.residents;

/** A resident was moved to another grid (the old grid's worker no longer sees them). */
@org.springframework.modulith.NamedInterface("api")
public record ResidentMoved(long residentId, String fromGrid, String toGrid) {
}
