package org.gridlink.enterprise.support;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Checks of typed values; every refusal names the field (the first message argument). */
public final class Fields {

	private Fields() {
	}

	public static String required(String field, @Nullable String value, int max) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			throw new InvalidInputException("support.field.required", field);
		}
		return checked(field, v, max);
	}

	public static @Nullable String optional(String field, @Nullable String value, int max) {
		String v = value == null ? "" : value.strip();
		return v.isEmpty() ? null : checked(field, v, max);
	}

	private static String checked(String field, String v, int max) {
		if (v.length() > max || v.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
			throw new InvalidInputException("support.field.tooLong", field, max);
		}
		return v;
	}

	public static <E extends Enum<E>> E oneOf(String field, @Nullable String value, Class<E> type) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("support.field.required", field);
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("support.field.choice", field);
		}
	}

	public static @Nullable LocalDate date(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(value.strip());
			if (d.getYear() < 2000 || d.getYear() > 2100) {
				throw new InvalidInputException("support.field.date", field);
			}
			return d;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("support.field.date", field);
		}
	}

	public static LocalDate requiredDate(String field, @Nullable String value) {
		LocalDate d = date(field, value);
		if (d == null) {
			throw new InvalidInputException("support.field.required", field);
		}
		return d;
	}

	/** A work phone: digits with optional +, - and spaces, 5 to 20 characters. */
	public static String phone(String field, @Nullable String value) {
		String v = required(field, value, 20);
		if (!v.matches("\\+?[0-9][0-9 -]{3,18}[0-9]")) {
			throw new InvalidInputException("support.field.phone", field);
		}
		return v;
	}
}
