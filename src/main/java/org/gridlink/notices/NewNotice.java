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
	 * Whom to reach. Residents by SMS: those living in {@code jurisdictions} (with one of {@code tags} when given), or
	 * only the people under home quarantine there when {@code quarantine}. Staff by inbox: accounts whose scope lies in
	 * {@code jurisdictions}, holding one of {@code staffRoles} (any when empty), of {@code unitId} when given.
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record Audience(@Nullable List<String> jurisdictions, @Nullable List<Long> compounds,
			@Nullable List<String> tags, @Nullable Boolean quarantine, @Nullable List<String> staffRoles, @Nullable Long unitId) {
	}
}
