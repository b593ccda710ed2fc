package org.gridlink.platform;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** Filters of an audit search; every field is optional. Dates are inclusive, in the district's time zone. */
@org.springframework.modulith.NamedInterface("api")
public record AuditQuery(@Nullable String username, @Nullable String action, @Nullable String subject,
		@Nullable String outcome, @Nullable String ip,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null, null, null);
	}
}
