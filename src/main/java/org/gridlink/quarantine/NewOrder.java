package org.gridlink.quarantine;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A quarantine order for a person with at least one contact. HOME needs nothing more; CENTRALIZED needs a bed
 * ({@code bedId}) or a site ({@code siteId}, the first free bed is taken). {@code startDate} defaults to today; the
 * planned end comes from the rules.
 */
public record NewOrder(@Nullable Long personId, @Nullable OrderType type, @Nullable Long siteId, @Nullable Long bedId,
		@Nullable LocalDate startDate) {
}
