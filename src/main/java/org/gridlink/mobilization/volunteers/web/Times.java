package org.gridlink.mobilization.volunteers.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/** Times as the volunteer pages show them, in the district's time zone ({@code ${time.format(t)}}). */
public record Times(ZoneId zone) {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

	public String format(@Nullable OffsetDateTime time) {
		return time == null ? "" : MINUTES.format(time.atZoneSameInstant(zone));
	}

	public String clock(@Nullable OffsetDateTime time) {
		return time == null ? "" : CLOCK.format(time.atZoneSameInstant(zone));
	}
}
