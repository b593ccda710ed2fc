package org.gridlink.passes;

import java.util.List;
import java.util.Optional;

import org.gridlink.platform.CurrentUser;
import org.jspecify.annotations.Nullable;

/**
 * Registered volunteers as checkpoint shifts name them, instead of a free-text name. Implemented outside this module
 * (by the mobilization module, which depends on passes, not the other way round); absent when no module offers it,
 * then shifts take a typed name and phone as before.
 */
@org.springframework.modulith.NamedInterface("api")
public interface VolunteerDirectory {

	/** A serving (approved) volunteer: names masked, the home community's code. */
	record ListedVolunteer(long id, String maskedName, String maskedPhone, String communityCode) {
	}

	/** A serving volunteer by id; empty for an unknown id or one who does not serve (left, declined, waiting). */
	Optional<ListedVolunteer> find(long volunteerId);

	/** The volunteer's masked name, when serving. */
	default Optional<String> maskedName(long volunteerId) {
		return find(volunteerId).map(ListedVolunteer::maskedName);
	}

	/**
	 * Serving volunteers of the communities at or around {@code jurisdictionCode} (the checkpoint's community or
	 * grid; a street's communities) that the user may see, by name; {@code q} filters by name; at most {@code limit}.
	 */
	List<ListedVolunteer> search(CurrentUser user, String jurisdictionCode, @Nullable String q, int limit);
}
