package org.gridlink.notices;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A notice as written: title, text ({@code {name}} and {@code {community}} are the only per-person variables),
 * audience, channels, urgency and an optional send time. Rules and their messages are in {@link Notices}.
 */
@org.springframework.modulith.NamedInterface("api")
public record NewNotice(@Nullable String title, @Nullable String body, @Nullable Audience audience,
		@Nullable List<String> channels, @Nullable Boolean urgent, @Nullable OffsetDateTime sendAt) {

	/**
	 * Whom to reach. Residents by SMS: those living in {@code jurisdictions}, in the {@code compounds} or
	 * {@code buildings} (ids of the jurisdiction module's compounds and buildings) or in the households of the key
	 * persons of {@code screeningCampaign}, each once (with one of {@code tags} when given); or only the people under
	 * home quarantine in {@code jurisdictions} when {@code quarantine}. Staff by inbox: accounts whose scope lies in
	 * {@code jurisdictions}, holding one of {@code staffRoles} (any when empty), of {@code unitId} when given.
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record Audience(@Nullable List<String> jurisdictions, @Nullable List<Long> compounds,
			@Nullable List<String> tags, @Nullable Boolean quarantine, @Nullable List<String> staffRoles, @Nullable Long unitId,
			@Nullable List<Long> buildings, @Nullable Long screeningCampaign) {

		/** An audience of places, tags, quarantine and staff only (no compounds, buildings or campaign). */
		public Audience(@Nullable List<String> jurisdictions, @Nullable List<Long> compounds, @Nullable List<String> tags,
				@Nullable Boolean quarantine, @Nullable List<String> staffRoles, @Nullable Long unitId) {
			this(jurisdictions, compounds, tags, quarantine, staffRoles, unitId, null, null);
		}
	}
}
