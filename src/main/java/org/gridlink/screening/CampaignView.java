package org.gridlink.screening;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A campaign as pages and the API show it. {@code gridsTotal} and {@code gridsDone} tell how far starting it got:
 * grids whose task (with its household snapshot) exists, of all grids of the campaign (0 / 0 for a draft).
 */
public record CampaignView(long id, String name, String jurisdictionCode, LocalDate from, LocalDate to,
		Questionnaire questionnaire, CampaignStatus status, String createdBy, OffsetDateTime createdAt,
		@Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime closedAt, int gridsTotal, int gridsDone) {

	/** Share of the grids prepared, in percent (100 when there is nothing left to prepare). */
	public int preparedPercent() {
		return gridsTotal <= 0 ? 100 : Math.min(100, (int) (gridsDone * 100L / gridsTotal));
	}
}
