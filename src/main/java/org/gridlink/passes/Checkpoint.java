package org.gridlink.passes;

import java.util.List;

import org.gridlink.shared.JurisdictionCode;
import org.jspecify.annotations.Nullable;

/** A checkpoint as pages and the API show it; {@code compoundId} and {@code compoundName} for gates only. */
public record Checkpoint(long id, String name, CheckpointKind kind, String jurisdictionCode,
		@Nullable Long compoundId, @Nullable String compoundName, boolean active) {

	/**
	 * True when a pass for these zones is good here: a zone contains the checkpoint's place, or lies inside it (a
	 * checkpoint at a street's edge admits a holder going to a community of that street).
	 */
	public boolean admits(List<String> zones) {
		JurisdictionCode here = JurisdictionCode.of(jurisdictionCode);
		return zones.stream().filter(JurisdictionCode::isValid).map(JurisdictionCode::of)
				.anyMatch(zone -> zone.contains(here) || here.contains(zone));
	}
}
