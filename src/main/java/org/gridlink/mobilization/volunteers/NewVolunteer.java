package org.gridlink.mobilization.volunteers;

import org.jspecify.annotations.Nullable;

/**
 * A registration as submitted on the public page or the API: the home community's code, name, phone, consent to the
 * use of the data (required), party member or not with the unit of the branch and/or the branch's name, skills and
 * availability.
 */
public record NewVolunteer(@Nullable String communityCode, @Nullable String name, @Nullable String phone,
		@Nullable Boolean consent, @Nullable Boolean partyMember, @Nullable Long unitId, @Nullable String branch,
		@Nullable String skills, @Nullable String availability) {
}
