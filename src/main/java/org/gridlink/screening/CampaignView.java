package org.gridlink.screening;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A campaign as pages and the API show it. */
public record CampaignView(long id, String name, String jurisdictionCode, LocalDate from, LocalDate to,
		Questionnaire questionnaire, CampaignStatus status, String createdBy, OffsetDateTime createdAt,
		@Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime closedAt) {
}
