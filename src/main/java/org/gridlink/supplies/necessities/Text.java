package org.gridlink.supplies.necessities;

import java.util.Locale;

import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Checks of typed text: present, not too long, one of an enum's names. Messages name the field. */
final class Text {

	private Text() {
	}

	static String required(String field, @Nullable String value, int max) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			throw new InvalidInputException("necessities.field.required", field);
		}
		if (v.length() > max || v.chars().anyMatch(c -> c < 0x20)) {
			throw new InvalidInputException("necessities.field.tooLong", field, max);
		}
		return v;
	}

	static String optional(String field, @Nullable String value, int max) {
		String v = value == null ? "" : value.strip();
		if (v.length() > max || v.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
			throw new InvalidInputException("necessities.field.tooLong", field, max);
		}
		return v;
	}

	static <E extends Enum<E>> E oneOf(String field, @Nullable String value, Class<E> type) {
		try {
			return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("necessities.field.choice", field);
		}
	}
}
