package org.gridlink.enterprise;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The size classes of enterprises (大型、中型、小型、微型, after the national classification of enterprise sizes), kept
 * as codes; pages show the words of {@code enterprise.size.<code>}. An import cell may give the code or the Chinese
 * word (大型 or 大).
 */
public final class EnterpriseSizes {

	public static final List<String> ALL = List.of("LARGE", "MEDIUM", "SMALL", "MICRO");

	private static final Map<String, String> WORDS = Map.of("大型", "LARGE", "大", "LARGE", "中型", "MEDIUM", "中",
			"MEDIUM", "小型", "SMALL", "小", "SMALL", "微型", "MICRO", "微", "MICRO");

	private EnterpriseSizes() {
	}

	public static Optional<String> parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String clean = text.strip().toUpperCase(Locale.ROOT);
		if (ALL.contains(clean)) {
			return Optional.of(clean);
		}
		return Optional.ofNullable(WORDS.get(text.strip().replace("企业", "")));
	}
}
