package org.gridlink.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Protects sensitive personal data (national ID numbers, phones) at rest: AES-256-GCM with a random 96-bit IV per
 * value, and a keyed HMAC-SHA256 lookup hash so that exact searches need no decryption. The data keys form a ring
 * ({@link SealingKeys}): {@code GRIDLINK_DATA_KEY} is the key with the fixed id {@value SealedValues#LEGACY_ID} (the
 * one key before key ids; blank for none), {@code GRIDLINK_DATA_KEYS} lists more as {@code id:base64,...}, and
 * {@code GRIDLINK_DATA_KEY_ID} names the current one (default {@code v1}). New values name their key id; old
 * {@code v1:} values still open. The lookup key ({@code GRIDLINK_LOOKUP_KEY}) is one key: rotating it would change
 * every lookup hash. The demo keys in application.properties are refused in production mode (a real database
 * without the demo switch).
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class PersonalDataCipher implements SealingCipher {

	static final String DEMO_DATA_KEY = "ZGVtby1vbmx5LWRhdGEta2V5LW5vdC1mb3ItcmVhbC0=";
	static final String DEMO_LOOKUP_KEY = "ZGVtby1vbmx5LWxvb2t1cC1rZXktbm90LWZvci11c2U=";

	private final SealingKeys keys;
	private final SecretKeySpec lookupKey;
	// one keyed Mac per thread: looking it up per value costs more than the work (bulk imports)
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

	/** One data key with the legacy id (tests). */
	PersonalDataCipher(String dataKey, String lookupKey, Environment environment) {
		this(dataKey, "", SealedValues.LEGACY_ID, lookupKey, environment);
	}

	@Autowired
	PersonalDataCipher(@Value("${gridlink.crypto.data-key}") String dataKey,
			@Value("${gridlink.crypto.data-keys:}") String dataKeys,
			@Value("${gridlink.crypto.data-key-id:v1}") String currentId,
			@Value("${gridlink.crypto.lookup-key}") String lookupKey, Environment environment) {
		this.keys = SealingKeys.of("GRIDLINK_DATA_KEY", dataKey, SealedValues.LEGACY_ID, dataKeys, currentId);
		if (DemoData.DemoMode.production(environment) && (keys.contains(DEMO_DATA_KEY) || DEMO_LOOKUP_KEY.equals(lookupKey))) {
			throw new IllegalStateException("A real database (not the embedded H2) is configured: set GRIDLINK_DATA_KEY and "
					+ "GRIDLINK_LOOKUP_KEY (base64 of 32 random bytes; GRIDLINK_DATA_KEY blank when every data key is in "
					+ "GRIDLINK_DATA_KEYS), or start with GRIDLINK_DEMO_ON_REAL_DATABASE=true for a trial");
		}
		this.lookupKey = new SecretKeySpec(SealingKeys.decode(lookupKey, "GRIDLINK_LOOKUP_KEY"), "HmacSHA256");
	}

	@Override
	public String ring() {
		return "data";
	}

	@Override
	public String currentKeyId() {
		return keys.currentId();
	}

	@Override
	public Set<String> keyIds() {
		return keys.ids();
	}

	/** {@code k:<current key id>:} (or {@code v1:} for the legacy key) + base64(IV || ciphertext || tag). */
	@Override
	public String encrypt(String plain) {
		return keys.encrypt(plain);
	}

	/** Decrypts a value of {@link #encrypt} under any configured data key; a tampered value fails. */
	@Override
	public String decrypt(String stored) {
		return keys.decrypt(stored);
	}

	/**
	 * Seals bytes with the current data key ({@code k:<id>:} header, then IV || ciphertext || tag), for files that
	 * hold personal data while they wait to be processed, such as a residents import's upload.
	 */
	public byte[] seal(byte[] plain) {
		return keys.sealBytes(plain);
	}

	/** Opens bytes of {@link #seal}, also bytes sealed before key ids (no header: the legacy key); tampered bytes fail. */
	public byte[] open(byte[] sealed) {
		return keys.openBytes(sealed, SealedValues.LEGACY_ID);
	}

	/** The key id sealed bytes of {@link #seal} name ({@code v1} for bytes without a header). */
	public static String keyIdOf(byte[] sealed) {
		String id = SealingKeys.bytesKeyId(sealed);
		return id == null ? SealedValues.LEGACY_ID : id;
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

	SealingKeys keys() {
		return keys;
	}
}
