package org.gridlink.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Protects sensitive personal data (national ID numbers, phones) at rest: AES-256-GCM with a random 96-bit IV per
 * value, and a keyed HMAC-SHA256 lookup hash so that exact searches need no decryption. Both keys come from
 * configuration ({@code GRIDLINK_DATA_KEY}, {@code GRIDLINK_LOOKUP_KEY}, base64 of 32 bytes). The demo keys in
 * application.properties are refused in production mode (a real database without the demo switch).
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class PersonalDataCipher {

	static final String DEMO_DATA_KEY = "ZGVtby1vbmx5LWRhdGEta2V5LW5vdC1mb3ItcmVhbC0=";
	static final String DEMO_LOOKUP_KEY = "ZGVtby1vbmx5LWxvb2t1cC1rZXktbm90LWZvci11c2U=";
	private static final String VERSION = "v1:";
	private static final int IV_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();
	private final SecretKeySpec dataKey;
	private final SecretKeySpec lookupKey;
	// one Cipher and one keyed Mac per thread: looking them up per value costs more than the work (bulk imports)
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES/GCM unavailable", ex);
		}
	});
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(lookupKey);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	PersonalDataCipher(@Value("${gridlink.crypto.data-key}") String dataKey,
			@Value("${gridlink.crypto.lookup-key}") String lookupKey, Environment environment) {
		if (DemoData.DemoMode.production(environment)
				&& (DEMO_DATA_KEY.equals(dataKey) || DEMO_LOOKUP_KEY.equals(lookupKey))) {
			throw new IllegalStateException("A real database (not the embedded H2) is configured: set GRIDLINK_DATA_KEY and "
					+ "GRIDLINK_LOOKUP_KEY (base64 of 32 random bytes), or start with GRIDLINK_DEMO_ON_REAL_DATABASE=true "
					+ "for a trial");
		}
		this.dataKey = new SecretKeySpec(decodeKey(dataKey, "data"), "AES");
		this.lookupKey = new SecretKeySpec(decodeKey(lookupKey, "lookup"), "HmacSHA256");
	}

	/** {@code v1:} + base64(IV || ciphertext || tag). */
	public String encrypt(String plain) {
		try {
			byte[] iv = new byte[IV_BYTES];
			random.nextBytes(iv);
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return VERSION + Base64.getEncoder()
					.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	/** Decrypts a value of {@link #encrypt}; a tampered value fails. */
	public String decrypt(String stored) {
		if (!stored.startsWith(VERSION)) {
			throw new IllegalArgumentException("Unknown ciphertext version");
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
			return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Ciphertext rejected (tampered or wrong key)", ex);
		}
	}

	/**
	 * Seals bytes with the data key (IV || ciphertext || tag), for files that hold personal data while they wait to
	 * be processed, such as a residents import's upload.
	 */
	public byte[] seal(byte[] plain) {
		try {
			byte[] iv = new byte[IV_BYTES];
			random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	/** Opens bytes of {@link #seal}; tampered bytes or another key fail. */
	public byte[] open(byte[] sealed) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
			return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Sealed bytes rejected (tampered or wrong key)", ex);
		}
	}

	/** Keyed hash of a normalised value, for exact lookup (e.g. by ID number) without decrypting. */
	public String lookupHash(String normalised) {
		try {
			return HexFormat.of().formatHex(macs.get().doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("Hashing failed", ex);
		}
	}

	private static byte[] decodeKey(String base64, String name) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The " + name + " key is not base64", ex);
		}
		if (key.length != 32) {
			throw new IllegalStateException("The " + name + " key must be 32 bytes, not " + key.length);
		}
		return key;
	}
}
