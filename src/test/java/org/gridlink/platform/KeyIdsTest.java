package org.gridlink.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Key ids: several data keys, one current; old {@code v1:} values (the one key before key ids) still open; new values
 * name the current key id; a value under a key that is not configured fails naming the key id; the pass-signing keys
 * have a ring of their own, never a data key; demo keys are refused in production.
 */
class KeyIdsTest {

	static final String LEGACY = PersonalDataCipher.DEMO_DATA_KEY;
	static final String K2026B = key("2026b-data-key-thirty-two-bytes!");
	static final String K2026C = key("2026c-data-key-thirty-two-bytes!");
	static final String PASS2 = key("pass2-seal-key-thirty-two-bytes!");
	static final String LOOKUP = PersonalDataCipher.DEMO_LOOKUP_KEY;

	static String key(String thirtyTwo) {
		assertThat(thirtyTwo).hasSize(32);
		return Base64.getEncoder().encodeToString(thirtyTwo.getBytes(StandardCharsets.US_ASCII));
	}

	private final PersonalDataCipher legacyOnly = new PersonalDataCipher(LEGACY, LOOKUP, new MockEnvironment());
	private final PersonalDataCipher rotated = new PersonalDataCipher(LEGACY, "2026b:" + K2026B, "2026b", LOOKUP,
			new MockEnvironment());

	@Test
	void oldV1ValuesOpenAfterKeyIdsAreConfiguredAndNewValuesNameTheCurrentKeyId() {
		String old = legacyOnly.encrypt("11010519491231002X");
		assertThat(old).startsWith("v1:");
		assertThat(rotated.decrypt(old)).isEqualTo("11010519491231002X");
		String fresh = rotated.encrypt("13812345678");
		assertThat(fresh).startsWith("k:2026b:").doesNotContain("138123");
		assertThat(SealedValues.keyIdOf(fresh)).isEqualTo("2026b");
		assertThat(rotated.decrypt(fresh)).isEqualTo("13812345678");
		assertThat(rotated.currentKeyId()).isEqualTo("2026b");
		assertThat(rotated.keyIds()).containsExactlyInAnyOrder("v1", "2026b");
		assertThat(rotated.reseal(old)).startsWith("k:2026b:");
		// the legacy key keeps writing the legacy form while it is the current one
		assertThat(legacyOnly.currentKeyId()).isEqualTo("v1");
		// the lookup key is one key: hashes do not change with the data keys
		assertThat(rotated.lookupHash("13812345678")).isEqualTo(legacyOnly.lookupHash("13812345678"));
	}

	@Test
	void aValueUnderAKeyThatIsNotConfiguredFailsNamingItsKeyId() {
		PersonalDataCipher withoutLegacy = new PersonalDataCipher("", "2026b:" + K2026B, "2026b", LOOKUP,
				new MockEnvironment());
		String old = legacyOnly.encrypt("13812345678");
		assertThatThrownBy(() -> withoutLegacy.decrypt(old)).isInstanceOf(UnknownKeyException.class)
				.hasMessageContaining("'v1'").hasMessageContaining("GRIDLINK_DATA_KEYS")
				.satisfies(ex -> assertThat(((UnknownKeyException) ex).keyId()).isEqualTo("v1"));
		PersonalDataCipher other = new PersonalDataCipher("", "2026c:" + K2026C, "2026c", LOOKUP, new MockEnvironment());
		String underC = other.encrypt("13812345678");
		assertThatThrownBy(() -> rotated.decrypt(underC)).isInstanceOf(UnknownKeyException.class)
				.hasMessageContaining("'2026c'");
		assertThatThrownBy(() -> rotated.open(other.seal(new byte[] { 1, 2 }))).isInstanceOf(UnknownKeyException.class)
				.hasMessageContaining("'2026c'");
	}

	@Test
	void aValueUnderAConfiguredIdButAnotherKeyIsRejected() {
		PersonalDataCipher impostor = new PersonalDataCipher("", "2026b:" + K2026C, "2026b", LOOKUP, new MockEnvironment());
		String forged = impostor.encrypt("13812345678");
		assertThatThrownBy(() -> rotated.decrypt(forged)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("tampered or wrong key");
	}

	@Test
	void bytesNameTheirKeyIdAndBytesSealedBeforeKeyIdsStillOpen() throws Exception {
		byte[] sealed = rotated.seal("id,phone".getBytes(StandardCharsets.UTF_8));
		assertThat(new String(sealed, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("k:2026b:");
		assertThat(PersonalDataCipher.keyIdOf(sealed)).isEqualTo("2026b");
		assertThat(rotated.open(sealed)).asString(StandardCharsets.UTF_8).isEqualTo("id,phone");
		// the form before key ids: IV || ciphertext || tag under GRIDLINK_DATA_KEY, no header
		byte[] iv = new byte[12];
		iv[0] = 7;
		Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
		aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(LEGACY), "AES"),
				new GCMParameterSpec(128, iv));
		byte[] body = aes.doFinal("old,upload".getBytes(StandardCharsets.UTF_8));
		byte[] legacy = ByteBuffer.allocate(12 + body.length).put(iv).put(body).array();
		assertThat(PersonalDataCipher.keyIdOf(legacy)).isEqualTo("v1");
		assertThat(rotated.open(legacy)).asString(StandardCharsets.UTF_8).isEqualTo("old,upload");
	}

	@Test
	void badKeyConfigurationsAreRefusedWithTheSettingNamed() {
		MockEnvironment env = new MockEnvironment();
		assertThatThrownBy(() -> new PersonalDataCipher(LEGACY, "", "2026b", LOOKUP, env))
				.hasMessageContaining("GRIDLINK_DATA_KEY_ID").hasMessageContaining("'2026b'");
		assertThatThrownBy(() -> new PersonalDataCipher(LEGACY, "bad_id!:" + K2026B, "v1", LOOKUP, env))
				.hasMessageContaining("GRIDLINK_DATA_KEYS");
		assertThatThrownBy(() -> new PersonalDataCipher(LEGACY, "v1:" + K2026B, "v1", LOOKUP, env))
				.hasMessageContaining("twice");
		assertThatThrownBy(() -> new PersonalDataCipher(LEGACY, "2026b:c2hvcnQ=", "v1", LOOKUP, env))
				.hasMessageContaining("32 bytes");
		assertThatThrownBy(() -> new PersonalDataCipher("", "", "v1", LOOKUP, env)).hasMessageContaining("none");
	}

	@Test
	void demoDataKeysAreRefusedInProductionWhereverTheyAreConfigured() {
		MockEnvironment production = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/x");
		assertThatThrownBy(() -> new PersonalDataCipher(K2026C, "old:" + LEGACY, "v1", key("a-real-lookup-key-of-32-bytes-ok"),
				production)).hasMessageContaining("GRIDLINK_DATA_KEY");
		// a blank GRIDLINK_DATA_KEY: every key is in GRIDLINK_DATA_KEYS
		PersonalDataCipher real = new PersonalDataCipher("", "2026b:" + K2026B, "2026b",
				key("a-real-lookup-key-of-32-bytes-ok"), production);
		assertThat(real.currentKeyId()).isEqualTo("2026b");
	}

	@Test
	void passSigningKeysHaveTheirOwnRingAndOldKeysSealedWithTheDataKeyStillOpen() {
		SigningKeyCipher signing = new SigningKeyCipher(SigningKeyCipher.DEMO_PASS_KEY, "", "p1", rotated,
				new MockEnvironment());
		String sealed = signing.encrypt("pkcs8");
		assertThat(sealed).startsWith("k:p1:");
		assertThatThrownBy(() -> rotated.decrypt(sealed)).isInstanceOf(UnknownKeyException.class);
		String sealedWithTheDataKeyBefore = legacyOnly.encrypt("pkcs8-old");
		assertThat(signing.decrypt(sealedWithTheDataKeyBefore)).isEqualTo("pkcs8-old");
		assertThat(signing.reseal(sealedWithTheDataKeyBefore)).startsWith("k:p1:");
		SigningKeyCipher rotatedPass = new SigningKeyCipher(SigningKeyCipher.DEMO_PASS_KEY, "p2:" + PASS2, "p2", rotated,
				new MockEnvironment());
		assertThat(rotatedPass.decrypt(sealed)).isEqualTo("pkcs8");
		assertThat(rotatedPass.encrypt("x")).startsWith("k:p2:");
	}

	@Test
	void aPassKeyIsNeverADataKeyAndTheDemoPassKeyIsRefusedInProduction() {
		MockEnvironment env = new MockEnvironment();
		assertThatThrownBy(() -> new SigningKeyCipher(LEGACY, "", "p1", rotated, env)).hasMessageContaining("also a data key");
		assertThatThrownBy(() -> new SigningKeyCipher(PASS2, "2026b:" + key("another-pass-key-thirty-two-byte"), "p1",
				rotated, env)).hasMessageContaining("'2026b'");
		MockEnvironment production = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/x");
		PersonalDataCipher realData = new PersonalDataCipher("", "2026b:" + K2026B, "2026b",
				key("a-real-lookup-key-of-32-bytes-ok"), production);
		assertThatThrownBy(() -> new SigningKeyCipher(SigningKeyCipher.DEMO_PASS_KEY, "", "p1", realData, production))
				.hasMessageContaining("GRIDLINK_PASS_KEY");
		assertThat(new SigningKeyCipher(PASS2, "", "p1", realData, production).currentKeyId()).isEqualTo("p1");
	}
}
