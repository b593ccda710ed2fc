package org.gridlink.housing;

import org.jspecify.annotations.Nullable;

/**
 * The priority groups of rural housing (STANDARDS): low-income registered households (低收入户), minimum-living-allowance
 * households (低保), extreme-poverty (dispersed special-hardship) support (特困), families of disabled people. Three of them
 * the residents registry may already know from a care tag; the survey records any group the surveyor saw proof of.
 */
public enum PriorityGroup {

	LOW_INCOME_REGISTERED(null), MINIMUM_ALLOWANCE("LOW_INCOME"), EXTREME_POVERTY("SPECIAL_HARDSHIP"),
	DISABLED_FAMILY("DISABLED");

	private final @Nullable String registryTag;

	PriorityGroup(@Nullable String registryTag) {
		this.registryTag = registryTag;
	}

	/** The residents registry's care tag that shows the group, if one does. */
	public @Nullable String registryTag() {
		return registryTag;
	}

	public static @Nullable PriorityGroup parse(@Nullable String code) {
		if (code == null) {
			return null;
		}
		for (PriorityGroup g : values()) {
			if (g.name().equals(code.strip())) {
				return g;
			}
		}
		return null;
	}
}
