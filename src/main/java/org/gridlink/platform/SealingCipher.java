package org.gridlink.platform;

import java.util.Set;

/**
 * Seals text with the current key of a key ring and opens text sealed with any of its keys
 * ({@link PersonalDataCipher} for personal data, {@link SigningKeyCipher} for the passes' private signing keys).
 */
@org.springframework.modulith.NamedInterface("api")
public interface SealingCipher {

	/** Which ring: {@code data} or {@code pass} (message key {@code keys.ring.<ring>}). */
	String ring();

	/** The id of the key new values are sealed with. */
	String currentKeyId();

	/** The ids of the configured keys (never the keys). */
	Set<String> keyIds();

	/** Seals with the current key; the result names its key id ({@link SealedValues}). */
	String encrypt(String plain);

	/** Opens a value sealed with any configured key; a tampered value fails, an unknown key id with {@link UnknownKeyException}. */
	String decrypt(String sealed);

	/** The same plain value sealed with the current key. */
	default String reseal(String sealed) {
		return encrypt(decrypt(sealed));
	}
}
