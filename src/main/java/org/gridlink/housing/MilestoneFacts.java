package org.gridlink.housing;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the construction part tells the others about milestones (subsidy tranches are paid when the household's
 * building reaches one). Implemented by the construction part; absent until it exists.
 */
public interface MilestoneFacts {

	/** The day the milestone was reached on this site's building (1..n), if it has been. */
	Optional<LocalDate> reachedOn(long siteId, int building, MilestoneKind kind);
}
