package org.gridlink.screening;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** What it takes to prepare a campaign. */
public record NewCampaign(@Nullable String name, @Nullable String jurisdictionCode, @Nullable LocalDate from,
		@Nullable LocalDate to, @Nullable Questionnaire questionnaire) {
}
