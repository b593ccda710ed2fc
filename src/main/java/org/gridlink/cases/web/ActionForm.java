package org.gridlink.cases.web;

import java.util.List;
import java.util.Objects;

import org.gridlink.cases.ActionInput;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.FieldError;

/**
 * The fields a step's form on the case page may post, typed by Spring's data binding (a number or yes/no that does
 * not parse is a binding error, not a guess). Blank fields are absent; {@code assistingUnitIds} carries a blank
 * value from the page's hidden field, so that "no assisting unit" differs from "the routing rule's units".
 */
record ActionForm(@Nullable String note, @Nullable Long unitId, @Nullable List<Long> assistingUnitIds,
		@Nullable Boolean passed, @Nullable Boolean approved, @Nullable Integer satisfaction, @Nullable Integer hours,
		@Nullable String categoryCode, @Nullable Long intoCaseId, @Nullable String jurisdictionCode,
		@Nullable Integer version) {

	/** The step's input for the module. */
	ActionInput input() {
		return new ActionInput(note == null ? "" : note, unitId,
				assistingUnitIds == null ? null : assistingUnitIds.stream().filter(Objects::nonNull).toList(), passed,
				approved, satisfaction, hours, blankToNull(categoryCode), intoCaseId, version,
				blankToNull(jurisdictionCode));
	}

	/** The message for a field that did not parse: the one the module gives for a wrong value of that field. */
	static String messageKey(@Nullable FieldError error) {
		return switch (error == null ? "" : error.getField()) {
			case "hours" -> "cases.extension.hours.invalid";
			case "satisfaction" -> "cases.satisfaction.invalid";
			case "unitId", "assistingUnitIds" -> "cases.unit.invalid";
			case "intoCaseId" -> "cases.merge.target.invalid";
			default -> "cases.field.invalid";
		};
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
