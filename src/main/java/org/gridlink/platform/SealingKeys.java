package org.gridlink.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * A ring of AES-256-GCM keys, each with an id, one of them current: new values are sealed with the current key and
 * name its id ({@link SealedValues}), old values are opened with the key they name. Built from configuration: one
 * single key with a fixed id (e.g. {@code GRIDLINK_DATA_KEY} as {@code v1}; blank for none) plus a list
 * {@code id:base64,id:base64} and the id of the current key.
 */
final class SealingKeys {

	private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9.-]{1,12}");
	private static final int IV_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final String setting;
	private final Map<String, SecretKeySpec> keys;
	private final String current;
	private final SecureRandom random = new SecureRandom();
	// one Cipher per thread: looking it up per value costs more than the work (bulk imports)
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(SealingKeys::newCipher);

	private SealingKeys(String setting, Map<String, SecretKeySpec> keys, String current) {
		this.setting = setting;
		this.keys = keys;
		this.current = current;
	}

	/**
	 * @param setting the environment variables' stem, for messages ({@code GRIDLINK_DATA_KEY})
	 * @param single base64 of the single key, blank for none
	 * @param singleId the single key's fixed id
	 * @param list {@code id:base64} pairs, comma separated, may be blank
	 * @param currentId the id of the key new values are sealed with
	 */
	static SealingKeys of(String setting, String single, String singleId, String list, String currentId) {
		Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
		if (!single.isBlank()) {
			keys.put(singleId, new SecretKeySpec(decode(single, setting), "AES"));
		}
		for (String entry : list.split(",")) {
			if (entry.isBlank()) {
				continue;
			}
			int colon = entry.indexOf(':');
			String id = colon < 0 ? "" : entry.substring(0, colon).trim();
			if (!KEY_ID.matcher(id).matches()) {
				throw new IllegalStateException(setting + "S: each entry is id:base64, the id 1 to 12 letters, digits, dots "
						+ "or dashes (got '" + (colon < 0 ? "" : id) + "')");
			}
			if (keys.containsKey(id)) {
				throw new IllegalStateException(setting + "S: key id '" + id + "' is configured twice"
						+ (id.equals(singleId) ? " (" + setting + " has the id " + singleId + ")" : ""));
			}
			keys.put(id, new SecretKeySpec(decode(entry.substring(colon + 1), setting + "S key " + id), "AES"));
		}
		String currentKey = currentId.trim();
		if (!keys.containsKey(currentKey)) {
			throw new IllegalStateException(setting + "_ID names key '" + currentKey + "', which is not configured (configured: "
					+ (keys.isEmpty() ? "none" : String.join(", ", keys.keySet())) + "; " + setting + " has the id "
					+ singleId + ", " + setting + "S lists id:base64 pairs)");
		}
		return new SealingKeys(setting, Map.copyOf(keys), currentKey);
	}

	String currentId() {
		return current;
	}

	Set<String> ids() {
		return keys.keySet();
	}

	boolean has(String id) {
		return keys.containsKey(id);
	}

	/** True when one of this ring's keys has the same bytes as one of {@code other}'s. */
	boolean sharesKeyWith(SealingKeys other) {
		return keys.values().stream().anyMatch(
				k -> other.keys.values().stream().anyMatch(o -> Arrays.equals(k.getEncoded(), o.getEncoded())));
	}

	/** True when one of the keys is {@code base64}'s key. */
	boolean contains(String base64) {
		byte[] key = Base64.getDecoder().decode(base64);
		return keys.values().stream().anyMatch(k -> Arrays.equals(k.getEncoded(), key));
	}

	/** {@link SealedValues#prefix} of the current key + base64(IV || ciphertext || tag). */
	String encrypt(String plain) {
		return SealedValues.prefix(current)
				+ Base64.getEncoder().encodeToString(seal(current, plain.getBytes(StandardCharsets.UTF_8)));
	}

	/** Opens a value of {@link #encrypt} under any configured key; a tampered value or an unknown key id fails. */
	String decrypt(String stored) {
		String id = SealedValues.keyIdOf(stored);
		if (id == null) {
			throw new IllegalArgumentException("Unknown ciphertext version");
		}
		SecretKeySpec key = keyFor(id);
		byte[] all;
		try {
			all = Base64.getDecoder().decode(stored.substring(SealedValues.prefix(id).length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Ciphertext rejected (not base64)", ex);
		}
		return new String(open(key, all), StandardCharsets.UTF_8);
	}

	/** Bytes sealed with the current key: {@code k:<id>:} in ASCII, then IV || ciphertext || tag. */
	byte[] sealBytes(byte[] plain) {
		byte[] header = ("k:" + current + ":").getBytes(StandardCharsets.US_ASCII);
		byte[] sealed = seal(current, plain);
		return ByteBuffer.allocate(header.length + sealed.length).put(header).put(sealed).array();
	}

	/**
	 * Opens bytes of {@link #sealBytes}, or bytes without a header (sealed before key ids, with {@code legacyId}'s
	 * key). Raw bytes may start like a header by chance, so a header that does not open falls back to the legacy key.
	 */
	byte[] openBytes(byte[] sealed, String legacyId) {
		String id = bytesKeyId(sealed);
		if (id != null && keys.containsKey(id)) {
			try {
				return open(keys.get(id), Arrays.copyOfRange(sealed, id.length() + 3, sealed.length));
			}
			catch (IllegalArgumentException ex) {
				if (!keys.containsKey(legacyId)) {
					throw ex;
				}
			}
		}
		else if (id != null) {
			// a header naming a key that is not configured, unless these are legacy bytes that only look like one
			if (!keys.containsKey(legacyId)) {
				throw new UnknownKeyException(id, setting);
			}
			try {
				return open(keys.get(legacyId), sealed);
			}
			catch (IllegalArgumentException ex) {
				throw new UnknownKeyException(id, setting);
			}
		}
		return open(keyFor(legacyId), sealed);
	}

	/** The key id in the header of sealed bytes, or null when they have none (legacy). */
	static @Nullable String bytesKeyId(byte[] sealed) {
		if (sealed.length < 4 || sealed[0] != 'k' || sealed[1] != ':') {
			return null;
		}
		for (int i = 2; i < Math.min(sealed.length, 16); i++) {
			if (sealed[i] == ':') {
				String id = new String(sealed, 2, i - 2, StandardCharsets.US_ASCII);
				return KEY_ID.matcher(id).matches() ? id : null;
			}
		}
		return null;
	}

	private SecretKeySpec keyFor(String id) {
		SecretKeySpec key = keys.get(id);
		if (key == null) {
			throw new UnknownKeyException(id, setting);
		}
		return key;
	}

	private byte[] seal(String id, byte[] plain) {
		try {
			byte[] iv = new byte[IV_BYTES];
			random.nextBytes(iv);
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(id), new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	private static byte[] open(SecretKeySpec key, byte[] all) {
		if (all.length < IV_BYTES + TAG_BITS / 8) {
			throw new IllegalArgumentException("Ciphertext rejected (too short)");
		}
		try {
			Cipher cipher = newCipher();
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
			return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Ciphertext rejected (tampered or wrong key)", ex);
		}
	}

	private static Cipher newCipher() {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES/GCM unavailable", ex);
		}
	}

	static byte[] decode(String base64, String name) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The key " + name + " is not base64", ex);
		}
		if (key.length != 32) {
			throw new IllegalStateException("The key " + name + " must be 32 bytes, not " + key.length);
		}
		return key;
	}
}
