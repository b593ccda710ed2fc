package org.gridlink.notices.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.gridlink.notices.NewNotice;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The new-notice form as typed: places as codes separated by commas or spaces, the send time as a local date-time in
 * the district's zone. {@link #input} builds the module's command; every rule stays in {@code Notices}.
 */
public record NoticeForm(@Nullable String title, @Nullable String body, @Nullable String jurisdictions,
		@Nullable List<String> tags, @Nullable Boolean quarantine, @Nullable List<String> staffRoles,
		@Nullable List<String> channels, @Nullable Boolean urgent, @Nullable String sendAt, @Nullable List<Long> compounds,
		@Nullable List<Long> buildings, @Nullable Long screeningCampaign) {

	public static NoticeForm empty(String place) {
		return new NoticeForm("", "", place, List.of(), false, List.of(), List.of("INBOX", "SMS"), false, "", List.of(),
				List.of(), null);
	}

	public NewNotice input(ZoneId zone) {
		List<String> codes = jurisdictions == null ? List.of()
				: Arrays.stream(jurisdictions.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
		java.time.OffsetDateTime at = null;
		if (sendAt != null && !sendAt.isBlank()) {
			try {
				at = LocalDateTime.parse(sendAt.strip()).atZone(zone).toOffsetDateTime();
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInputException("notices.sendAt.invalid", sendAt);
			}
		}
		return new NewNotice(title, body, new NewNotice.Audience(codes, compounds == null ? List.of() : compounds, tags == null ? List.of() : tags,
				Boolean.TRUE.equals(quarantine), staffRoles == null ? List.of() : staffRoles, null,
				buildings == null ? List.of() : buildings, screeningCampaign),
				channels == null ? List.of() : channels, Boolean.TRUE.equals(urgent), at);
	}

	/** True when the compound, building or campaign with this id is chosen. */
	public boolean chosen(String list, long id) {
		List<Long> values = switch (list) {
			case "compounds" -> compounds;
			case "buildings" -> buildings;
			default -> screeningCampaign == null ? null : List.of(screeningCampaign);
		};
		return values != null && values.contains(id);
	}

	public boolean has(String list, String value) {
		List<String> values = switch (list) {
			case "tags" -> tags;
			case "staffRoles" -> staffRoles;
			case "channels" -> channels;
			default -> null;
		};
		return values != null && values.contains(value);
	}
}
