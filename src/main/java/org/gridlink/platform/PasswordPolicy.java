package org.gridlink.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The one password rule, applied wherever a password is set (account creation, CSV import, the first administrator,
 * a change by the user, an admin's reset; demo accounts keep their published password): at least
 * {@value #MIN_LENGTH} and at most {@value #MAX_LENGTH} characters, not containing the user name, and not one of
 * the common passwords in {@code security/common-passwords.txt} (compared without case, also without trailing
 * punctuation). Each broken rule has its own message key, English and Chinese.
 */
@org.springframework.modulith.NamedInterface("api")
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;
	public static final int MAX_LENGTH = 128;

	public static final String TOO_SHORT = "password.policy.length";
	public static final String TOO_LONG = "password.policy.tooLong";
	public static final String HAS_USERNAME = "password.policy.username";
	public static final String COMMON = "password.policy.common";

	private static final Set<String> COMMON_PASSWORDS = load();

	private PasswordPolicy() {
	}

	/** The message keys of the rules the password breaks, in a fixed order; empty when it is acceptable. */
	public static List<String> problems(@Nullable String password, @Nullable String username) {
		List<String> problems = new ArrayList<>();
		String typed = password == null ? "" : password;
		int length = typed.codePointCount(0, typed.length());
		if (length < MIN_LENGTH) {
			problems.add(TOO_SHORT);
		}
		if (length > MAX_LENGTH) {
			problems.add(TOO_LONG);
		}
		String lower = typed.toLowerCase(Locale.ROOT);
		if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
			problems.add(HAS_USERNAME);
		}
		if (isCommon(lower)) {
			problems.add(COMMON);
		}
		return problems;
	}

	public static boolean isAcceptable(@Nullable String password, @Nullable String username) {
		return problems(password, username).isEmpty();
	}

	private static boolean isCommon(String lower) {
		String trimmed = lower.replaceAll("[^\\p{L}\\p{N}]+$", "");
		return COMMON_PASSWORDS.contains(lower) || !trimmed.isEmpty() && COMMON_PASSWORDS.contains(trimmed);
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("security/common-passwords.txt is missing");
			}
			new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.forEach(line -> words.add(line.toLowerCase(Locale.ROOT)));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read security/common-passwords.txt", ex);
		}
		return Set.copyOf(words);
	}
}
