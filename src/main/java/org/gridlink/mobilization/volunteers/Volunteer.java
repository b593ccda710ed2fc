package org.gridlink.mobilization.volunteers;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A registered volunteer as shown: the phone masked, the community and branch unit by name. */
public record Volunteer(long id, String communityCode, String communityName, String name, String phone,
		boolean partyMember, @Nullable Long unitId, @Nullable String unitName, @Nullable String branch, String skills,
		String availability, VolunteerStatus status, @Nullable String username, OffsetDateTime registeredAt) {
}
