package org.gridlink.housing;

import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the choice part tells the others about households' choices and agreements (the households API and the board
 * show them). Implemented by the choice part; absent until it exists.
 */
public interface HousingChoiceFacts {

	/** For each of these households ({@code housing_household.id}) that has chosen or deferred: its choice. */
	Map<Long, HouseholdChoice> choices(long projectId, Collection<Long> householdIds);

	/**
	 * A household's choice: the unit type's name (null when it deferred), whether it deferred, the allocated site,
	 * building and plot when allocated, and the agreement's state (e.g. drafted, signed) and number when there is one.
	 */
	record HouseholdChoice(@Nullable String unitTypeName, boolean deferred, @Nullable Long siteId,
			@Nullable Integer building, @Nullable String plot, @Nullable String agreementState,
			@Nullable String agreementNumber) {
	}
}
