package org.gridlink.platform;

import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Seals the passes' private signing keys with keys of their own, never the personal-data keys: a leaked data key does
 * not let anyone forge passes, and either ring is rotated alone. {@code GRIDLINK_PASS_KEY} is the key with the fixed
 * id {@value #SINGLE_ID} (blank for none), {@code GRIDLINK_PASS_KEYS} lists more as {@code id:base64,...},
 * {@code GRIDLINK_PASS_KEY_ID} names the current one (default {@value #SINGLE_ID}). Key ids and key bytes must
 * differ from the data keys'. Signing keys sealed before this ring existed (under the data key, {@code v1:}) still
 * open through {@link PersonalDataCipher} until the re-encryption job re-seals them. The demo key is refused in
 * production mode.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class SigningKeyCipher implements SealingCipher {

	static final String DEMO_PASS_KEY = "ZGVtby1vbmx5LXBhc3Mtc2lnbmluZy1rZXktc2VhbCE=";
	/** The id of {@code GRIDLINK_PASS_KEY}. */
	public static final String SINGLE_ID = "p1";

	private final SealingKeys keys;
	private final PersonalDataCipher data;

	@Autowired
	SigningKeyCipher(@Value("${gridlink.crypto.pass-key}") String passKey,
			@Value("${gridlink.crypto.pass-keys:}") String passKeys,
			@Value("${gridlink.crypto.pass-key-id:" + SINGLE_ID + "}") String currentId, PersonalDataCipher data,
			Environment environment) {
		this.data = data;
		this.keys = SealingKeys.of("GRIDLINK_PASS_KEY", passKey, SINGLE_ID, passKeys, currentId);
		if (DemoData.DemoMode.production(environment) && keys.contains(DEMO_PASS_KEY)) {
			throw new IllegalStateException("A real database (not the embedded H2) is configured: set GRIDLINK_PASS_KEY "
					+ "(base64 of 32 random bytes, not a data key) to seal the pass-signing keys, or start with "
					+ "GRIDLINK_DEMO_ON_REAL_DATABASE=true for a trial");
		}
		for (String id : keys.ids()) {
			if (data.keyIds().contains(id)) {
				throw new IllegalStateException("Key id '" + id + "' is both a data key (GRIDLINK_DATA_KEY*) and a pass "
						+ "key (GRIDLINK_PASS_KEY*): give the pass keys ids of their own");
			}
		}
		if (keys.sharesKeyWith(data.keys())) {
			throw new IllegalStateException("A pass key (GRIDLINK_PASS_KEY*) is also a data key (GRIDLINK_DATA_KEY*): the "
					+ "pass-signing keys must be sealed with a key of their own");
		}
	}

	@Override
	public String ring() {
		return "pass";
	}

	@Override
	public String currentKeyId() {
		return keys.currentId();
	}

	@Override
	public Set<String> keyIds() {
		return keys.ids();
	}

	@Override
	public String encrypt(String plain) {
		return keys.encrypt(plain);
	}

	/** Opens a value sealed with a pass key, or (sealed before the pass keys existed) with a data key. */
	@Override
	public String decrypt(String sealed) {
		String id = SealedValues.keyIdOf(sealed);
		if (id != null && !keys.has(id) && data.keyIds().contains(id)) {
			return data.decrypt(sealed);
		}
		return keys.decrypt(sealed);
	}
}
