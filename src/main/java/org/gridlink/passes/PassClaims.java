package org.gridlink.passes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The signed body of a pass token: all a checkpoint learns from a code. It carries no ID number, phone or health
 * data: only the pass id, type, the masked holder name (person) or the plate (vehicle), zones, window and district.
 */
public record PassClaims(int version, UUID passId, PassType type, String holder, List<String> zones,
		Instant validFrom, Instant validTo, String district) {

	public static final int VERSION = 1;

	public PassClaims {
		zones = List.copyOf(zones);
	}
}
