package org.gridlink.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A national ID number (公民身份号码, GB 11643-1999): 6-digit address code, birth date {@code yyyyMMdd}, 3-digit
 * sequence (odd male, even female) and a check character from the weighted sum mod 11. {@link #parse} normalises
 * what people type: spaces removed, full-width digits and letters made half-width, a lower-case {@code x} upper.
 */
public record IdNumber(String value) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	/** Why a value is not a valid ID number; each has a message key {@code idNumber.<name>}. */
	public enum Problem {
		EMPTY, LENGTH, CHARACTERS, BIRTH_DATE, CHECK_DIGIT
	}

	public IdNumber {
		Optional<Problem> problem = problemOf(value);
		if (problem.isPresent()) {
			throw new IllegalArgumentException("Invalid ID number: " + problem.get());
		}
	}

	/** Normalises then validates; the problem if it is not a valid ID number. */
	public static Optional<Problem> problemOf(String raw) {
		String value = normalise(raw);
		if (value.isEmpty()) {
			return Optional.of(Problem.EMPTY);
		}
		if (value.length() != 18) {
			return Optional.of(Problem.LENGTH);
		}
		for (int i = 0; i < 17; i++) {
			if (!Character.isDigit(value.charAt(i)) || value.charAt(i) > '9') {
				return Optional.of(Problem.CHARACTERS);
			}
		}
		char last = value.charAt(17);
		if (!(last >= '0' && last <= '9') && last != 'X') {
			return Optional.of(Problem.CHARACTERS);
		}
		if (birthDateOf(value).isEmpty()) {
			return Optional.of(Problem.BIRTH_DATE);
		}
		return checkCharacter(value) == last ? Optional.empty() : Optional.of(Problem.CHECK_DIGIT);
	}

	public static IdNumber parse(String raw) {
		return new IdNumber(normalise(raw));
	}

	public static boolean isValid(String raw) {
		return problemOf(raw).isEmpty();
	}

	/** Spaces dropped, full-width characters (０-９, Ｘ, ｘ) made half-width, {@code x} upper-cased. */
	public static String normalise(String raw) {
		if (raw == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(18);
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c >= '\uFF01' && c <= '\uFF5E') {
				c = (char) (c - 0xFEE0);
			}
			if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0' || c == '\uFEFF' || c == '-') {
				continue;
			}
			out.append(c == 'x' ? 'X' : c);
		}
		return out.toString();
	}

	/** The check character for the first 17 digits. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	public LocalDate birthDate() {
		return birthDateOf(value).orElseThrow();
	}

	/** GB/T 2261.1 code: 1 male, 2 female (from the parity of the sequence digits). */
	public int genderCode() {
		return (value.charAt(16) - '0') % 2 == 1 ? 1 : 2;
	}

	/** The 6-digit administrative division code of the place of first registration. */
	public String addressCode() {
		return value.substring(0, 6);
	}

	private static Optional<LocalDate> birthDateOf(String value) {
		try {
			LocalDate date = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
					Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
			if (date.getYear() < 1880 || date.isAfter(LocalDate.now())) {
				return Optional.empty();
			}
			return Optional.of(date);
		}
		catch (DateTimeException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	@Override
	public String toString() {
		return Masked.idNumber(value);
	}
}
