package org.gridlink.dailyreport;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** A form definition checked, pure: name, level, deadline {@code HH:mm}, 1 to 40 fields with unique keys. */
final class FormRules {

	static final int MAX_FIELDS = 40;
	static final int MAX_OPTIONS = 20;

	record Checked(String name, FillerLevel level, LocalTime deadline, List<ReportField> fields) {
	}

	private FormRules() {
	}

	static Checked check(NewReportForm form) {
		String name = text(form.name(), 100, "dailyreport.form.name.invalid");
		FillerLevel level = level(form.level());
		LocalTime deadline = deadline(form.deadline());
		List<NewReportForm.NewField> given = form.fields() == null ? List.of() : form.fields();
		if (given.isEmpty() || given.size() > MAX_FIELDS) {
			throw new InvalidInputException("dailyreport.form.fields.count", MAX_FIELDS);
		}
		List<ReportField> fields = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < given.size(); i++) {
			NewReportForm.NewField f = given.get(i);
			int position = i + 1;
			String label = text(f.label(), 100, "dailyreport.form.label.invalid", position);
			String key = f.key() == null || f.key().isBlank() ? "f" + position : f.key().strip();
			if (!key.matches("[A-Za-z][A-Za-z0-9_]{0,39}") || !keys.add(key)) {
				throw new InvalidInputException("dailyreport.form.key.invalid", position, key);
			}
			FieldKind kind = kind(f.kind(), position);
			List<String> options = f.options() == null ? List.of()
					: f.options().stream().filter(o -> o != null && !o.isBlank()).map(String::strip).distinct().toList();
			if (kind == FieldKind.CHOICE && (options.size() < 2 || options.size() > MAX_OPTIONS
					|| options.stream().anyMatch(o -> o.length() > 50))) {
				throw new InvalidInputException("dailyreport.form.options.invalid", label, MAX_OPTIONS);
			}
			if (kind != FieldKind.CHOICE) {
				options = List.of();
			}
			Prefill prefill = prefill(f.prefill(), label);
			if (prefill != null && kind != FieldKind.INTEGER) {
				throw new InvalidInputException("dailyreport.form.prefill.integer", label);
			}
			if (prefill != null && level == FillerLevel.UNIT) {
				// the pre-filled figures are a place's (screened households, home quarantine, cases): not a unit's
				throw new InvalidInputException("dailyreport.form.prefill.unit", label);
			}
			fields.add(new ReportField(key, label, kind, options, prefill, Boolean.TRUE.equals(f.required())));
		}
		return new Checked(name, level, deadline, fields);
	}

	static LocalTime deadline(@Nullable String text) {
		try {
			if (text == null || !text.strip().matches("\\d{2}:\\d{2}")) {
				throw new InvalidInputException("dailyreport.form.deadline.invalid");
			}
			return LocalTime.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("dailyreport.form.deadline.invalid");
		}
	}

	private static FillerLevel level(@Nullable String text) {
		if (text == null) {
			throw new InvalidInputException("dailyreport.form.level.invalid");
		}
		for (FillerLevel level : FillerLevel.values()) {
			if (level.name().equals(text.strip())) {
				return level;
			}
		}
		throw new InvalidInputException("dailyreport.form.level.invalid");
	}

	private static FieldKind kind(@Nullable String text, int position) {
		for (FieldKind kind : FieldKind.values()) {
			if (kind.name().equals(text == null ? "" : text.strip())) {
				return kind;
			}
		}
		throw new InvalidInputException("dailyreport.form.kind.invalid", position);
	}

	private static @Nullable Prefill prefill(@Nullable String text, String label) {
		if (text == null || text.isBlank()) {
			return null;
		}
		for (Prefill prefill : Prefill.values()) {
			if (prefill.name().equals(text.strip())) {
				return prefill;
			}
		}
		throw new InvalidInputException("dailyreport.form.prefill.invalid", label);
	}

	private static String text(@Nullable String text, int max, String key, Object... args) {
		if (text == null || text.isBlank() || text.strip().length() > max) {
			throw new InvalidInputException(key, args);
		}
		return text.strip();
	}
}
