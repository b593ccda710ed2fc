package org.gridlink.platform;

import org.jspecify.annotations.Nullable;

/**
 * The text form of a sealed value and the key id it names: {@code k:<id>:base64(IV || ciphertext || tag)}; values
 * sealed before key ids were introduced start with {@code v1:} and belong to the legacy key {@value #LEGACY_ID}
 * ({@code GRIDLINK_DATA_KEY}), which also keeps writing that form while it is the current key. Also the SQL
 * expressions for counting values by key id in a column ({@link SealedTextColumn}).
 */
@org.springframework.modulith.NamedInterface("api")
public final class SealedValues {

	/** The id of {@code GRIDLINK_DATA_KEY}, the one key before key ids. */
	public static final String LEGACY_ID = "v1";

	private SealedValues() {
	}

	/** What a value sealed with key {@code keyId} starts with. */
	public static String prefix(String keyId) {
		return LEGACY_ID.equals(keyId) ? "v1:" : "k:" + keyId + ":";
	}

	/** The key id a sealed value names, or null when it is not a sealed value. */
	public static @Nullable String keyIdOf(String sealed) {
		if (sealed.startsWith("v1:")) {
			return LEGACY_ID;
		}
		if (sealed.startsWith("k:")) {
			int end = sealed.indexOf(':', 2);
			return end > 2 ? sealed.substring(2, end) : null;
		}
		return null;
	}

	/** SQL condition: {@code column} holds a sealed value (not null, not blank, not plain text). */
	public static String sealedSql(String column) {
		return "(" + column + " LIKE 'v1:%' OR " + column + " LIKE 'k:%')";
	}

	/** SQL expression: the key id {@code column}'s sealed value names (H2 and PostgreSQL). */
	public static String keyIdSql(String column) {
		return "CASE WHEN " + column + " LIKE 'v1:%' THEN 'v1' ELSE SUBSTRING(" + column + " FROM 3 FOR POSITION(':' IN "
				+ "SUBSTRING(" + column + " FROM 3)) - 1) END";
	}
}
