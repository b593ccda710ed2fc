package org.gridlink.enterprise;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015), pure: 18 characters from the 31-character alphabet
 * {@code 0-9 A-Y} without I, O, Z, S and V; the 18th is the check character, {@code 31 - (Σ value(cᵢ)·wᵢ mod 31)}
 * over the first 17 with the weights {@code 3^(i-1) mod 31} (a result of 31 is {@code 0}). Lower case and spaces
 * around are accepted and normalised to upper case.
 */
public final class CreditCode {

	/** The alphabet: a character's value is its index. */
	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	/** Weights of positions 1 to 17. */
	static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	/** Why a code is not valid; the message key is {@code enterprise.creditCode.<name in lower camel>}. */
	public enum Problem {
		MISSING("missing"), LENGTH("length"), CHARACTER("character"), CHECK("check");

		private final String key;

		Problem(String key) {
			this.key = key;
		}

		public String messageKey() {
			return "enterprise.creditCode." + key;
		}
	}

	private CreditCode() {
	}

	/** Upper case without spaces around (and full-width letters and digits made half-width). */
	public static String normalise(@Nullable String raw) {
		if (raw == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(18);
		for (char c : raw.strip().toCharArray()) {
			if (c >= '\uFF01' && c <= '\uFF5E') {
				c = (char) (c - 0xFEE0);
			}
			out.append(c);
		}
		return out.toString().toUpperCase(Locale.ROOT);
	}

	public static boolean isValid(@Nullable String raw) {
		return problemOf(raw).isEmpty();
	}

	/** What is wrong with a code (after {@link #normalise}), or empty when it is valid. */
	public static Optional<Problem> problemOf(@Nullable String raw) {
		String code = normalise(raw);
		if (code.isEmpty()) {
			return Optional.of(Problem.MISSING);
		}
		if (code.length() != 18) {
			return Optional.of(Problem.LENGTH);
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return Optional.of(Problem.CHARACTER);
			}
		}
		return code.charAt(17) == checkCharacter(code.substring(0, 17)) ? Optional.empty() : Optional.of(Problem.CHECK);
	}

	/** The check character of the first 17 characters (all from the alphabet). */
	public static char checkCharacter(String first17) {
		if (first17.length() != 17) {
			throw new IllegalArgumentException("17 characters expected");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = ALPHABET.indexOf(first17.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
			}
			sum += value * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return ALPHABET.charAt(check == 31 ? 0 : check);
	}
}
