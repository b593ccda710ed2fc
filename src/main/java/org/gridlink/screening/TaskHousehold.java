package org.gridlink.screening;

import java.util.List;

import org.gridlink.residents.ResidentView;
import org.jspecify.annotations.Nullable;

/** A household of a grid's task in walking order, its state and (for the phone page) its masked members. */
public record TaskHousehold(long householdId, String gridCode, String label, int members, @Nullable String outcome,
		int abnormalPersons, List<ResidentView> people) {
}
