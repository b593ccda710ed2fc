package org.gridlink.cases;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The body of an action. {@code note}: required for reject, return, feedback, extend, defer, park, void;
 * {@code unitId}/{@code assistingUnitIds}: dispatch (default: the routing rule); {@code passed}: verify;
 * {@code approved}: approve-extension / approve-deferral; {@code satisfaction} 1–3: evaluate; {@code hours}: extend
 * (working hours asked for); {@code categoryCode}: file (re-classify); {@code jurisdictionCode}: file (place the case
 * on a grid or jurisdiction, e.g. a resident's report that gave only an address); {@code intoCaseId}: merge;
 * {@code version}: optional, the version the caller saw.
 */
public record ActionInput(@Nullable String note, @Nullable Long unitId, @Nullable List<Long> assistingUnitIds,
		@Nullable Boolean passed, @Nullable Boolean approved, @Nullable Integer satisfaction, @Nullable Integer hours,
		@Nullable String categoryCode, @Nullable Long intoCaseId, @Nullable Integer version,
		@Nullable String jurisdictionCode) {

	public static ActionInput note(@Nullable String note) {
		return new ActionInput(note, null, null, null, null, null, null, null, null, null, null);
	}

	public static ActionInput empty() {
		return note(null);
	}

	/** A category was given to re-classify the case with (file). */
	boolean hasCategory() {
		return categoryCode != null && !categoryCode.isBlank();
	}

	/** A jurisdiction was given to place the case on (file). */
	boolean hasJurisdiction() {
		return jurisdictionCode != null && !jurisdictionCode.isBlank();
	}
}
