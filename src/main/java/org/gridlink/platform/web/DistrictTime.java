package org.gridlink.platform.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/** Shows instants as pages do: {@code yyyy-MM-dd HH:mm} in the district's time zone (Asia/Shanghai). */
public final class DistrictTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	static final DistrictTime INSTANCE = new DistrictTime();

	private DistrictTime() {
	}

	/** {@code 2026-03-01 08:05}, or an empty string for no time. */
	public String format(@Nullable OffsetDateTime time) {
		return time == null ? "" : MINUTES.format(time.atZoneSameInstant(ZONE));
	}
}
