package org.gridlink.cases;

import java.util.EnumSet;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.Role;
import org.jspecify.annotations.Nullable;

/** Where a report came from ({@code ENTERPRISE}: an enterprise's appeal, filed by the enterprise services module). */
@org.springframework.modulith.NamedInterface("api")
public enum CaseSource {
	GRID_WORKER, HOTLINE, RESIDENT, INSPECTION, ALERT, OPEN311, CENTER, STAFF, ENTERPRISE;

	/** The sources a staff member's report may name; the others are set by their own channels. */
	private static final Set<CaseSource> NAMED_BY_STAFF = EnumSet.of(HOTLINE, INSPECTION, CENTER, GRID_WORKER, STAFF);

	/** {@link #reportedBy(CurrentUser, CaseSource)} with the source named as text (an API client's), blank for none. */
	public static CaseSource reportedBy(CurrentUser user, @Nullable String named) {
		if (named == null || named.isBlank()) {
			return reportedBy(user);
		}
		try {
			return reportedBy(user, valueOf(named.strip()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("cases.source.invalid", named);
		}
	}

	/**
	 * The source of a report by staff, one rule for every channel: the one the channel names (the hotline entry names
	 * HOTLINE; an API client may name a source), otherwise the reporter's role — grid worker, command center, other
	 * staff. A named source must be one the reporter's roles may give: their own (by role), HOTLINE for the command
	 * center, INSPECTION for inspectors; a grid worker naming HOTLINE is refused.
	 */
	public static CaseSource reportedBy(CurrentUser user, @Nullable CaseSource named) {
		if (named != null) {
			if (!NAMED_BY_STAFF.contains(named) || !mayName(user, named)) {
				throw new InvalidInputException("cases.source.invalid", named.name());
			}
			return named;
		}
		return reportedBy(user);
	}

	private static boolean mayName(CurrentUser user, CaseSource named) {
		return named == reportedBy(user) || named == HOTLINE && user.has(Role.CENTER)
				|| named == INSPECTION && user.has(Role.INSPECTOR);
	}

	/** The source of a report by staff on a channel that names none: the reporter's role decides. */
	public static CaseSource reportedBy(CurrentUser user) {
		return user.has(Role.GRID_WORKER) ? GRID_WORKER : user.has(Role.CENTER) ? CENTER : STAFF;
	}
}
