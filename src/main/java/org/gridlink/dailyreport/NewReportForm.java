package org.gridlink.dailyreport;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A form as the center writes it: name, level ({@code COMMUNITY}, {@code STREET}, {@code UNIT}), deadline
 * ({@code HH:mm}) and fields. Each field: key (letters, digits, underscore; generated from the position when blank),
 * label, kind ({@code INTEGER}, {@code DECIMAL}, {@code TEXT}, {@code CHOICE}), options (choice only), prefill
 * ({@code SCREENED_HOUSEHOLDS}, {@code HOME_QUARANTINE}, {@code NEW_CASES}; integer fields only), required.
 */
@org.springframework.modulith.NamedInterface("api")
public record NewReportForm(@Nullable String name, @Nullable String level, @Nullable String deadline,
		@Nullable List<NewField> fields) {

	@org.springframework.modulith.NamedInterface("api")
	public record NewField(@Nullable String key, @Nullable String label, @Nullable String kind,
			@Nullable List<String> options, @Nullable String prefill, @Nullable Boolean required) {
	}
}
