package org.gridlink.platform;

import org.jspecify.annotations.Nullable;

/**
 * A text search with SQL {@code LIKE} in which the searched text is taken literally: {@code %} and {@code _} typed by
 * a user match themselves, not "anything". Write the condition {@code column LIKE ?} followed by {@link #ESCAPE} (the
 * backslash, valid on H2 and PostgreSQL) and bind {@link #contains}.
 */
@org.springframework.modulith.NamedInterface("api")
public final class Like {

	/** The escape clause to write after every {@code LIKE ?} bound to {@link #contains} or {@link #escape}. */
	public static final String ESCAPE = " ESCAPE '\\'";

	private Like() {
	}

	/** The pattern for "contains {@code text}" (trimmed; null or blank: everything), wildcards escaped. */
	public static String contains(@Nullable String text) {
		return "%" + escape(text == null ? "" : text.strip()) + "%";
	}

	/** {@code text} with the escape character and the wildcards escaped, for a pattern built around it. */
	public static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
