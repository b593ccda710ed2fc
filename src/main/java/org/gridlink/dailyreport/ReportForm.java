package org.gridlink.dailyreport;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A report form: name, who fills it in, the daily deadline (district time), its fields in order. */
@org.springframework.modulith.NamedInterface("api")
public record ReportForm(long id, String name, FillerLevel level, LocalTime deadline, boolean active,
		List<ReportField> fields, String createdBy, OffsetDateTime createdAt, int version) {

	public ReportForm {
		fields = List.copyOf(fields);
	}

	public Optional<ReportField> field(String key) {
		return fields.stream().filter(f -> f.key().equals(key)).findFirst();
	}
}
