package org.gridlink.dailyreport;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One field of a form: its key (in the values), label, kind, the options of a choice, its pre-fill, required. */
@org.springframework.modulith.NamedInterface("api")
public record ReportField(String key, String label, FieldKind kind, List<String> options, @Nullable Prefill prefill,
		boolean required) {

	public ReportField {
		options = List.copyOf(options);
	}

	public boolean numeric() {
		return kind == FieldKind.INTEGER || kind == FieldKind.DECIMAL;
	}
}
